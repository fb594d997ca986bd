using NuMM.Runtime.Reporting.Terminal;
using NuMM.Runtime.Selection;
using Spectre.Console.Testing;

namespace NuMM.Runtime.Tests.Reporting;

public class TerminalProgressTests
{
    [Fact]
    public void RunOn_InteractiveConsole_DrawsTheTaskAndEndsAtOneHundredPercent()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 120;
        int result = TerminalProgress.RunOn(console, "ν-on-e sample", 1000, p =>
        {
            for (int i = 1; i <= 4; i++) p.Report(new RunProgress(250L * i, i));
            return 42;
        });
        Assert.Equal(42, result);
        Assert.Contains("ν-on-e sample", console.Output);
        Assert.Contains("100%", console.Output);
    }

    [Fact]
    public void RunOn_NoConsole_RunsTheWorkWithASinkAndWritesNothing()
    {
        var writer = new StringWriter();
        var saved = Console.Out;
        Console.SetOut(writer);
        try
        {
            IProgress<RunProgress>? given = null;
            int result = TerminalProgress.RunOn(null, "sample", 10, p => { given = p; p.Report(new RunProgress(10, 1)); return 7; });
            Assert.Equal(7, result);
            Assert.NotNull(given);
        }
        finally
        {
            Console.SetOut(saved);
        }
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void Run_RedirectedOutput_IsNotShown()
    {
        // Test runners redirect standard output, as CI does: no bar may be drawn into the log.
        Assert.True(Console.IsOutputRedirected);
        Assert.False(TerminalProgress.IsShown);
    }

    [Fact]
    public void RunOn_NegativeTotal_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TerminalProgress.RunOn<int>(null, "x", -1, _ => 0));

    [Fact]
    public void PlainLines_SlowWork_OneLinePerTenPercentStepAndAFinalLine()
    {
        // 100 reports of 10 events, one second apart: every 10 % step is more than 5 s after the previous line.
        var clock = new ManualClock();
        var writer = new StringWriter();
        int result = TerminalProgress.RunOn(new TerminalProgress.Display(null, writer), "ν-on-e", 1000, "events", report =>
        {
            for (int i = 1; i <= 100; i++) { clock.Advance(1.0); report(10L * i); }
            return 3;
        }, clock);
        Assert.Equal(3, result);
        var lines = Lines(writer);
        Assert.Equal(10, lines.Length);
        for (int k = 1; k <= 9; k++)
            Assert.Equal(FormattableString.Invariant($"ν-on-e: {k * 10} % ({k * 100:N0} of 1,000 events, {k * 10}.0 s)"), lines[k - 1]);
        Assert.Equal("ν-on-e: done, 1,000 events in 100.0 s (10 events/s)", lines[9]);
        Assert.DoesNotContain('\u001b', writer.ToString());
    }

    [Fact]
    public void PlainLines_FastWork_OnlyTheFinalLine()
    {
        // Reports 10 ms apart: no line may come before 5 s have passed, so a short run logs one line.
        var clock = new ManualClock();
        var writer = new StringWriter();
        TerminalProgress.RunOn(new TerminalProgress.Display(null, writer), "convert hzz.root", 2_000_000, "events", report =>
        {
            for (int i = 1; i <= 200; i++) { clock.Advance(0.01); report(10_000L * i); }
            return 0;
        }, clock);
        Assert.Equal(["convert hzz.root: done, 2,000,000 events in 2.0 s (1,000,000 events/s)"], Lines(writer));
    }

    [Fact]
    public void PlainLines_AtMostOneLinePerInterval()
    {
        // A step every second but at least 5 s between lines: one line at 50 % (t = 5 s), none at 100 % but the final one.
        var clock = new ManualClock();
        var writer = new StringWriter();
        TerminalProgress.RunOn(new TerminalProgress.Display(null, writer), "toys", 10, "toys", report =>
        {
            for (int i = 1; i <= 10; i++) { clock.Advance(1.0); report(i); }
            return 0;
        }, clock);
        Assert.Equal(["toys: 50 % (5 of 10 toys, 5.0 s)", "toys: done, 10 toys in 10.0 s (1 toys/s)"], Lines(writer));
    }

    [Fact]
    public void PlainLines_NoReport_FinalLineCountsTheTotal()
    {
        var clock = new ManualClock();
        var writer = new StringWriter();
        TerminalProgress.RunOn(new TerminalProgress.Display(null, writer), "scan", 40, "points", _ => { clock.Advance(4); return 0; }, clock);
        Assert.Equal(["scan: done, 40 points in 4.0 s (10 points/s)"], Lines(writer));
    }

    [Fact]
    public void Quiet_WritesNothingAnywhere()
    {
        var clock = new ManualClock();
        int reports = 0;
        int result = TerminalProgress.RunOn(default, "quiet", 10, "events", report =>
        {
            for (int i = 1; i <= 10; i++) { clock.Advance(10); report(i); reports++; }
            return 5;
        }, clock);
        Assert.Equal(5, result);
        Assert.Equal(10, reports);
    }

    [Fact]
    public void Run_Quiet_WritesNothingToStandardError()
    {
        var writer = new StringWriter();
        var saved = Console.Error;
        Console.SetError(writer);
        try
        {
            long seen = 0;
            int result = TerminalProgress.Run("quiet run", 5, "toys", p => { for (int i = 1; i <= 5; i++) p.Report(i); seen = 5; return 9; }, quiet: true);
            Assert.Equal(9, result);
            Assert.Equal(5, seen);
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.DoesNotContain("quiet run", writer.ToString());
    }

    [Fact]
    public void PlainLines_ReportsFromManyThreads_FinalLineHasTheLargestCount()
    {
        var writer = new StringWriter();
        TerminalProgress.RunOn(new TerminalProgress.Display(null, writer), "parallel", 1000, "events", report =>
        {
            Parallel.For(1, 1001, i => report(i));
            return 0;
        }, new ManualClock());
        Assert.StartsWith("parallel: done, 1,000 events in 0.0 s", Lines(writer)[^1]);
    }

    private static string[] Lines(StringWriter w) => w.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A clock that moves only when told, so the line schedule is exact.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(double seconds) => Interlocked.Add(ref _ticks, (long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
