using FollowerLoop.Demo;
using FollowerLoop.Worker.Commands;

return await Cli.InvokeAsync(DemoCommand.Create(), args);
