using Microsoft.DurableTask;

namespace FollowerLoop.Functions;

/// <summary>The activity context a class-based activity expects, built from the Functions trigger's data.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
