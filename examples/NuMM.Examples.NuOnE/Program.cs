Console.WriteLine("The headline example is being built; see README.md.");
