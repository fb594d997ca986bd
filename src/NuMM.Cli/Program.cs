// Entry point of the `numm` command; the commands live in the Commands folder.
return NuMM.Cli.NummCommand.Run(args);
