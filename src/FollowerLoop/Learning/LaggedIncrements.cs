namespace FollowerLoop.Learning;

/// <summary>A post's (delayed) views as a cumulative sum over grid steps, so any interval's share is one subtraction.</summary>
internal sealed class LaggedIncrements
{
    private readonly int _first;
    private readonly double[] _cumulative;
    private readonly int _count;
    private readonly double _scale;

    public LaggedIncrements(PostViews post, int first, double[] cumulative)
        : this(post, first, cumulative, cumulative.Length)
    {
    }

    /// <param name="count">How many of <paramref name="cumulative"/>'s sums are this post's (a reused buffer can be longer).</param>
    /// <param name="scale">What each of the sums weighs.</param>
    public LaggedIncrements(PostViews post, int first, double[] cumulative, int count, double scale = 1)
    {
        Post = post;
        _first = first;
        _cumulative = cumulative;
        _count = count;
        _scale = scale;
    }

    public PostViews Post { get; }

    /// <summary>The weight gained between grid steps <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double Between(int from, int to) => _scale * (At(to) - At(from));

    /// <summary>
    /// The same weight starting <paramref name="steps"/> later and still cut where the window closes: a dead time. It shares
    /// this one's sums, so the delays that differ only in their dead time cost one pass over the views.
    /// </summary>
    public LaggedIncrements Delayed(int steps) => new(Post, _first + steps, _cumulative, Math.Max(0, _count - steps), _scale);

    /// <summary>The same weight times <paramref name="scale"/>, sharing this one's sums.</summary>
    public LaggedIncrements Scaled(double scale) => new(Post, _first, _cumulative, _count, _scale * scale);

    private double At(int index) =>
        index <= _first || _count == 0 ? 0 : index - _first >= _count ? _cumulative[_count - 1] : _cumulative[index - _first];
}
