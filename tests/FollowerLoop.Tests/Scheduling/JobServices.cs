using FollowerLoop.Scheduling;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Tests.Scheduling;

/// <summary>What a timer-job run needs around it: the wrapper, <c>job_runs</c> on the test database, a clock.</summary>
internal static class JobServices
{
    public static ServiceProvider Build(PostgresDatabase db, TimeProvider clock) =>
        new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(db.DataSource)
            .AddSingleton(clock)
            .AddSingleton<JobRunStore>()
            .AddTransient<TimerJobExecutor>()
            .BuildServiceProvider();
}
