using Microsoft.DurableTask;

namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>An activity the orchestrator called: which, with what, and when on the virtual clock.</summary>
internal sealed record ActivityCall(string Name, object? Input, TaskOptions? Options, DateTime At);
