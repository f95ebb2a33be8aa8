namespace FollowerLoop.Learning;

/// <summary>The views a post gained in each grid step of its 48-hour window (grid step 0 is the series' start).</summary>
internal sealed class PostIncrements
{
    private readonly int _first;
    private readonly double[] _steps;

    private PostIncrements(PostViews post, int first, double[] steps)
    {
        Post = post;
        _first = first;
        _steps = steps;
    }

    public PostViews Post { get; }

    /// <summary>The grid step the post's window opens in.</summary>
    public int First => _first;

    /// <summary>
    /// Whether the post can weigh anything between grid steps <paramref name="from"/> and <paramref name="to"/>: outside its
    /// 48-hour window it weighs nothing, whatever the delay (what is still delayed when the window closes is not counted).
    /// </summary>
    public bool Touches(int from, int to) => to > _first && from < _first + _steps.Length;

    public static PostIncrements Of(PostViews post, ViewCurve curve, DateTimeOffset start, TimeSpan step, int lastIndex)
    {
        var first = (int)Math.Floor((post.PostedAt - start) / step);
        var end = Math.Min(lastIndex, (int)Math.Ceiling((post.PostedAt + EngagementShareAttribution.Window - start) / step));
        var steps = new double[Math.Max(0, end - first)];
        // The curve at each step's start, carried to the next step's (each age read once, not twice).
        var before = curve.At((start + (first * step) - post.PostedAt).TotalHours);
        for (var k = 0; k < steps.Length; k++)
        {
            var after = curve.At((start + ((first + k + 1) * step) - post.PostedAt).TotalHours);
            steps[k] = after - before;
            before = after;
        }

        return new PostIncrements(post, first, steps);
    }

    /// <summary>
    /// The increments passed through <paramref name="delay"/>, as cumulative sums; whatever is still delayed when
    /// the 48-hour window closes is not counted.
    /// </summary>
    public LaggedIncrements Lagged(FollowDelay delay, TimeSpan step) => Spread(delay.SpreadHours, step).Delayed(delay.DeadSteps(step));

    /// <summary>How many grid steps the post's window covers.</summary>
    public int Steps => _steps.Length;

    /// <summary>
    /// The increments spread with time constant <paramref name="spreadHours"/> (0: at once), with no dead time; written
    /// into <paramref name="buffer"/> (at least <see cref="Steps"/> + 1 long) when given, so that a caller weighing every
    /// post under many delays reuses one array instead of allocating one per post and delay.
    /// </summary>
    public LaggedIncrements Spread(double spreadHours, TimeSpan step, double[]? buffer = null)
    {
        var keep = spreadHours > 0 ? Math.Exp(-step.TotalHours / spreadHours) : 0;
        var cumulative = buffer ?? new double[_steps.Length + 1];
        cumulative[0] = 0;
        var flow = 0.0;
        var gain = 1 - keep;
        for (var k = 0; k < _steps.Length; k++)
        {
            flow = (keep * flow) + (gain * _steps[k]);
            cumulative[k + 1] = cumulative[k] + flow;
        }

        return new LaggedIncrements(Post, _first, cumulative, _steps.Length + 1);
    }
}
