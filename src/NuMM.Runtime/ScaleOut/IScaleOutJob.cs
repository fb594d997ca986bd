using System.Collections.Generic;
using System.IO;

namespace NuMM.Runtime.ScaleOut;

/// <summary>Work that splits into N independent pieces whose result files merge deterministically: a selection over a
/// dataset (<see cref="SelectionJob{TBatch}"/>) or a Feldman–Cousins construction (<see cref="FeldmanCousinsJob"/>).
/// <see cref="ScaleOutProgram"/> gives any such job the verbs run, merge, submit and status.</summary>
public interface IScaleOutJob
{
    /// <summary>The job's name on the command line (<c>--job NAME</c> when a program has several).</summary>
    string Name { get; }

    /// <summary>The extension of the piece and merged result files, with the dot.</summary>
    string FileExtension { get; }

    /// <summary>Reads the job's own options (for example the dataset) at submission, stores what the pieces need in
    /// <paramref name="workFolder"/>, and returns the options every piece is run with.</summary>
    /// <param name="options">The command line's options.</param>
    /// <param name="workFolder">The work folder (exists).</param>
    /// <param name="pieces">Number of pieces.</param>
    IReadOnlyDictionary<string, string> Configure(ScaleOutArguments options, string workFolder, int pieces);

    /// <summary>Runs piece <paramref name="piece"/> of <paramref name="pieces"/> and writes <paramref name="output"/> atomically.</summary>
    /// <param name="options">The options (stored at submission, or given on the command line).</param>
    /// <param name="piece">0 ≤ piece &lt; pieces.</param>
    /// <param name="pieces">Number of pieces.</param>
    /// <param name="output">The piece's result file.</param>
    /// <param name="log">Messages for the user.</param>
    void RunPiece(ScaleOutArguments options, int piece, int pieces, string output, TextWriter log);

    /// <summary>Merges piece files (refusing an incomplete or inconsistent set, naming the file) into <paramref name="output"/>
    /// atomically; returns a one-line summary.</summary>
    /// <param name="files">The piece files.</param>
    /// <param name="output">The merged file.</param>
    string Merge(IReadOnlyList<string> files, string output);

    /// <summary>True when <paramref name="file"/> is a complete piece result of this job (a quick header check).</summary>
    /// <param name="file">A piece file.</param>
    /// <param name="piece">The piece it must be.</param>
    /// <param name="pieces">The number of pieces.</param>
    bool IsComplete(string file, int piece, int pieces);
}
