using FollowerLoop.Tracking.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FollowerLoop.Functions;

/// <summary>
/// The Functions wrappers of the library's class-based orchestrator and activity (the DurableTask source
/// generator is not available, so these are written by hand). The same classes run under `followerloop run`.
/// </summary>
public static class TrackingFunctions
{
    [Function(TrackPostOrchestrator.Name)]
    public static Task<IReadOnlyList<PhaseResult>> TrackPost([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TrackPostOrchestrator().RunAsync(context, context.GetInput<TrackPostInput>()!);

    [Function(CheckpointActivity.Name)]
    public static Task<CheckpointActivityResult> MeasureCheckpoint([ActivityTrigger] CheckpointActivityInput input, string instanceId, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<CheckpointActivity>().RunAsync(new FunctionActivityContext(CheckpointActivity.Name, instanceId), input);
}
