using Microsoft.DurableTask.Client;

namespace FollowerLoop.Functions;

/// <summary>
/// The isolated worker hands out a <see cref="DurableTaskClient"/> only as a function's
/// <c>[DurableClient]</c> parameter, never through dependency injection: the timer functions that
/// start orchestrations put theirs here, for the invocation's scope.
/// </summary>
internal sealed class DurableClientBinding
{
    public DurableTaskClient? Client { get; set; }
}
