using System;

namespace NuMM.Cli;

/// <summary>Dispatches the `numm` command line.</summary>
public static class NummCommand
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("numm: no commands are available in this build yet.");
        return 2;
    }
}
