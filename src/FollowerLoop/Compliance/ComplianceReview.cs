using System.Globalization;
using System.Text.RegularExpressions;
using FollowerLoop.Content;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.X;
using FollowerLoop.X.Api;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;

namespace FollowerLoop.Compliance;

/// <summary>
/// The settings read against X's rules for automated accounts (<c>x-rules.md</c>, read November 2026): one
/// finding per risk. The same review serves <c>followerloop check</c> and start-up, which refuses whatever
/// <see cref="ComplianceVerdict.Breaks"/> a rule.
/// </summary>
public static partial class ComplianceReview
{
    /// <summary>X's limit on one account: 2,400 posts (replies included) a day.</summary>
    private const int XDailyPostLimit = 2400;

    /// <summary>Above this word-bigram similarity, "substantially similar" posts (which X forbids) get through the guard.</summary>
    public const double MaxNearDuplicateSimilarity = 0.9;

    /// <summary>Settings that hold secrets: a committed file is no place for them.</summary>
    private static readonly string[] SecretKeys =
    [
        "Llm:ApiKey", "XApi:OAuth2:AccessToken", "XApi:OAuth2:RefreshToken", "XApi:OAuth2:ClientSecret",
        "XApi:OAuth1:ConsumerSecret", "XApi:OAuth1:AccessToken", "XApi:OAuth1:AccessTokenSecret",
        "XClient:Password", "XClient:SessionStateJson", "Dashboard:Password",
    ];

    private const string LabelArea = "automated label";

    private const string TurnOnTheLabel = "turn on X's \"Automated\" label (Settings > Your account > Account information > Automated; X's API does not show it, so it cannot be checked)";

    /// <param name="label">What reading the account found (<see cref="LabelFrom"/>, <see cref="LabelUnread"/>); a reminder when it was not read.</param>
    public static IReadOnlyList<ComplianceFinding> Review(ComplianceSettings settings, IConfiguration configuration, ComplianceFinding? label = null) =>
    [
        Transport(settings),
        Replies(settings),
        Volume(settings.Posting),
        Duplicates(settings.Content),
        label ?? new(LabelArea, ComplianceVerdict.Remind, $"{TurnOnTheLabel}, say in the bio who runs the account and link a human account (followerloop check --account reads the bio)"),
        Secrets(configuration),
    ];

    /// <summary>The bio read from X: it should say the account is automated and name the human behind it (an @handle).</summary>
    public static ComplianceFinding LabelFrom(ProfileStats account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var bio = account.Bio ?? "";
        var saysAutomated = AutomationWords().IsMatch(bio);
        var namesAPerson = Handles().Matches(bio).Any(m => !m.Groups["name"].Value.Equals(account.Handle, StringComparison.OrdinalIgnoreCase));
        if (saysAutomated && namesAPerson)
        {
            return new(LabelArea, ComplianceVerdict.Remind, $"the bio of @{account.Handle} says it is automated and who runs it (\"{bio}\"); {TurnOnTheLabel}");
        }

        var missing = new List<string>();
        if (!saysAutomated)
        {
            missing.Add("that the account is automated");
        }

        if (!namesAPerson)
        {
            missing.Add("which human account runs it (an @handle)");
        }

        return new(LabelArea, ComplianceVerdict.Risk,
            $"the bio of @{account.Handle} (\"{bio}\") does not say {string.Join(" or ", missing)}: X's Automation Rules ask for both; {TurnOnTheLabel}");
    }

    public static ComplianceFinding LabelUnread(string problem) =>
        new(LabelArea, ComplianceVerdict.Remind, $"the account could not be read ({problem}): {TurnOnTheLabel}, say in the bio who runs the account and link a human account");

    /// <summary>The findings that break a rule: start-up refuses to run with any of them.</summary>
    public static IEnumerable<ComplianceFinding> Breaking(ComplianceSettings settings, IConfiguration configuration) =>
        Review(settings, configuration).Where(f => f.Verdict == ComplianceVerdict.Breaks);

    private static ComplianceFinding Transport(ComplianceSettings settings) => settings.Provider switch
    {
        XClientProvider.Api => new("transport", ComplianceVerdict.Ok, "XClient:Provider = Api: the official X API, the transport X allows for automation"),
        _ when !settings.XClient.TargetsRealX => new("transport", ComplianceVerdict.Ok,
            $"XClient:Provider = {settings.Provider} against {settings.XClient.BaseUrl} (not x.com: the sandbox)"),
        _ => new("transport", ComplianceVerdict.Risk,
            $"XClient:Provider = {settings.Provider} scripts the x.com website; X's Automation Rules: \"non-API-based forms of automation, such as scripting the X website ... may result in the permanent suspension of your account\". Use XClient:Provider = Api (followerloop x auth)"),
    };

    private static ComplianceFinding Replies(ComplianceSettings settings)
    {
        var writer = settings.Llm.IsConfigured ? "an LLM" : "the templates";
        return settings.Reply.Mode switch
        {
            ReplyMode.Off => new("replies", ComplianceVerdict.Ok, "Reply:Mode = Off: no replies"),
            ReplyMode.Draft => new("replies", ComplianceVerdict.Ok,
                $"Reply:Mode = Draft: replies ({writer}) only to people who addressed the account, each approved by a person on /dashboard/replies"),
            _ when settings.Llm.IsConfigured && !settings.Compliance.AiRepliesApproved => new("replies", ComplianceVerdict.Breaks,
                "Reply:Mode = Auto with an LLM (Llm:Endpoint) and no Compliance:AiRepliesApproved: X's Automation Rules say \"the deployment or operation of any AI reply bot requires prior written and explicit approval\". Use Reply:Mode = Draft, or set Compliance:AiRepliesApproved = true once X has approved it"),
            _ when settings.Llm.IsConfigured => new("replies", ComplianceVerdict.Ok,
                "Reply:Mode = Auto with an LLM: you state X approved this AI reply bot (Compliance:AiRepliesApproved); replies only where summoned"),
            _ => new("replies", ComplianceVerdict.Ok, "Reply:Mode = Auto with the templates: replies only to people who addressed the account"),
        };
    }

    /// <summary>Posting's own bounds (at most 50 posts and 200 replies a day, 20 per 5-minute run) keep every allowed setting inside X's limits.</summary>
    private static ComplianceFinding Volume(PostingOptions posting) =>
        new("volume", ComplianceVerdict.Ok, string.Create(CultureInfo.InvariantCulture,
            $"at most {posting.DailyPostCap} posts and {posting.DailyReplyCap} replies a day, {posting.MaxPerRun} per 5-minute run; X allows {XDailyPostLimit} a day and 100 per 15 minutes"));

    private static ComplianceFinding Duplicates(ContentOptions content) =>
        content.NearDuplicateSimilarity > MaxNearDuplicateSimilarity
            ? new("duplicate guard", ComplianceVerdict.Breaks, string.Create(CultureInfo.InvariantCulture,
                $"Content:NearDuplicateSimilarity = {content.NearDuplicateSimilarity} lets substantially similar posts through; X: \"You may not post duplicative or substantially similar posts\". Use at most {MaxNearDuplicateSimilarity}"))
            : new("duplicate guard", ComplianceVerdict.Ok, string.Create(CultureInfo.InvariantCulture,
                $"exact and near-duplicates (Content:NearDuplicateSimilarity = {content.NearDuplicateSimilarity}) of the last {content.RecentPostsCompared} posts are refused"));

    [GeneratedRegex(@"\b(automated|automation|bot|run by|managed by|operated by|powered by)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutomationWords();

    [GeneratedRegex(@"(?<![\w@])@(?<name>\w{1,15})")]
    private static partial Regex Handles();

    /// <summary>A secret read from the shipped appsettings.json (committed, baked into images) is at risk; environment, Local file and Key Vault are not.</summary>
    private static ComplianceFinding Secrets(IConfiguration configuration)
    {
        var exposed = configuration is IConfigurationRoot root
            ? SecretKeys.Where(key => root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out var value) && !string.IsNullOrEmpty(value)) is Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json
                && string.Equals(json.Source.Path, "appsettings.json", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        return exposed.Count == 0
            ? new("secrets", ComplianceVerdict.Ok, "no secret is read from appsettings.json (environment, appsettings.Local.json or Key Vault)")
            : new("secrets", ComplianceVerdict.Risk, $"{string.Join(", ", exposed)} read from appsettings.json, a file that ships with the app: move them to the environment, appsettings.Local.json or Key Vault");
    }
}
