using System;
using System.IO;
using System.Threading;
using NuMM.Runtime.Selection;
using Spectre.Console;

namespace NuMM.Runtime.Reporting.Terminal;

/// <summary>Progress of long work — a selection run, a file conversion, a toy ensemble, a scan. When standard output is
/// an interactive terminal, a Spectre.Console bar is drawn. Otherwise (CI logs, pipes, files) a few plain lines go to
/// standard error: one when a further 10 % step is reached, at most one every <see cref="PlainLineInterval"/>, and a
/// final line with the count done, the time and the rate; never an escape code. With <c>quiet</c> nothing is written.</summary>
public static class TerminalProgress
{
    /// <summary>The shortest time between two plain progress lines (the final line is always written): 5 s.</summary>
    public static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(5);

    /// <summary>True when standard output is an interactive terminal, so a bar is drawn (else plain lines).</summary>
    public static bool IsShown => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/>, passing it a progress sink that follows the events it reports out of
    /// <paramref name="totalEvents"/>: a bar labelled <paramref name="description"/> on a terminal, plain lines on
    /// standard error otherwise, nothing when <paramref name="quiet"/>.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="description">What is being done, for example the sample's name (plain text, not markup).</param>
    /// <param name="totalEvents">The events the work will process (100 %); at least 0.</param>
    /// <param name="work">The work; it reports through the sink it is given, for example as
    /// <see cref="RunOptions.Progress"/> of an <see cref="AnalysisRunner"/> run. Reports may come from any thread.</param>
    /// <param name="quiet">True to write nothing at all (the work still gets a sink).</param>
    /// <returns>The work's result.</returns>
    public static T Run<T>(string description, long totalEvents, Func<IProgress<RunProgress>, T> work, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunOn(Target(quiet), description, totalEvents, "events", sink => work(new EventSink(sink)), TimeProvider.System);
    }

    /// <summary>Runs <paramref name="work"/> that counts its progress in items (toys, scan points, fits) out of
    /// <paramref name="total"/>; shown as <see cref="Run{T}(string, long, Func{IProgress{RunProgress}, T}, bool)"/> is.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="description">What is being done (plain text, not markup).</param>
    /// <param name="total">The items the work will complete (100 %); at least 0.</param>
    /// <param name="unit">The items' name in the plain lines, plural, for example "toys".</param>
    /// <param name="work">The work; it reports the number of items completed so far, from any thread.</param>
    /// <param name="quiet">True to write nothing at all (the work still gets a sink).</param>
    /// <returns>The work's result.</returns>
    public static T Run<T>(string description, long total, string unit, Func<IProgress<long>, T> work, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunOn(Target(quiet), description, total, unit, sink => work(new CountSink(sink)), TimeProvider.System);
    }

    private static Display Target(bool quiet) =>
        quiet ? default : IsShown ? new Display(AnsiConsole.Console, null) : new Display(null, Console.Error);

    /// <summary>Where progress goes: a Spectre console (a bar), a writer (plain lines), or neither (nothing).</summary>
    internal readonly record struct Display(IAnsiConsole? Console, TextWriter? Lines);

    /// <summary>As <see cref="Run{T}(string, long, Func{IProgress{RunProgress}, T}, bool)"/> on a given console; null draws nothing.</summary>
    internal static T RunOn<T>(IAnsiConsole? console, string description, long totalEvents, Func<IProgress<RunProgress>, T> work) =>
        RunOn(new Display(console, null), description, totalEvents, "events", sink => work(new EventSink(sink)), TimeProvider.System);

    /// <summary>The one implementation: <paramref name="work"/> reports counts done through the action it is given.</summary>
    internal static T RunOn<T>(Display display, string description, long total, string unit, Func<Action<long>, T> work, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (display.Console is { } console)
        {
            return console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                    var result = work(done => task.Value = Math.Min(task.MaxValue, done)); // Spectre's setter takes a lock
                    task.Value = task.MaxValue; // a source may hold fewer events than announced; the work is done either way
                    return result;
                });
        }
        if (display.Lines is { } writer)
        {
            var lines = new PlainLines(writer, clock, description, total, unit);
            var result = work(lines.Report);
            lines.Finish();
            return result;
        }
        return work(static _ => { });
    }

    /// <summary>Plain progress lines: a line when a further 10 % step is reached and at least
    /// <see cref="PlainLineInterval"/> has passed since the last one, and a final line. Reports may come from any thread.</summary>
    private sealed class PlainLines(TextWriter writer, TimeProvider clock, string description, long total, string unit)
    {
        private readonly Lock _lock = new();
        private readonly long _start = clock.GetTimestamp();
        private long _lastLine = clock.GetTimestamp();
        private long _done;
        private bool _reported;
        private int _step;

        public void Report(long done)
        {
            lock (_lock)
            {
                _done = Math.Max(_done, done);
                _reported = true;
                if (total <= 0) return;
                // The 100 % line is the final one.
                int step = (int)(Math.Min(_done, total) * 10 / total);
                if (step <= _step || step >= 10 || clock.GetElapsedTime(_lastLine) < PlainLineInterval) return;
                _step = step;
                _lastLine = clock.GetTimestamp();
                writer.WriteLine(Invariant($"{description}: {step * 10} % ({_done:N0} of {total:N0} {unit}, {Seconds(clock.GetElapsedTime(_start))})"));
            }
        }

        public void Finish()
        {
            lock (_lock)
            {
                // A work that reports nothing still did its whole count.
                long done = _reported ? _done : total;
                var elapsed = clock.GetElapsedTime(_start);
                string rate = elapsed.TotalSeconds > 0 ? Invariant($" ({done / elapsed.TotalSeconds:N0} {unit}/s)") : "";
                writer.WriteLine(Invariant($"{description}: done, {done:N0} {unit} in {Seconds(elapsed)}{rate}"));
                writer.Flush();
            }
        }

        private static string Seconds(TimeSpan t) => Invariant($"{t.TotalSeconds:0.0} s");

        private static string Invariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class EventSink(Action<long> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value.EventsProcessed);
    }

    private sealed class CountSink(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
