using FollowerLoop.Sandbox.Audience;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Sandbox.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Urls", "http://0.0.0.0:5199")]
    [InlineData("Urls", "https://127.0.0.1:5199")]
    [InlineData("Handle", "has space")]
    [InlineData("Factor", "0.5")]
    [InlineData("AudienceFile", "/no/such/audience.json")]
    [InlineData("SlowMs", "-1")]
    [InlineData("ApiLatencyMs", "-1")]
    [InlineData("ApiLatencyMs", "600001")]
    public void Build_WithABadSetting_FailsNamingIt(string setting, string value)
    {
        var options = new SandboxOptions();
        var property = typeof(SandboxOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(string) ? value : Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<OptionsValidationException>(() => SandboxApp.Build(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new SandboxOptionsValidator().Validate(null, new SandboxOptions()).Succeeded);

    [Fact]
    public void AudienceFile_WithABadValue_FailsNamingTheJsonPath()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            AudienceProfileLoader.Parse("""{"engagement":{"viewsPerFollower":-1},"appeal":{"format":{"mean":{"Limerick":1}}}}""", "test.json"));

        Assert.Contains("engagement.viewsPerFollower", error.Message, StringComparison.Ordinal);
        Assert.Contains("appeal.format.mean has unknown name 'Limerick'", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AudienceFile_OnlyOverridesWhatItGives()
    {
        var profile = AudienceProfileLoader.Parse("""{"account":{"initialFollowers":500}}""", "test.json");

        Assert.Equal(500, profile.Account.InitialFollowers);
        Assert.Equal(318, profile.Account.Following);
        Assert.Equal(0.3, profile.Appeal.NoiseSd);
    }

    [Fact]
    public void DefaultAudienceFile_IsCopiedNextToTheSandbox() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Audience", "audience.default.json")));
}
