namespace FollowerLoop.Learning;

/// <summary>A post's (delayed) views as a cumulative sum over grid steps, so any interval's share is one subtraction.</summary>
internal sealed class LaggedIncrements(PostViews post, int first, double[] cumulative)
{
    public PostViews Post { get; } = post;

    /// <summary>The weight gained between grid steps <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double Between(int from, int to) => At(to) - At(from);

    private double At(int index) =>
        index <= first ? 0 : index - first >= cumulative.Length ? cumulative[^1] : cumulative[index - first];
}
