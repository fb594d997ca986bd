using BenchmarkDotNet.Running;
using NuMM.Benchmarks.Selection;

// `--write-variation-data DIR` writes the variation workload for the Python peers (benchmarks/peers/); otherwise
// runs the benchmark suites in this assembly (pass --filter to choose).
if (args.Length == 2 && args[0] == "--write-variation-data") return VariationPeerData.Write(args[1]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
