using System.Globalization;
using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>
/// Without the optional structure keys the audience must be exactly the one before they existed: these numbers were
/// printed by the code before the keys were added (seed 42, the built-in profile) and must never change.
/// </summary>
public sealed class DefaultAudienceRegressionTests
{
    // Captured from the code before the structure keys; one line per post (appeal, noise, views/likes/reposts/replies/bookmarks
    // at 48 h and at 6 h, true gain), then the followers every 7 hours, the oracle's expected gains and its pick.
    private const string Expected = """
        0.1864465858 0.2936455231 4026/46/7/5/8 6h 3481/35/4/3/4 gain 14
        -0.5579608923 -0.5196566233 882/10/0/2/1 6h 762/7/0/1/0 gain 4
        -0.6332899128 0.0647106033 1371/26/4/4/2 6h 1185/20/2/2/1 gain 4
        -0.1594333219 -0.1172633164 1874/23/5/1/1 6h 1620/17/3/0/0 gain 5
        -0.0922709025 0.1608271221 2689/24/2/6/0 6h 2325/18/1/4/0 gain 8
        0.9920143875 -0.1320185799 5935/56/12/9/2 6h 5131/43/8/6/1 gain 13
        0.3969677247 -0.1042020118 3408/51/6/9/5 6h 2946/39/4/6/2 gain 20
        0.0762644799 -0.0084808474 2671/29/7/4/2 6h 2309/22/4/2/1 gain 14
        -0.1767337428 0.0592403749 2231/34/4/2/2 6h 1929/26/2/1/1 gain 8
        -1.5566688279 -0.1903515472 440/9/0/0/0 6h 380/6/0/0/0 gain 0
        -0.7152507748 -0.0871821367 1122/22/1/3/3 6h 970/17/0/2/1 gain 2
        0.1454353603 0.3156530670 4010/46/11/7/7 6h 3467/35/7/4/3 gain 11
        -0.4394406869 0.3663721625 2305/29/6/3/0 6h 1993/22/4/2/0 gain 6
        -0.4531750296 0.1516634044 1862/24/4/3/2 6h 1610/18/2/2/1 gain 8
        -0.3224385333 -0.3255152500 1404/17/3/1/1 6h 1213/13/2/0/0 gain 3
        0.1046972088 0.2137659978 3333/36/7/3/8 6h 2881/27/4/2/4 gain 20
        0.3164843786 0.1254757282 3889/57/6/5/3 6h 3362/44/4/3/1 gain 29
        -0.2689803673 -0.0957779748 1735/25/3/3/2 6h 1500/19/2/2/1 gain 7
        0.1854593886 0.2374068625 3861/41/5/9/4 6h 3338/31/3/6/2 gain 8
        0.4881329798 0.1431833458 4745/54/14/9/5 6h 4102/41/9/6/2 gain 18
        -1.8335111647 -0.2054309023 349/4/0/0/2 6h 301/3/0/0/1 gain 1
        -0.2295926231 0.2325986941 2635/29/3/2/0 6h 2278/22/2/1/0 gain 11
        2026-01-05T00:00:00.0000000+00:00 12400
        2026-01-05T07:00:00.0000000+00:00 12402
        2026-01-05T14:00:00.0000000+00:00 12415
        2026-01-05T21:00:00.0000000+00:00 12445
        2026-01-06T04:00:00.0000000+00:00 12467
        2026-01-06T11:00:00.0000000+00:00 12483
        2026-01-06T18:00:00.0000000+00:00 12503
        2026-01-07T01:00:00.0000000+00:00 12507
        2026-01-07T08:00:00.0000000+00:00 12515
        2026-01-07T15:00:00.0000000+00:00 12541
        2026-01-07T22:00:00.0000000+00:00 12565
        2026-01-08T05:00:00.0000000+00:00 12584
        2026-01-08T12:00:00.0000000+00:00 12595
        2026-01-08T19:00:00.0000000+00:00 12605
        2026-01-09T02:00:00.0000000+00:00 12613
        2026-01-09T09:00:00.0000000+00:00 12610
        2026-01-09T16:00:00.0000000+00:00 12611
        2026-01-09T23:00:00.0000000+00:00 12613
        2026-01-10T06:00:00.0000000+00:00 12621
        2026-01-10T13:00:00.0000000+00:00 12632
        2026-01-10T20:00:00.0000000+00:00 12630
        2026-01-11T03:00:00.0000000+00:00 12632
        2026-01-11T10:00:00.0000000+00:00 12633
        2026-01-11T17:00:00.0000000+00:00 12634
        2026-01-12T00:00:00.0000000+00:00 12635
        2026-01-12T07:00:00.0000000+00:00 12630
        2026-01-12T14:00:00.0000000+00:00 12636
        2026-01-12T21:00:00.0000000+00:00 12640
        2026-01-13T04:00:00.0000000+00:00 12641
        2026-01-13T11:00:00.0000000+00:00 12638
        2026-01-13T18:00:00.0000000+00:00 12653
        2026-01-14T01:00:00.0000000+00:00 12667
        2026-01-14T08:00:00.0000000+00:00 12682
        2026-01-14T15:00:00.0000000+00:00 12687
        2026-01-14T22:00:00.0000000+00:00 12689
        2026-01-15T05:00:00.0000000+00:00 12691
        oracle 6.4501982795
        oracle 2.8112298713
        oracle 2.0943949170
        oracle 4.5347879898
        oracle 8.3027207843
        oracle 14.9361988345
        oracle 13.2365559402
        oracle 3.5794153706
        oracle 6.8124093082
        oracle 1.2382026370
        oracle 4.6611080811
        oracle 8.6728845702
        oracle 4.6786043885
        oracle 5.3410370082
        oracle 5.1630467660
        oracle 7.5307368249
        oracle 12.9647656617
        oracle 7.0127962673
        oracle 3.7262879409
        oracle 8.3398535488
        best 5
        """;

    // Gaps in hours before each post: bursts (crowding, fatigue, several posts a day), long pauses, the last in week 1.
    private static readonly double[] Gaps = [1, 0.5, 3, 7, 0.25, 1.5, 2, 9, 4, 0.75, 5, 2.5, 11, 1, 1, 6, 3, 0.5, 13, 130];

    private static readonly string[] Texts =
    [
        .. WorldFactory.Texts,
        "Ship it 🚀🚀🚀🚀🚀 #buildinpublic #startups #saas #indiehacker #growth",
        "Read this before your next interview: https://example.com/interview-guide",
        "Most people never learn python properly. They copy code from a tutorial, run it once, and move on to the next shiny framework without understanding a single line of what the interpreter does. Do not be most people.",
        "Here's the secret to a calm morning routine",
        "You are one habit away from a better year",
        "Why do so many founders burn out in year two?",
        "3 ways to cut your cloud bill:\n- right-size\n- reserve\n- delete",
        "My first salary negotiation went badly. Here is what I changed.",
        "Debugging is twice as hard as writing the code.",
        "Hot take: LLM prompts are the new regex",
        "Index funds beat most stock pickers over 20 years, the data says",
    ];

    [Fact]
    public void DefaultProfile_ReproducesTheAudienceOfBeforeTheStructureKeys()
    {
        Assert.Equal(Expected.Split('\n'), Run(seed: 42));
    }

    /// <summary>Per post: appeal and noise, 48-hour totals, counts at 6 hours, true gain; then the follower series and an oracle call.</summary>
    private static List<string> Run(int seed)
    {
        var (world, clock) = WorldFactory.Create(seed);
        var posts = new List<SandboxPost>();
        for (var i = 0; i < Texts.Length; i++)
        {
            clock.Advance(TimeSpan.FromHours(Gaps[i]));
            posts.Add(world.Publish(Texts[i]));
        }

        posts.Add(world.Publish("Great point, agreed!", world.SearchRecent("ai", 1)[0].Id));
        posts.Add(world.Publish("2/ And the follow-up to my own post.", posts[0].Id));
        var oracle = world.ChooseBest(Texts.Select(text => $"{text} again").ToList());
        clock.Advance(TimeSpan.FromHours(48));

        var lines = posts.Select(post =>
        {
            var at6h = world.GetMetrics(post, post.PostedAt + TimeSpan.FromHours(6));
            var gain = world.TrueFollowerGain(post.Id);
            return Invariant($"{post.Outcome.Appeal:F10} {post.Outcome.Noise:F10} {Counts(post.Outcome.Totals)} 6h {Counts(at6h)} gain {gain.At48h}");
        }).ToList();
        lines.AddRange(world.GetFollowerSeries(WorldFactory.Epoch, clock.GetUtcNow(), TimeSpan.FromHours(7)).Select(point => Invariant($"{point.At:O} {point.Followers}")));
        lines.AddRange(oracle.Candidates.Select(candidate => Invariant($"oracle {candidate.ExpectedFollowerGain:F10}")));
        lines.Add(Invariant($"best {oracle.BestIndex}"));
        return lines;
    }

    private static string Counts(XComEngagementCounts counts) =>
        Invariant($"{counts.Views}/{counts.Likes}/{counts.Reposts}/{counts.Replies}/{counts.Bookmarks}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
