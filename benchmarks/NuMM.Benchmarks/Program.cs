using BenchmarkDotNet.Running;
using NuMM.Benchmarks.Selection;

// `--write-variation-data DIR` writes the variation workload for the Python peers (benchmarks/peers/); otherwise
// `--same-process-ratios N` times the variation workload's cases interleaved in one process (SameProcessRatios);
// `--mapped-file-ratios N` times the runner over arrays, a copied and a memory-mapped NuMM file (MappedFileRatios);
// otherwise runs the benchmark suites in this assembly (pass --filter to choose).
if (args.Length == 2 && args[0] == "--write-variation-data") return VariationPeerData.Write(args[1]);
if (args.Length == 2 && args[0] == "--same-process-ratios") return SameProcessRatios.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
if (args.Length == 2 && args[0] == "--mapped-file-ratios") return NuMM.Benchmarks.Data.MappedFileRatios.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
