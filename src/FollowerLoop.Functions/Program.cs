using FollowerLoop;
using FollowerLoop.Functions;
using FollowerLoop.Scheduling;
using FollowerLoop.X;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddFollowerLoopCore().AddXClient().AddJobs();
builder.AddFunctionsTracking();
builder.Build().Run();
