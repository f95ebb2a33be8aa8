using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using FollowerLoop.Followers;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Dashboard.Followers;
using FollowerLoop.Worker.Dashboard.Growth;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Dashboard.Followers;

/// <summary>
/// /dashboard/followers on followers, passes and credits written as the Followers job writes them: the day counts,
/// retention per week of arrival, the quality mix and the posts whose arrivals stayed; the empty state; a bad range.
/// </summary>
public sealed class FollowersPageTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tracked = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    // A Tuesday: its week begins Monday 2026-10-19. The late arrivals' Saturday is in the week of 2026-11-23.
    private static readonly DateTimeOffset Early = new(2026, 10, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Late = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_CountsArrivalsAndDepartures_RetentionPerWeek_TheQualityMix_AndOrdersPostsByFollowersWhoStayed()
    {
        var (liked, loud) = await SeedAsync();
        using var host = DashboardPages.Host(db, Samples.Account, Now);
        var query = ActivatorUtilities.CreateInstance<FollowersQuery>(host.Services);

        var html = await DashboardPages.RenderAsync<FollowersPage>(host, await query.LoadAsync(GrowthRange.Default, Ct));

        // Six arrivals (the two who followed before tracking began are not); four departures, one of them an old follower.
        Assert.Equal(["6", "4", "+2"], Stats(html));
        // Days with an arrival or a departure: 10-20 (4 in, 1 out), 10-29, 11-09, 11-27 (1 out each), 11-28 (2 in).
        Assert.Equal(10, Regex.Count(html, "<rect class=\"bar "));
        Assert.Contains("2026-10-20: 4 arrived", html, StringComparison.Ordinal);
        Assert.Contains("2026-10-20: 1 left", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-27: 1 left", html, StringComparison.Ordinal);

        // Early week: after 1 day 3 stayed, 1 left; after 7, 2 and 1 (one not seen either way); after 30, 1 and 3.
        Assert.Equal(["75%", "67%", "25%"], Shares(html, "2026-10-19"));
        // Late week, two days old: one listed again a day later, one not seen since; nothing known at 7 or 30 days.
        Assert.Equal(["100%", "—", "—"], Shares(html, "2026-11-23"));
        Assert.Matches("<tr data-week=\"2026-10-19\"><td>2026-10-19</td><td class=\"num\">4</td>", html);

        Assert.Equal(["2", "1", "3"], new[] { "bot", "mixed", "solid" }.Select(band => Cell(html, $"data-band=\"{band}\"", 2)));
        Assert.Matches("<tr data-reason=\"default profile image\"><td>default profile image</td><td class=\"num\">3</td></tr>" +
                       "<tr data-reason=\"no bio\"><td>no bio</td><td class=\"num\">2</td></tr>" +
                       "<tr data-reason=\"few posts\"><td>few posts</td><td class=\"num\">1</td></tr>", html);

        // The loud post gained more (3.5) but kept fewer after a week (0.5 against 1.5): the post whose followers stayed comes first.
        Assert.Equal([liked, loud], Regex.Matches(html, "<tr data-post=\"(\\d+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(["2.5", "1.5", "43"], PostValues(html, liked));
        Assert.Equal(["3.5", "0.5", "65"], PostValues(html, loud));

        // Seven days: the late arrivals and the old follower who left; the posts are older than that.
        var week = await DashboardPages.RenderAsync<FollowersPage>(host, await query.LoadAsync(GrowthRange.Parse("7d")!, Ct));
        Assert.Equal(["2", "1", "+1"], Stats(week));
        Assert.DoesNotContain("data-week=\"2026-10-19\"", week, StringComparison.Ordinal);
        Assert.Contains("No arrival credited to a post in this range.", week, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutAPass_SaysWhatFillsIt_AndABadRangeIsRefusedWithTheChoices()
    {
        await using var hub = new AzuriteTaskHub();
        // Visited from loopback as on a workstation: the page, not the access rule, is under test.
        await using var app = DashboardPages.App(db, "fl_no_passes", hub, "--Dashboard:TrustLoopback=true");
        await app.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var empty = await http.GetAsync("/dashboard/followers", Ct);
        using var bad = await http.GetAsync("/dashboard/followers?range=1y", Ct);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync(Ct);
        Assert.Contains("No follower passes yet: the Followers job reads X's followers list every hour.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-stat=", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/followers\" class=\"active\">Followers</a>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("range must be one of: 7d, 30d, 90d, all.", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await app.StopAsync(Ct);
    }

    private static List<string> Stats(string html) =>
        new[] { "arrivals", "departures", "net" }.Select(s => Captured(html, $"data-stat=\"{s}\">([^<]*)<")).ToList();

    private static List<string> Shares(string html, string monday) =>
        FollowerRetention.Days.Select(d => Captured(html, $"<tr data-week=\"{monday}\">.*?data-after=\"{d}\"[^>]*>([^<]*)<")).ToList();

    private static string Cell(string html, string row, int index) =>
        Captured(html, $"<tr {row}>(?:<td[^>]*>[^<]*</td>){{{index}}}<td[^>]*>([^<]*)</td>");

    private static List<string> PostValues(string html, string post) =>
        new[] { "gained", "retained", "quality" }.Select(v => Captured(html, $"<tr data-post=\"{post}\">.*?data-value=\"{v}\">([^<]*)<")).ToList();

    /// <summary>The first group of the first match, as text: the renderer encodes "+" and "—" in values.</summary>
    private static string Captured(string html, string pattern) => WebUtility.HtmlDecode(Regex.Match(html, pattern).Groups[1].Value);

    /// <summary>Two posts, eight followers and one full pass for <see cref="Samples.Account"/>; returns the posts' ids.</summary>
    private async Task<(string Liked, string Loud)> SeedAsync()
    {
        var liked = await Samples.PostedAsync(db, Early.AddHours(-2));
        var loud = await Samples.PostedAsync(db, Early.AddDays(-1));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into follower_passes (account, kind, started_at, finished_at, requests, followers_read, arrivals, departures) values (@account, 'full', @at, @at, 3, 300, 0, 0)",
            new { account = Samples.Account, at = Now.AddHours(-1) }, cancellationToken: Ct));

        Follower[] followers =
        [
            // Already following when tracking began: neither is an arrival; one leaves three days before now.
            new("old", null, Tracked, Now.AddHours(-1), null, 80, ["no bio"]),
            new("old_gone", null, Tracked, Now.AddDays(-3).AddHours(-1), Now.AddDays(-3), 80, []),
            new("stays", Tracked, Early, Now.AddHours(-1), null, 85, []),
            new("week", Tracked, Early, Early.AddDays(8), Early.AddDays(9), 55, ["default profile image"]),
            new("bot", Tracked, Early, Early, Early.AddHours(12), 10, ["default profile image", "no bio"]),
            new("blurred", Tracked, Early, Early.AddDays(2), Early.AddDays(20), 20, ["default profile image", "no bio"]),
            new("new", Late.AddHours(-1), Late, Late.AddDays(1), null, 90, []),
            new("unseen", Late.AddHours(-1), Late, Late, null, 75, ["few posts"]),
        ];
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into followers (account, user_id, handle, first_seen_at, arrived_after, last_seen_at, left_at, list_position, quality, quality_reasons)
            values (@Account, @UserId, @UserId, @FirstSeenAt, @ArrivedAfter, @LastSeenAt, @LeftAt, 1, @Quality, @Reasons)
            """,
            followers.Select(f => new { Account = Samples.Account, f.UserId, f.FirstSeenAt, f.ArrivedAfter, f.LastSeenAt, f.LeftAt, f.Quality, f.Reasons }),
            cancellationToken: Ct));

        // Liked: 2.5 gained, 1.5 of it still there after a week, quality (0.5·85 + 55 + 10) / 2.5 = 43.
        // Loud: 3.5 gained, 0.5 kept (the other three not seen either way), quality (0.5·85 + 20 + 90 + 75) / 3.5 = 65.
        (string Post, string UserId, double Share)[] credits =
        [
            (liked.TweetId, "stays", 0.5), (liked.TweetId, "week", 1), (liked.TweetId, "bot", 1),
            (loud.TweetId, "stays", 0.5), (loud.TweetId, "blurred", 1), (loud.TweetId, "new", 1), (loud.TweetId, "unseen", 1),
        ];
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into follower_post_credit (account, user_id, post_id, first_seen_at, share, computed_at)
            select @Account, @UserId, @Post, first_seen_at, @Share, @At from followers where account = @Account and user_id = @UserId
            """,
            credits.Select(c => new { Account = Samples.Account, c.UserId, c.Post, c.Share, At = Now }),
            cancellationToken: Ct));
        return (liked.TweetId, loud.TweetId);
    }

    private sealed record Follower(string UserId, DateTimeOffset? ArrivedAfter, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? LeftAt, int Quality, string[] Reasons);
}
