using System.CommandLine;

var root = new RootCommand("FollowerLoop benchmarks: each sub-command prints a table; --json adds one JSON line.");
return await root.Parse(args).InvokeAsync();
