using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

/// <summary>Training labels far above their format's are capped; a format that is always better keeps its labels.</summary>
public sealed class LabelFenceTests
{
    [Fact]
    public async Task Capped_OneViralPost_IsCappedNearItsFormat_AndNothingElseMoves()
    {
        var rows = await SyntheticRows.CreateAsync(120, seed: 7);
        var viral = rows.ToList().FindIndex(r => r.OutlierGroup == "question");
        var withViral = rows.Select((r, i) => i == viral ? r with { Label = ModelLabel.FromGain(600, r.FollowersAtPost) } : r).ToList();

        var capped = LabelFence.Capped(withViral);

        // Capped among the ordinary questions' labels, far below the viral 600.
        var otherQuestions = withViral.Where((r, i) => r.OutlierGroup == "question" && i != viral).Select(r => r.Label).ToList();
        Assert.InRange(capped[viral], otherQuestions.Average(), otherQuestions.Max() * 2);
        Assert.All(Enumerable.Range(0, rows.Count).Where(i => i != viral), i => Assert.Equal(withViral[i].Label, capped[i]));
    }

    [Fact]
    public async Task Capped_AViralPostsCap_DoesNotGrowWithIt()
    {
        // Measured against its group's mean with itself in, a bigger viral label would raise its own cap.
        var rows = await SyntheticRows.CreateAsync(120, seed: 7);
        var viral = rows.ToList().FindIndex(r => r.OutlierGroup == "question");
        float CapOf(double gain) =>
            LabelFence.Capped([.. rows.Select((r, i) => i == viral ? r with { Label = ModelLabel.FromGain(gain, r.FollowersAtPost) } : r)])[viral];

        Assert.Equal(CapOf(600), CapOf(6_000), tolerance: 1e-3);
    }

    [Fact]
    public async Task Capped_AFormatAlwaysFarBetter_KeepsItsLabels()
    {
        // Lists gain 10 times what questions do on every post: a real effect, not an outlier.
        var rows = await SyntheticRows.CreateAsync(120, seed: 8);

        Assert.Equal(rows.Select(r => r.Label), LabelFence.Capped(rows));
    }

    [Fact]
    public async Task Capped_RowsWithoutAGroup_AreNeverCapped()
    {
        var rows = (await SyntheticRows.CreateAsync(60, seed: 9)).Select(r => r with { OutlierGroup = null }).ToList();
        rows[0] = rows[0] with { Label = ModelLabel.FromGain(600, rows[0].FollowersAtPost) };

        Assert.Equal(rows.Select(r => r.Label), LabelFence.Capped(rows));
    }

    [Fact]
    public async Task Train_OneViralQuestion_DoesNotMakeQuestionsLookBetterThanLists()
    {
        var rows = (await SyntheticRows.CreateAsync(120, seed: 10)).ToList();
        var viral = rows.FindIndex(r => r.OutlierGroup == "question");
        rows[viral] = rows[viral] with { Label = ModelLabel.FromGain(3_000, rows[viral].FollowersAtPost) };

        var model = PoissonEnsemble.Train(rows, size: 1, new LearnOptions().L2Regularization, TimeSpan.FromDays(3650), seed: 1);

        var probe = await SyntheticRows.CreateAsync(200, seed: 11);
        var predicted = model.PredictMean([.. probe.Select(r => r.Features)]);
        double MeanOf(string format) => probe.Select((r, i) => (r.OutlierGroup, Gain: ModelLabel.ToGain(predicted[i], r.FollowersAtPost)))
            .Where(x => x.OutlierGroup == format).Average(x => x.Gain);
        Assert.True(MeanOf("question") < MeanOf("list"), $"questions {MeanOf("question"):0.0} vs lists {MeanOf("list"):0.0}");
    }
}
