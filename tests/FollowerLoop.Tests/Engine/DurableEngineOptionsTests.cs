using System.Globalization;
using FollowerLoop.Tracking;
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

    [Theory]
    [InlineData("00:02:10", "00:02:00", false)]
    [InlineData("00:02:11", "00:02:00", true)]
    [InlineData("00:00:41", "00:00:30", true)]
    public void StuckAfter_MustOutlastTheEnginesRedeliveryAfterACrash(string stuckAfter, string visibility, bool valid)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tracking:StuckAfter"] = stuckAfter,
            ["DurableTask:ControlQueueVisibilityTimeout"] = visibility,
            ["DurableTask:WorkItemQueueVisibilityTimeout"] = "00:00:30",
        });
        builder.Services.AddOptions<TrackingOptions>().Bind(builder.Configuration.GetSection(TrackingOptions.SectionName));
        builder.AddDurableTrackingClient();
        using var host = builder.Build();

        var resolve = () => host.Services.GetRequiredService<IOptions<TrackingOptions>>().Value;

        if (valid)
        {
            Assert.Equal(TimeSpan.Parse(stuckAfter, CultureInfo.InvariantCulture), resolve().StuckAfter);
        }
        else
        {
            Assert.Contains("Tracking:StuckAfter (00:02:10) must be longer than the engine's redelivery after a crash (00:02:10", Assert.Throws<OptionsValidationException>(resolve).Message, StringComparison.Ordinal);
        }
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
