using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NuMM.Runtime.ScaleOut.Condor;

/// <summary>HTCondor files for a work folder, as an alternative to Slurm: a submit description queuing one job per piece
/// and the wrapper script each job runs. Generated only; submit them with <c>condor_submit</c> (untested here: no
/// HTCondor pool is available to the NuMM CI).</summary>
public static class CondorSubmit
{
    /// <summary>Writes <c>condor.sub</c> and <c>condor-task.sh</c> into the work folder; returns the submit file's path.</summary>
    /// <param name="work">The work folder.</param>
    /// <param name="cpus">CPUs per job (<c>request_cpus</c>).</param>
    /// <param name="memory">Memory per job (<c>request_memory</c>, e.g. "4 GB"); null for the pool's default.</param>
    public static string Write(WorkFolder work, int cpus, string? memory)
    {
        string task = Path.Combine(work.Path, "condor-task.sh");
        AtomicFile.Write(task, System.Text.Encoding.UTF8.GetBytes(WorkFolder.Text(
        [
            "#!/bin/bash",
            "# One NuMM scale-out piece under HTCondor: $1 is the piece index ($(Process)).",
            "set -euo pipefail",
            $"exec {work.ProgramCommand()} run --work {WorkFolder.ShellQuote(work.Path)} --shard \"$1/{work.Pieces.ToString(CultureInfo.InvariantCulture)}\" --threads {cpus.ToString(CultureInfo.InvariantCulture)}",
        ])));
        if (!System.OperatingSystem.IsWindows()) File.SetUnixFileMode(task, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var lines = new List<string>
        {
            $"# NuMM scale-out: {work.Job}, {work.Pieces} pieces (generated; submit with condor_submit).",
            "universe = vanilla",
            $"executable = {task}",
            "arguments = $(Process)",
            $"initialdir = {work.Path}",
            $"output = {work.LogFolder}/piece-$(Process).out",
            $"error = {work.LogFolder}/piece-$(Process).err",
            $"log = {work.LogFolder}/condor.log",
            $"request_cpus = {cpus.ToString(CultureInfo.InvariantCulture)}",
            "getenv = True",
            "should_transfer_files = NO",
        };
        if (memory != null) lines.Add($"request_memory = {memory}");
        lines.Add($"queue {work.Pieces.ToString(CultureInfo.InvariantCulture)}");
        string submit = Path.Combine(work.Path, "condor.sub");
        AtomicFile.Write(submit, System.Text.Encoding.UTF8.GetBytes(WorkFolder.Text(lines)));
        return submit;
    }
}
