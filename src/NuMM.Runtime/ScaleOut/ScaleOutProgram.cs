using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using NuMM.Runtime.Data;
using NuMM.Runtime.ScaleOut.Condor;
using NuMM.Runtime.ScaleOut.Slurm;

namespace NuMM.Runtime.ScaleOut;

/// <summary>The command line of an analysis program that scales out. One line in <c>Main</c>:
/// <code>return ScaleOutProgram.Main(args, new SelectionJob&lt;MyEvent.Batch&gt;(() =&gt; new MySelection.Kernel(), MyEvent.Batch.Schema, n =&gt; new MyEvent.Batch(n)));</code>
/// gives the verbs <c>run [--shard i/N]</c>, <c>merge</c>, <c>submit slurm|condor</c> and <c>status</c> (see
/// <see cref="Usage"/> and docs/scale-out.md).</summary>
public static class ScaleOutProgram
{
    private static readonly string[] Flags = ["wait", "resubmit", "merge", "dry-run"];

    /// <summary>The usage text.</summary>
    public static string Usage(IReadOnlyList<IScaleOutJob> jobs) => $"""
        Usage: <program> VERB [options]     jobs: {string.Join(", ", jobs.Select(j => j.Name))} (choose with --job NAME when there are several)
          run [--shard i/N] --output FILE (--dataset FILE | FILES... --tree NAME [--pot X | --livetime S]) [--batch-size B] [--threads T]
          run --work DIR [--shard i/N]          a piece of a submitted job (i from SLURM_ARRAY_TASK_ID when --shard is absent)
          merge --output FILE PIECES...         merge piece files (refuses incomplete or inconsistent sets; writes atomically)
          merge --work DIR                      merge a work folder's pieces into DIR/merged.*
          submit slurm --work DIR --shards N [job options] [--partition P] [--account A] [--qos Q] [--constraint C]
                 [--time HH:MM:SS] [--cpus C] [--mem M] [--sbatch-option OPT]... [--wait] [--dry-run]
          submit condor --work DIR --shards N [job options] [--cpus C] [--mem "4 GB"]   (writes condor.sub; not submitted)
          status --work DIR [--wait] [--resubmit] [--merge] [--poll SECONDS] [--timeout SECONDS] [--max-resubmits K]
        """;

    /// <summary>Runs a verb; returns the process exit code (0 success, 1 failure, 2 usage error).</summary>
    /// <param name="args">The program's arguments.</param>
    /// <param name="jobs">The program's jobs, at least one.</param>
    public static int Main(string[] args, params IScaleOutJob[] jobs) => Main(args, Console.Out, Console.Error, jobs);

    /// <summary>Runs a verb writing to the given streams (for tests).</summary>
    public static int Main(string[] args, TextWriter output, TextWriter error, params IScaleOutJob[] jobs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Length == 0) throw new ArgumentException("A scale-out program needs at least one job.", nameof(jobs));
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? error : output).WriteLine(Usage(jobs));
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            string verb = args[0];
            var rest = args.Skip(1).ToList();
            string? scheduler = null;
            if (verb == "submit")
            {
                if (rest.Count == 0 || rest[0] is not ("slurm" or "condor")) throw new ArgumentException("submit needs a scheduler: 'submit slurm' or 'submit condor'.");
                scheduler = rest[0];
                rest.RemoveAt(0);
            }
            var o = new ScaleOutArguments(rest, Flags);
            return verb switch
            {
                "run" => RunVerb(o, jobs, output),
                "merge" => MergeVerb(o, jobs, output),
                "submit" => SubmitVerb(o, jobs, scheduler!, output),
                "status" => StatusVerb(o, jobs, output),
                _ => throw new ArgumentException($"Unknown verb '{verb}'."),
            };
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage(jobs));
            return 2;
        }
        catch (Exception e) when (e is MergeException or DataFormatException or FormatException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static IScaleOutJob Pick(IReadOnlyList<IScaleOutJob> jobs, string? name)
    {
        if (name == null)
        {
            if (jobs.Count == 1) return jobs[0];
            throw new ArgumentException($"This program has several jobs ({string.Join(", ", jobs.Select(j => j.Name))}); choose one with --job NAME.");
        }
        return jobs.FirstOrDefault(j => j.Name == name) ?? throw new ArgumentException($"No job '{name}'; the jobs are {string.Join(", ", jobs.Select(j => j.Name))}.");
    }

    private static int RunVerb(ScaleOutArguments o, IReadOnlyList<IScaleOutJob> jobs, TextWriter output)
    {
        if (o.Get("work") is { } dir)
        {
            var work = WorkFolder.Load(dir);
            var job = Pick(jobs, work.Job);
            int piece;
            if (o.Get("shard") is { } s)
            {
                var (i, n) = ScaleOutArguments.ParseShard(s);
                if (n != work.Pieces) throw new ArgumentException($"--shard {s}: the work folder {work.Path} has {work.Pieces} pieces.");
                piece = i;
            }
            else if (Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID") is { } task)
                piece = int.Parse(task, CultureInfo.InvariantCulture);
            else throw new ArgumentException("run --work needs --shard i/N (or SLURM_ARRAY_TASK_ID).");
            o.WithStored(work.Options);
            job.RunPiece(o, piece, work.Pieces, work.PieceFile(piece), output);
            return 0;
        }
        var j = Pick(jobs, o.Get("job"));
        var (index, count) = o.Get("shard") is { } shard ? ScaleOutArguments.ParseShard(shard) : (0, 1);
        string file = o.Get("output") ?? throw new ArgumentException("run needs --output FILE (or --work DIR).");
        j.RunPiece(o, index, count, file, output);
        return 0;
    }

    private static int MergeVerb(ScaleOutArguments o, IReadOnlyList<IScaleOutJob> jobs, TextWriter output)
    {
        if (o.Get("work") is { } dir)
        {
            var work = WorkFolder.Load(dir);
            var job = Pick(jobs, work.Job);
            var files = Enumerable.Range(0, work.Pieces).Select(work.PieceFile).Where(File.Exists).ToList();
            output.WriteLine(job.Merge(files, o.Get("output") ?? work.MergedFile));
            return 0;
        }
        var j = Pick(jobs, o.Get("job"));
        string file = o.Get("output") ?? throw new ArgumentException("merge needs --output FILE (or --work DIR).");
        if (o.Positional.Count == 0) throw new ArgumentException("merge needs the piece files.");
        output.WriteLine(j.Merge(o.Positional, file));
        return 0;
    }

    /// <summary>The command that starts this program again (the dotnet host with the entry assembly, or the app host).</summary>
    public static IReadOnlyList<string> CurrentProgram()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("The program's path is unknown; give --program.");
        string? entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && !string.IsNullOrEmpty(entry) ? [process, entry] : [process];
    }

    private static int SubmitVerb(ScaleOutArguments o, IReadOnlyList<IScaleOutJob> jobs, string scheduler, TextWriter output)
    {
        var job = Pick(jobs, o.Get("job"));
        string dir = Path.GetFullPath(o.Get("work") ?? throw new ArgumentException("submit needs --work DIR (a new or empty folder)."));
        int pieces = o.Int("shards", 0, 1, 1_000_000);
        if (pieces == 0) throw new ArgumentException("submit needs --shards N.");
        if (File.Exists(Path.Combine(dir, "scaleout.json")))
            throw new ArgumentException($"{dir} already holds a submitted job; use 'status --work {dir}' (with --resubmit) or choose a new folder.");
        Directory.CreateDirectory(dir);
        int cpus = o.Int("cpus", 1, 1);
        var stored = new Dictionary<string, string>(job.Configure(o, dir, pieces)) { ["threads"] = cpus.ToString(CultureInfo.InvariantCulture) };
        var program = o.Get("program") is { } p ? p.Split(' ', StringSplitOptions.RemoveEmptyEntries) : CurrentProgram();
        var work = new WorkFolder { Path = dir, Job = job.Name, Pieces = pieces, Program = program, Options = stored, Extension = job.FileExtension, Scheduler = scheduler };
        Directory.CreateDirectory(work.LogFolder);
        Directory.CreateDirectory(Path.Combine(dir, "pieces"));
        if (scheduler == "condor")
        {
            work.Save();
            string sub = CondorSubmit.Write(work, cpus, o.Get("mem"));
            output.WriteLine($"Wrote {sub} ({pieces} jobs); submit it with: condor_submit {sub}; then 'merge --work {dir}'.");
            return 0;
        }
        var resources = new SlurmResources
        {
            Partition = o.Get("partition"), Account = o.Get("account"), Qos = o.Get("qos"), Constraint = o.Get("constraint"),
            Time = o.Get("time"), CpusPerTask = cpus, Memory = o.Get("mem"), Extra = o.All("sbatch-option"),
        };
        string script = Path.Combine(dir, "job.sbatch");
        AtomicFile.Write(script, Encoding.UTF8.GetBytes(SlurmScheduler.Script(work, resources)));
        if (o.Flag("dry-run"))
        {
            work.Save();
            output.WriteLine($"Wrote {script}; not submitted (--dry-run). Submit with: sbatch --array=0-{pieces - 1} {script}");
            return 0;
        }
        string id = SlurmScheduler.Submit(script, Enumerable.Range(0, pieces).ToList());
        work.JobIds.Add(id);
        work.Save();
        output.WriteLine($"Submitted Slurm job {id}: {pieces} array tasks of {job.Name} ({script}).");
        if (!o.Flag("wait")) return 0;
        return Follow(work, job, o, output, resubmit: true, merge: true);
    }

    private static int StatusVerb(ScaleOutArguments o, IReadOnlyList<IScaleOutJob> jobs, TextWriter output)
    {
        var work = WorkFolder.Load(o.Get("work") ?? throw new ArgumentException("status needs --work DIR."));
        var job = Pick(jobs, work.Job);
        if (!o.Flag("wait"))
        {
            var s = Survey(work, job);
            output.WriteLine(s.Line(work.Pieces));
            foreach (var (i, why) in s.Failed) output.WriteLine($"  piece {i} failed: {why}");
            if (o.Flag("resubmit") && (s.Failed.Count + s.Missing.Count) > 0) Resubmit(work, s, output);
            if (o.Flag("merge") && s.Done.Count == work.Pieces) output.WriteLine(job.Merge(Enumerable.Range(0, work.Pieces).Select(work.PieceFile).ToList(), work.MergedFile));
            return s.Done.Count == work.Pieces ? 0 : 3;
        }
        return Follow(work, job, o, output, o.Flag("resubmit"), o.Flag("merge"));
    }

    private sealed record Surveyed(List<int> Done, List<int> Running, List<int> Pending, List<(int, string)> Failed, List<int> Missing)
    {
        public string Line(int n)
        {
            const int width = 30;
            int filled = n == 0 ? width : (int)((long)Done.Count * width / n);
            return $"[{new string('#', filled)}{new string('.', width - filled)}] {Done.Count}/{n} done, {Running.Count} running, {Pending.Count} pending, {Failed.Count} failed, {Missing.Count} missing";
        }
    }

    private static Surveyed Survey(WorkFolder work, IScaleOutJob job)
    {
        var states = work.Scheduler == "slurm" ? SlurmScheduler.States(work.JobIds) : new Dictionary<int, SlurmTaskState>();
        var s = new Surveyed([], [], [], [], []);
        for (int i = 0; i < work.Pieces; i++)
        {
            if (job.IsComplete(work.PieceFile(i), i, work.Pieces)) { s.Done.Add(i); continue; }
            if (states.TryGetValue(i, out var st))
            {
                if (st.State == "RUNNING" || st.State == "COMPLETING" || st.State == "CONFIGURING") { s.Running.Add(i); continue; }
                if (SlurmScheduler.IsActive(st.State)) { s.Pending.Add(i); continue; }
                // Completed but without a valid result file: the output was lost or damaged afterwards.
                if (st.State == "COMPLETED") { s.Missing.Add(i); continue; }
                string log = SlurmScheduler.Tail(Path.Combine(work.LogFolder, $"piece-{i}.err"));
                s.Failed.Add((i, $"{st.State} (job {st.JobId}){(log.Length > 0 ? ": " + log : "")}"));
                continue;
            }
            s.Missing.Add(i);
        }
        return s;
    }

    private static void Resubmit(WorkFolder work, Surveyed s, TextWriter output)
    {
        var again = s.Failed.Select(f => f.Item1).Concat(s.Missing).Order().ToList();
        string id = SlurmScheduler.Submit(Path.Combine(work.Path, "job.sbatch"), again);
        work.JobIds.Add(id);
        work.Save();
        output.WriteLine($"Resubmitted piece(s) {WorkFolder.ArrayList(again)} as Slurm job {id}.");
    }

    private static int Follow(WorkFolder work, IScaleOutJob job, ScaleOutArguments o, TextWriter output, bool resubmit, bool merge)
    {
        double poll = o.Double("poll") ?? 2.0;
        double timeout = o.Double("timeout") ?? double.PositiveInfinity;
        int maxResubmits = o.Int("max-resubmits", 3, 0);
        int resubmits = 0;
        var clock = Stopwatch.StartNew();
        string last = "";
        while (true)
        {
            var s = Survey(work, job);
            string line = s.Line(work.Pieces);
            if (line != last) { output.WriteLine($"{clock.Elapsed.TotalSeconds,7:F1} s {line}"); last = line; }
            if (s.Done.Count == work.Pieces)
            {
                if (merge) output.WriteLine(job.Merge(Enumerable.Range(0, work.Pieces).Select(work.PieceFile).ToList(), work.MergedFile));
                return 0;
            }
            if (s.Running.Count == 0 && s.Pending.Count == 0 && (s.Failed.Count + s.Missing.Count) > 0)
            {
                foreach (var (i, why) in s.Failed) output.WriteLine($"  piece {i} failed: {why}");
                if (!resubmit || resubmits >= maxResubmits || work.Scheduler != "slurm")
                {
                    output.WriteLine($"Stopped: {s.Failed.Count + s.Missing.Count} piece(s) failed or missing{(resubmit ? $" after {resubmits} resubmission(s)" : "; use --resubmit")}.");
                    return 1;
                }
                Resubmit(work, s, output);
                resubmits++;
            }
            if (clock.Elapsed.TotalSeconds > timeout) { output.WriteLine($"Timed out after {timeout} s."); return 1; }
            Thread.Sleep(TimeSpan.FromSeconds(poll));
        }
    }
}
