using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// DurableTask.Core's registry of activities, answered from the SDK's: each run gets a service scope of its
/// own (as the gRPC worker gives it), the activity is created in it and runs through the SDK's shim.
/// </summary>
internal sealed class ActivityShims(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Activities are registered with the Durable Task worker's AddTasks.");

    public TaskActivity GetObject(string name, string? version) => new ScopedActivity(factory, shims, services, new TaskName(name));

    private sealed class ScopedActivity(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services, TaskName name)
        : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("Durable Task activities run asynchronously.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = services.CreateAsyncScope();
            if (!factory.TryCreateActivity(name, scope.ServiceProvider, out var activity))
            {
                throw new InvalidOperationException($"No activity named '{name}' is registered with the Durable Task worker.");
            }

            return await shims.CreateActivity(name, activity!).RunAsync(context, input);
        }
    }
}
