using FollowerLoop.Worker.Commands;

return await Cli.Create().Parse(args).InvokeAsync();
