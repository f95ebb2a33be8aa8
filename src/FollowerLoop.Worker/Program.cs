using FollowerLoop.Worker.Commands;

return await Cli.InvokeAsync(Cli.Create(), args);
