using FollowerLoop.Scheduling.Durable;
using FollowerLoop.Tracking;
using FollowerLoop.Tracking.Durable;

namespace FollowerLoop.Functions;

internal static class FunctionsExtensions
{
    /// <summary>Tracking and run-now on Durable Functions: the activities, and the tracking scheduler on the invocation's client.</summary>
    public static IHostApplicationBuilder AddFunctionsTracking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DurableClientBinding>();
        builder.Services.AddTransient<CheckpointActivity>();
        builder.Services.AddTransient<RunJobActivity>();
        builder.Services.AddScoped<ICheckpointScheduler>(sp => ActivatorUtilities.CreateInstance<DurableCheckpointScheduler>(
            sp,
            sp.GetRequiredService<DurableClientBinding>().Client
                ?? throw new InvalidOperationException("Tracking was started outside a function that has a [DurableClient] binding.")));
        return builder;
    }
}
