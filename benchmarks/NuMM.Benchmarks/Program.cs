using BenchmarkDotNet.Running;

// Runs every benchmark suite in this assembly; pass --filter to choose.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
