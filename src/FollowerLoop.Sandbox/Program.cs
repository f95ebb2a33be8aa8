using FollowerLoop.Sandbox;

return await SandboxCommandLine.Create().Parse(args).InvokeAsync();
