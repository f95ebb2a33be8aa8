using FollowerLoop.Planning;

namespace FollowerLoop.Tests.Planning;

public sealed class CandidateChoiceTests
{
    // Three members' predictions for three candidates: means 5, 2.33 and 4; each member favours another candidate.
    private static readonly double[][] Predictions =
    [
        [5, 7, 0],
        [5, 0, 12],
        [5, 0, 0],
    ];

    [Theory]
    [InlineData(1.0, 3)]
    [InlineData(0.5, 2)]
    [InlineData(0.0, 1)]
    public void Thompson_TheScaleShrinksTheDrawnMemberTowardsTheMean_SoFewerPicksLeaveTheBestMean(double scale, int distinctPicks)
    {
        var options = new PlanOptions { Exploration = ExplorationMode.Thompson, ThompsonScale = scale };
        var random = new Random(5);

        var picks = Enumerable.Range(0, 300).Select(_ => CandidateChoice.Choose(Predictions, options, random)).ToList();

        // At half scale the first member becomes 5, 4.67, 2 (the best mean wins); the second 5, 1.17, 8 (still candidate 2).
        Assert.Equal(distinctPicks, picks.Select(p => p.Index).Distinct().Count());
        Assert.All(picks, p => Assert.Equal(p.Index == 0, p.Exploit));
    }
}
