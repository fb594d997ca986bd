// A NuMM analysis program on the scale-out entry point (docs/scale-out.md). One line gives it the verbs
//   run [--shard i/N], merge, submit slurm | submit condor, status
// for two jobs: "selection", the weighted HZZ selection (HzzWeighted.cs) over ROOT files, and "fc", a Feldman–Cousins
// construction for a counting experiment (25 observed over 23.78 ± 10.9% expected background), split into
// (point, toy block) pieces. For example:
//   dotnet run -c Release --project examples/NuMM.Examples.ScaleOut -- run --job selection --tree events --output all.nummr a.root b.root
//   dotnet run -c Release --project examples/NuMM.Examples.ScaleOut -- submit slurm --job selection --work w --shards 4 --tree events a.root --wait
using NuMM.Examples.ScaleOut;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Statistics.Inference;

return ScaleOutProgram.Main(args,
    new SelectionJob<HzzEvent.Batch>(() => new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, n => new HzzEvent.Batch(n)) { DefaultBatchSize = 500 },
    CountingFeldmanCousins.Job());
