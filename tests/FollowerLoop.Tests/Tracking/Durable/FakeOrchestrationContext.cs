using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> on a virtual clock: a timer completes at once and moves the
/// clock to when it fired (early, if <see cref="FireEarly"/> says so); an activity answers from a script.
/// Anything else the orchestrator is not expected to use throws.
/// </summary>
internal sealed class FakeOrchestrationContext(DateTime start, Func<ActivityCall, object?> activities) : TaskOrchestrationContext
{
    public DateTime Now { get; private set; } = start;

    /// <summary>How early a timer due at the given time fires (the Azure Storage provider: up to ~1 s).</summary>
    public Func<DateTime, TimeSpan> FireEarly { get; set; } = _ => TimeSpan.Zero;

    /// <summary>Virtual time one activity takes.</summary>
    public TimeSpan ActivityDuration { get; set; } = TimeSpan.FromSeconds(1);

    public List<DateTime> Timers { get; } = [];

    public List<ActivityCall> Activities { get; } = [];

    public List<object?> Statuses { get; } = [];

    public override TaskName Name => new("TrackPost");

    public override string InstanceId => "test-instance";

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        Timers.Add(fireAt);
        var firedAt = fireAt - FireEarly(fireAt);
        if (firedAt > Now)
        {
            Now = firedAt;
        }

        return Task.CompletedTask;
    }

    public override Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var call = new ActivityCall(name.Name, input, options, Now);
        Activities.Add(call);
        var result = activities(call);
        Now += ActivityDuration;
        return Task.FromResult((T)result!);
    }

    public override void SetCustomStatus(object? customStatus) => Statuses.Add(customStatus);

    public override T? GetInput<T>() where T : default => throw new NotSupportedException();

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => throw new NotSupportedException();
}
