using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// DurableTask.Core's registry of orchestrations, answered from the SDK's: a new shimmed orchestrator for each
/// execution the dispatcher starts (it keeps one per instance for as long as an extended session lasts).
/// </summary>
internal sealed class OrchestratorShims(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Orchestrators are registered with the Durable Task worker's AddTasks.");

    // Orchestrators take no scoped services (they must stay deterministic), so the root provider creates them.
    public TaskOrchestration? GetObject(string name, string? version) =>
        factory.TryCreateOrchestrator(new TaskName(name), services, out var orchestrator)
            ? shims.CreateOrchestration(new TaskName(name), orchestrator!)
            : null;
}
