using FollowerLoop.Worker.Engine.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Engine;

public sealed class DurableEngineOptionsTests
{
    [Fact]
    public void Defaults_AreValid() =>
        Assert.Equal("FollowerLoop", Resolve([]).HubName);

    [Theory]
    [InlineData("HubName", "a-b", "DurableTask:HubName")]
    [InlineData("PartitionCount", "17", "DurableTask:PartitionCount")]
    [InlineData("LeaseInterval", "00:00:02", "DurableTask:LeaseInterval")]
    [InlineData("LeaseRenewInterval", "00:00:04", "at most a third of DurableTask:LeaseInterval")]
    [InlineData("ControlQueueVisibilityTimeout", "00:00:05", "DurableTask:ControlQueueVisibilityTimeout")]
    [InlineData("MaxConcurrentOrchestrations", "0", "DurableTask:MaxConcurrentOrchestrations")]
    [InlineData("ExtendedSessionIdleTimeout", "00:10:00", "DurableTask:ExtendedSessionIdleTimeout")]
    public void Resolve_WithABadSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"DurableTask:{setting}"] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static DurableEngineOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDurableTrackingClient();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
    }
}
