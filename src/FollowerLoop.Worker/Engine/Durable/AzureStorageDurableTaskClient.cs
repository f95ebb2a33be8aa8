using System.Collections.ObjectModel;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// The Durable Task client of <c>followerloop run</c>: the SDK's <see cref="DurableTaskClient"/> answered in process
/// by the task hub's <see cref="AzureStorageOrchestrationService"/> (the service <see cref="TaskHubWorkerService"/>
/// runs the orchestrations on), through DurableTask.Core's public client interfaces. Inputs, outputs and event
/// payloads go through the client options' <see cref="DataConverter"/> (the SDK's JSON one, as the worker's shims use).
/// Not served, because FollowerLoop never asks for them: entities, restart, rewind, history (the dashboard reads it
/// with <c>TaskHubReader</c>) and recursive terminate or purge (no orchestration starts a sub-orchestration); the base
/// class throws <see cref="NotSupportedException"/> for the first four.
/// </summary>
internal sealed class AzureStorageDurableTaskClient(
    string name,
    IOptionsMonitor<DurableTaskClientOptions> options,
    AzureStorageOrchestrationService service) : DurableTaskClient(name)
{
    // A status read is one table point read; the provider's own wait polls every 2 s.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly DurableTaskClientOptions _options = options.Get(name);

    private DataConverter Converter => _options.DataConverter;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, Converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? _options.DefaultVersion,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags?.ToDictionary(tag => tag.Key, tag => tag.Value),
        };
        // As over gRPC: an instance in one of these statuses is left as it is and this start is dropped (the provider
        // does not throw unless told to); without them the provider writes the new execution over whatever is there.
        var dedupe = options?.DedupeStatuses?.Select(status => Enum.Parse<OrchestrationStatus>(status, ignoreCase: true)).ToArray();
        await service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe)
            .WaitAsync(cancellation);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, Converter.Serialize(eventPayload)) { Name = eventName }, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <summary>The output (the reason) is serialized as an orchestration's output is: reading it back deserializes it.</summary>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive termination is not served: no FollowerLoop orchestration starts a sub-orchestration.");
        }

        return service.ForceTerminateTaskOrchestrationAsync(instanceId, Converter.Serialize(options?.Output)).WaitAsync(cancellation);
    }

    /// <summary>Inputs, outputs and custom status are read (and returned) only when asked for; the rest always.</summary>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs).WaitAsync(cancellation);
        return states.FirstOrDefault() is { } state ? Metadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await service.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                [.. result.OrchestrationState.Select(state => Metadata(state, query.FetchInputsAndOutputs))], result.ContinuationToken);
        });

    /// <summary>Waits until the instance has left Pending (real time: the task hub's clock). An instance not there yet is waited for too.</summary>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, instance => instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <summary>Waits until the instance has completed, failed or been terminated; the token bounds the wait.</summary>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, instance => instance.IsCompleted, cancellation);

    /// <summary>Only a finished instance is purged (as the SDK documents): purging a live one would drop its pending timers.</summary>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        RefuseRecursivePurge(options);
        if (await GetInstanceAsync(instanceId, cancellation) is not { } instance)
        {
            return new PurgeResult(0);
        }

        if (!instance.IsCompleted)
        {
            throw new InvalidOperationException($"Orchestration '{instanceId}' is {instance.RuntimeStatus}: only a completed, failed or terminated one can be purged.");
        }

        IOrchestrationServicePurgeClient purge = service;
        return Result(await purge.PurgeInstanceStateAsync(instanceId).WaitAsync(cancellation));
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RefuseRecursivePurge(options);
        IOrchestrationServicePurgeClient purge = service;
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, filter.Statuses?.Select(ToCore).ToList())
        {
            Timeout = filter.Timeout,
        };
        return Result(await purge.PurgeInstanceStateAsync(coreFilter).WaitAsync(cancellation));
    }

    // The task hub's service belongs to the container; this client holds nothing else.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The two enums name the same statuses with the same numbers (a test pins it).</summary>
    internal static OrchestrationRuntimeStatus FromCore(OrchestrationStatus status) => (OrchestrationRuntimeStatus)(int)status;

    internal static OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) => (OrchestrationStatus)(int)status;

    private async Task<OrchestrationMetadata> PollAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { } instance && done(instance))
            {
                return instance;
            }

            await Task.Delay(PollInterval, TimeProvider.System, cancellation);
        }
    }

    private Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation) =>
        service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = message })
            .WaitAsync(cancellation);

    private OrchestrationMetadata Metadata(OrchestrationState state, bool withInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = withInputsAndOutputs ? Converter : null,
            RuntimeStatus = FromCore(state.OrchestrationStatus),
            CreatedAt = Utc(state.CreatedTime),
            LastUpdatedAt = Utc(state.LastUpdatedTime),
            SerializedInput = withInputsAndOutputs ? state.Input : null,
            SerializedOutput = withInputsAndOutputs ? state.Output : null,
            // A column of the instance row, read either way (as the SDK's shim client fills it).
            SerializedCustomStatus = state.Status,
            Tags = state.Tags?.AsReadOnly() ?? ReadOnlyDictionary<string, string>.Empty,
            FailureDetails = Failure(state.FailureDetails),
        };

    private static TaskFailureDetails? Failure(FailureDetails? details) =>
        details is null ? null : new(details.ErrorType, details.ErrorMessage, details.StackTrace, Failure(details.InnerFailure), details.Properties);

    private static PurgeResult Result(DurableTask.Core.PurgeResult result) => new(result.DeletedInstanceCount);

    private static void RefuseRecursivePurge(PurgeInstanceOptions? options)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive purge is not served: no FollowerLoop orchestration starts a sub-orchestration.");
        }
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
