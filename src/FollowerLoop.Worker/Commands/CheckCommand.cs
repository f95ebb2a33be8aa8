using System.CommandLine;
using FollowerLoop.Compliance;
using FollowerLoop.Content;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Worker.Dashboard.Shared;
using FollowerLoop.X;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Commands;

/// <summary>
/// <c>followerloop check</c>: the configuration read against X's rules for automated accounts, one row per risk
/// with its verdict. Exits 1 when a setting breaks a rule (start-up refuses the same settings), else 0.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Shorter dashboard passwords are guessable over the network.</summary>
    private const int MinDashboardPassword = 12;

    public static Command Create()
    {
        var account = new Option<bool>("--account") { Description = "Also read the account's profile from X (one own-data read) to check that its bio says it is automated and who runs it." };
        var command = new Command("check", "Check the settings against X's rules for automated accounts (transport, replies, volume, duplicates, label, dashboard, secrets); exits 1 if one breaks a rule.")
        {
            account,
        };
        command.SetAction((parse, cancellationToken) => HostFactory.RunAsync(
            parse,
            Register,
            async (services, token) => Run(services, Console.Out, parse.GetValue(account) ? await ReadLabelAsync(services, token) : null),
            cancellationToken));
        return command;
    }

    /// <summary>Only the sections the rules read: no database or Redis is needed to check.</summary>
    internal static void Register(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<PostingOptions>().BindStrictly(builder.Configuration.GetSection(PostingOptions.SectionName)).ValidateAttributes();
        builder.Services.AddOptionsWithValidateOnStart<ReplyOptions>().BindStrictly(builder.Configuration.GetSection(ReplyOptions.SectionName)).ValidateAttributes();
        builder.Services.AddOptionsWithValidateOnStart<ContentOptions>().BindStrictly(builder.Configuration.GetSection(ContentOptions.SectionName)).ValidateAttributes();
        builder.Services.AddOptionsWithValidateOnStart<LlmOptions>().BindStrictly(builder.Configuration.GetSection(LlmOptions.SectionName)).ValidateAttributes();
        builder.Services.AddOptions<ComplianceOptions>().BindStrictly(builder.Configuration.GetSection(ComplianceOptions.SectionName));
        builder.Services.AddOptions<DashboardOptions>().BindStrictly(builder.Configuration.GetSection(DashboardOptions.SectionName));
        builder.AddXClient();
    }

    /// <summary>The bio as the configured transport reads it; a failed read is a finding too, never a crash.</summary>
    internal static async Task<ComplianceFinding> ReadLabelAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var handle = services.GetRequiredService<IOptions<XClientOptions>>().Value.Handle;
            return ComplianceReview.LabelFrom(await services.GetRequiredService<IXClient>().GetProfileAsync(handle, cancellationToken));
        }
        catch (XClientException ex)
        {
            return ComplianceReview.LabelUnread(ex.Message);
        }
    }

    internal static int Run(IServiceProvider services, TextWriter output, ComplianceFinding? label = null)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var findings = ComplianceReview.Review(ComplianceSettings.From(services, configuration), configuration, label).ToList();
        findings.Insert(findings.Count - 1, Dashboard(services.GetRequiredService<IOptions<DashboardOptions>>().Value));
        output.WriteLine($"{"verdict",-8} {"area",-16} detail");
        foreach (var finding in findings)
        {
            output.WriteLine($"{Label(finding.Verdict),-8} {finding.Area,-16} {finding.Detail}");
        }

        var breaking = findings.Count(f => f.Verdict == ComplianceVerdict.Breaks);
        output.WriteLine(breaking == 0
            ? "No setting breaks X's rules (risks and reminders above are yours to weigh)."
            : $"{breaking} setting(s) break X's rules: the worker refuses to start with them.");
        return breaking == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static ComplianceFinding Dashboard(DashboardOptions dashboard) => dashboard.Password switch
    {
        null or "" => new("dashboard", ComplianceVerdict.Ok,
            "no Dashboard:Password: only a visit straight from loopback gets in (Dashboard:TrustLoopback, on for run, off for dashboard), never one through a proxy or from another address"),
        { Length: < MinDashboardPassword } => new("dashboard", ComplianceVerdict.Risk,
            $"reachable from other addresses with a {dashboard.Password.Length}-character Dashboard:Password: use at least {MinDashboardPassword} characters, and TLS in front"),
        _ => new("dashboard", ComplianceVerdict.Ok, "other addresses need Dashboard:Username/Password (basic auth): serve it behind TLS"),
    };

    private static string Label(ComplianceVerdict verdict) => verdict switch
    {
        ComplianceVerdict.Breaks => "BREAKS",
        ComplianceVerdict.Risk => "risk",
        ComplianceVerdict.Remind => "remind",
        _ => "ok",
    };
}
