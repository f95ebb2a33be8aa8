using FollowerLoop.Bench.Learning;
using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Planning;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Bench.Trainers;

/// <summary>
/// An account's history of random picks on a sandbox audience (a candidate bank round at each of the day's
/// evenly spread hours), as the gain model's rows: the features Plan would have built and the label the
/// sandbox knows (the true 48-hour gain per 10,000 followers), so trainers are compared without attribution's error.
/// Beside each row, the gain the sandbox expected of that post there and then (per 10,000 followers): what a ranking
/// is judged against without the posts' luck.
/// </summary>
internal static class RandomHistory
{
    public static async Task<(IReadOnlyList<TrainingExample> Rows, IReadOnlyList<double> Expected)> CreateAsync(string? audienceFile, int seed, int posts)
    {
        var clock = new SteppedTimeProvider(LearningSettings.Epoch);
        var world = SandboxWorld.Create(
            new SandboxOptions { Handle = LearningSettings.Handle, AudienceSeed = seed, AudienceFile = audienceFile, Clock = SandboxClockMode.Stepped, Epoch = LearningSettings.Epoch },
            clock);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(FixedZone.For(TimeSpan.FromHours(world.Audience.Profile.Account.UtcOffsetHours)));
        var bank = new CandidateBank(seed, LearningSettings.Plan.CandidateCount);
        var guard = new ContentGuard(Options.Create(new ContentOptions()));
        var random = new Random(seed);
        var hours = PlanSlots.Evenly(LearningSettings.Plan.PostsPerDay);
        var made = new List<(Candidate Candidate, SandboxPost Post, long Followers)>();
        for (var day = 0; made.Count < posts; day++)
        {
            foreach (var hour in hours.TakeWhile(_ => made.Count < posts))
            {
                var at = LearningSettings.Epoch.AddDays(day).AddHours(hour);
                clock.SetUtcNow(at);
                var recent = new RecentTexts(made.TakeLast(new ContentOptions().RecentPostsCompared).Select(m => m.Post.Text));
                var allowed = (await bank.ForAsync(at)).Where(c => guard.Check(c.Text, recent) is null && world.Check(c.Text) is null).ToList();
                if (allowed.Count > 0)
                {
                    var pick = allowed[random.Next(allowed.Count)];
                    made.Add((pick, world.Publish(pick.Text), world.GetFollowers(at)));
                }
            }
        }

        var history = new PostingHistory(made.Select(m => (m.Post.PostedAt, (string?)m.Candidate.Format, (string?)m.Candidate.Topic)));
        IReadOnlyList<double> expected = [.. made.Select(m => world.Audience.ExpectedFollows(m.Post.Features, m.Post.Context) * ModelLabel.Scale / m.Followers)];
        IReadOnlyList<TrainingExample> rows =
        [
            .. made.Select(m => new TrainingExample(
                m.Post.Id,
                m.Post.PostedAt,
                GainFeatures.Build(PostDescription.Of(m.Candidate), history.TimingAt(m.Post.PostedAt, m.Candidate.Format, m.Candidate.Topic), zone),
                ModelLabel.FromGain(world.TrueFollowerGain(m.Post.Id).At48h, m.Followers),
                m.Followers,
                m.Candidate.Format)),
        ];
        return (rows, expected);
    }
}
