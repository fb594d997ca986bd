using System;
using NuMM.Runtime.Selection;
using Spectre.Console;

namespace NuMM.Runtime.Reporting.Terminal;

/// <summary>A progress bar (Spectre.Console) for long work counted in events — a selection run, a file conversion —
/// shown only when standard output is an interactive terminal. With output redirected (CI logs, pipes, files) nothing
/// is drawn and nothing is written, so logs hold only what the program prints itself.</summary>
public static class TerminalProgress
{
    /// <summary>True when standard output is an interactive terminal, so <see cref="Run{T}"/> draws a bar.</summary>
    public static bool IsShown => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/>, passing it a progress sink; when <see cref="IsShown"/>, a bar labelled
    /// <paramref name="description"/> follows the events it reports out of <paramref name="totalEvents"/>.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="description">What is being done, for example the sample's name (plain text, not markup).</param>
    /// <param name="totalEvents">The events the work will process (the bar's 100 %); at least 0.</param>
    /// <param name="work">The work; it reports through the sink it is given, for example as
    /// <see cref="RunOptions.Progress"/> of an <see cref="AnalysisRunner"/> run. Reports may come from any thread.</param>
    /// <returns>The work's result.</returns>
    public static T Run<T>(string description, long totalEvents, Func<IProgress<RunProgress>, T> work) =>
        RunOn(IsShown ? AnsiConsole.Console : null, description, totalEvents, work);

    /// <summary>As <see cref="Run{T}(string, long, Func{IProgress{RunProgress}, T})"/> on a given console; null draws nothing.</summary>
    internal static T RunOn<T>(IAnsiConsole? console, string description, long totalEvents, Func<IProgress<RunProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegative(totalEvents);
        if (console is null) return work(Silent.Instance);
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, totalEvents));
                var result = work(new TaskProgress(task));
                task.Value = task.MaxValue; // a source may hold fewer events than announced; the work is done either way
                return result;
            });
    }

    /// <summary>Reports into a Spectre task, whose value setter takes a lock, so a worker thread may report (the
    /// runner reports one batch at a time, in order).</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => task.Value = Math.Min(task.MaxValue, value.EventsProcessed);
    }

    private sealed class Silent : IProgress<RunProgress>
    {
        public static readonly Silent Instance = new();

        public void Report(RunProgress value)
        {
        }
    }
}
