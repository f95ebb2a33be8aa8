using FollowerLoop.Compliance;
using FollowerLoop.Scheduling;
using FollowerLoop.Sandbox;
using FollowerLoop.X;
using FollowerLoop.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Configuration;

/// <summary><c>followerloop check</c> and start-up read the settings against X's rules the same way.</summary>
public sealed class ComplianceTests : IDisposable
{
    private const string LlmAutoReplies = "Reply:Mode = Auto with an LLM";

    private static readonly Dictionary<string, string?> Worker = new()
    {
        ["Account:Handle"] = "fl_demo",
        ["Database:ConnectionString"] = "Host=127.0.0.1;Port=55432;Username=postgres;Database=followerloop",
        ["Redis:Configuration"] = "127.0.0.1:56379",
    };

    /// <summary>The compliant set-up: the API as transport (a user token), everything else default.</summary>
    private static readonly Dictionary<string, string?> ApiDefaults = new()
    {
        ["Account:Handle"] = "fl_demo",
        ["XClient:Provider"] = "Api",
        ["XApi:OAuth2:ClientId"] = "client-id",
        ["XApi:OAuth2:RefreshToken"] = "refresh-token",
        ["XApi:OAuth2:TokenStorePath"] = Path.Combine(Path.GetTempPath(), $"fl-check-{Guid.NewGuid():N}.json"),
    };

    private static readonly (string Key, string Value)[] Llm = [("Llm:Endpoint", "http://127.0.0.1:9/v1"), ("Llm:Model", "m")];

    private readonly string _folder = Directory.CreateTempSubdirectory("fl-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string[]> BreakingSettings => new()
    {
        { LlmAutoReplies, ["Reply:Mode=Auto", "Llm:Endpoint=http://127.0.0.1:9/v1", "Llm:Model=m"] },
        { "Content:NearDuplicateSimilarity = 0.95 lets substantially similar posts through", ["Content:NearDuplicateSimilarity=0.95"] },
    };

    [Fact]
    public void Check_OnTheDefaultsWithTheApi_ExitsZero_AndRemindsOfTheLabel()
    {
        var (exit, output) = Check(ApiDefaults);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("ok       transport", output, StringComparison.Ordinal);
        Assert.Contains("ok       replies          Reply:Mode = Draft", output, StringComparison.Ordinal);
        Assert.Contains("remind   automated label", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BREAKS", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BreakingSettings))]
    public void Check_ExitsNonZero_ForEachSettingThatBreaksARule(string expected, string[] settings)
    {
        var (exit, output) = Check(ApiDefaults, Pairs(settings));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("BREAKS", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BreakingSettings))]
    public void StartUp_RefusesEachSettingThatBreaksARule_NamingIt(string expected, string[] settings)
    {
        var (ok, problems) = ValidateWorker(Pairs(settings));

        Assert.False(ok);
        Assert.Contains(expected, problems, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoLlmReplies_AreAllowed_OnceTheUserStatesXApprovedTheBot()
    {
        var settings = Llm.Append(("Reply:Mode", "Auto")).Append(("Compliance:AiRepliesApproved", "true")).ToArray();

        Assert.True(ValidateWorker(settings).Ok);
        Assert.Equal(ExitCodes.Ok, Check(ApiDefaults, settings).Exit);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("Off")]
    public void LlmReplies_NeedNoApprovalStatement_WhenAPersonApprovesEach(string mode)
    {
        var settings = Llm.Append(("Reply:Mode", mode)).ToArray();

        Assert.True(ValidateWorker(settings).Ok);
    }

    [Fact]
    public void TemplateReplies_MayGoOutWithoutReview()
    {
        Assert.True(ValidateWorker(("Reply:Mode", "Auto")).Ok);
    }

    [Fact]
    public void Check_TheBrowserOnXCom_IsARiskNamingTheRule_TheSandboxIsNot()
    {
        var onX = Check(new Dictionary<string, string?> { ["Account:Handle"] = "fl_demo" });
        var onSandbox = Check(new Dictionary<string, string?> { ["Account:Handle"] = "fl_demo", ["XClient:BaseUrl"] = "http://127.0.0.1:5199" });

        Assert.Equal(ExitCodes.Ok, onX.Exit);
        Assert.Contains("risk     transport        XClient:Provider = Browser scripts the x.com website", onX.Output, StringComparison.Ordinal);
        Assert.Contains("permanent suspension", onX.Output, StringComparison.Ordinal);
        Assert.Contains("ok       transport        XClient:Provider = Browser against http://127.0.0.1:5199/", onSandbox.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ASecretInTheShippedAppSettings_IsARisk_NamingTheSetting()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Llm": { "ApiKey": "sk-in-a-committed-file" } }""");

        var (_, output) = Check(ApiDefaults, builder => builder.Configuration.AddJsonFile(new PhysicalFileProvider(_folder), "appsettings.json", optional: false, reloadOnChange: false));

        Assert.Contains("risk     secrets          Llm:ApiKey read from appsettings.json", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-in-a-committed-file", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ok       dashboard        no Dashboard:Password: only a visit straight from loopback gets in")]
    [InlineData("short", "risk     dashboard        reachable from other addresses with a 5-character Dashboard:Password")]
    [InlineData("a-long-enough-password", "ok       dashboard        other addresses need")]
    public void Check_DashboardExposure(string? password, string expected)
    {
        var (_, output) = Check(ApiDefaults, ("Dashboard:Password", password ?? ""));

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAccount_ReadsTheBioFromX_AndSaysWhatItLacks()
    {
        await using var sandbox = SandboxApp.Build(new SandboxOptions { Urls = "http://127.0.0.1:0", Handle = "fl_demo" });
        await sandbox.StartAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>(ApiDefaults)
        {
            ["XApi:BaseUrl"] = SandboxApp.GetBaseAddress(sandbox).ToString(),
            ["XApi:OAuth2:AccessToken"] = "sandbox-api-token",
        };

        var (exit, output) = await CheckAccountAsync(settings);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(
            "risk     automated label  the bio of @fl_demo (\"Notes on building, learning and shipping. A FollowerLoop sandbox account.\") does not say that the account is automated or which human account runs it",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAccount_WhenXCannotBeRead_RemindsAndSaysWhy()
    {
        var settings = new Dictionary<string, string?>(ApiDefaults) { ["XApi:BaseUrl"] = "http://127.0.0.1:9/", ["XApi:OAuth2:AccessToken"] = "token" };

        var (exit, output) = await CheckAccountAsync(settings);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("remind   automated label  the account could not be read (", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Automated account run by @jane_doe. Notes on shipping.", ComplianceVerdict.Remind, "says it is automated and who runs it")]
    [InlineData("A bot posting notes on shipping.", ComplianceVerdict.Risk, "does not say which human account runs it (an @handle)")]
    [InlineData("Notes on shipping by @jane_doe.", ComplianceVerdict.Risk, "does not say that the account is automated:")]
    [InlineData("Automated; I am @fl_demo.", ComplianceVerdict.Risk, "which human account runs it")]
    public void TheBio_MustSayItIsAutomated_AndNameTheHumanBehindIt(string bio, ComplianceVerdict verdict, string expected)
    {
        var finding = ComplianceReview.LabelFrom(new ProfileStats("fl_demo", 10, 1, true, DateTimeOffset.UnixEpoch, bio));

        Assert.Equal(verdict, finding.Verdict);
        Assert.Contains(expected, finding.Detail, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> CheckAccountAsync(Dictionary<string, string?> settings)
    {
        var builder = HostFactory.CreateBuilder(CheckCommand.Register, ["--XClient:Provider=Api"]);
        builder.Configuration.AddInMemoryCollection(settings);
        using var host = builder.Build();
        Assert.True(HostFactory.TryValidate(host.Services, out var problems), problems);
        var label = await CheckCommand.ReadLabelAsync(host.Services, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        return (CheckCommand.Run(host.Services, output, label), output.ToString());
    }

    private static (string, string)[] Pairs(string[] settings) =>
        [.. settings.Select(s => s.Split('=', 2)).Select(p => (p[0], p[1]))];

    private static (int Exit, string Output) Check(Dictionary<string, string?> baseline, params (string Key, string Value)[] settings) =>
        Check(baseline, _ => { }, settings);

    private static (int Exit, string Output) Check(Dictionary<string, string?> baseline, Action<IHostApplicationBuilder> customize, params (string Key, string Value)[] settings)
    {
        var builder = HostFactory.CreateBuilder(CheckCommand.Register);
        customize(builder);
        builder.Configuration.AddInMemoryCollection(With(baseline, settings));
        using var host = builder.Build();
        Assert.True(HostFactory.TryValidate(host.Services, out var problems), problems);
        using var output = new StringWriter();
        var exit = CheckCommand.Run(host.Services, output);
        return (exit, output.ToString());
    }

    private static (bool Ok, string Problems) ValidateWorker(params (string Key, string Value)[] settings)
    {
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddJobs());
        builder.Configuration.AddInMemoryCollection(With(Worker, settings));
        using var host = builder.Build();
        var ok = HostFactory.TryValidate(host.Services, out var problems);
        return (ok, problems);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> baseline, (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(baseline);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
