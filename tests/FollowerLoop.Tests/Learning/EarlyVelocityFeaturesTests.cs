using FollowerLoop.Content;
using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

public sealed class EarlyVelocityFeaturesTests
{
    private const long Followers = 10_000;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PostDescription Post = new("list", "ai", "number", ContentFeatures.Of("5 AI lessons:\n1. Prompts\n2. Evals"));

    private static float Value(float[] vector, string name) => vector[EarlyVelocityFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void ProfileVisits_EnterWithAFlag_AndAPostWithoutThemIsNotAPostNobodyVisited()
    {
        var read = EarlyVelocityFeatures.Build(Post, Start, new EarlySignals(40, 8, 4, 1600, Followers, 30), TimeZoneInfo.Utc);
        var unread = EarlyVelocityFeatures.Build(Post, Start, new EarlySignals(40, 8, 4, 1600, Followers, null), TimeZoneInfo.Utc);
        var none = EarlyVelocityFeatures.Build(Post, Start, new EarlySignals(40, 8, 4, 1600, Followers, 0), TimeZoneInfo.Utc);

        Assert.Equal((float)Math.Log(31), Value(read, "profile_visits_2h"), 5);
        Assert.Equal((1f, 0f, 1f), (Value(read, "profile_visits_known"), Value(unread, "profile_visits_known"), Value(none, "profile_visits_known")));
        Assert.Equal(0f, Value(unread, "profile_visits_2h"));
        Assert.Equal(Value(read, "views_2h"), Value(unread, "views_2h"));
    }

    [Fact]
    public void ProfileVisits_WhereFollowsComeThroughThem_PredictTheGainFarBetterThanEngagement()
    {
        var random = new Random(11);
        var posts = Enumerable.Range(0, 200).Select(i =>
        {
            var visits = random.Next(0, 200);
            var likes = random.Next(0, 60);
            // Follows come from the profile visits, a fifth of them; the likes tell nothing.
            return (At: Start.AddHours(3 * i), Visits: visits, Likes: likes, Gain: visits / 5.0);
        }).ToList();
        double Error(bool withVisits)
        {
            var rows = posts.Select((p, i) => new TrainingExample(
                $"p{i}",
                p.At,
                EarlyVelocityFeatures.Build(Post, p.At, new EarlySignals(p.Likes, p.Likes / 5, p.Likes / 10, p.Likes * 40, Followers, withVisits ? p.Visits : null), TimeZoneInfo.Utc),
                ModelLabel.FromGain(p.Gain, Followers),
                Followers)).ToList();
            var model = PoissonEnsemble.Train(rows[..150], size: 1, l2Regularization: 0.1f, halfLife: TimeSpan.FromDays(3650), seed: 1);
            var predicted = model.PredictMean([.. rows[150..].Select(r => r.Features)]);
            return posts[150..].Select((p, i) => Math.Abs(ModelLabel.ToGain(predicted[i], Followers) - p.Gain)).Average();
        }

        var (withVisits, without) = (Error(withVisits: true), Error(withVisits: false));

        Assert.True(withVisits < without / 2, $"MAE {withVisits:0.00} with profile visits vs {without:0.00} without");
    }
}
