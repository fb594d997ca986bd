// A NuMM analysis program for sharded runs: the HZZ weighted selection (HzzWeighted.cs) whose shards the scale-out
// tests run and merge. The command-line verbs (run, merge, submit, status) are wired in by ScaleOutProgram.
Console.Error.WriteLine("NuMM.Examples.ScaleOut: no verbs yet.");
return 2;
