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
}
