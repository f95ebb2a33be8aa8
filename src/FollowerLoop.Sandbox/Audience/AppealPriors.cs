namespace FollowerLoop.Sandbox.Audience;

/// <summary>Priors of the hidden appeal weights; the audience seed draws one concrete audience from them.</summary>
public sealed record AppealPriors
{
    /// <summary>Sd of the per-post noise added to appeal.</summary>
    public required double NoiseSd { get; init; }

    /// <summary>Added to the appeal of replies to other accounts' posts (they reach fewer people).</summary>
    public required double ReplyBias { get; init; }

    public required CategoricalPrior Format { get; init; }

    public required CategoricalPrior Topic { get; init; }

    public required CategoricalPrior Hook { get; init; }

    public required CategoricalPrior Length { get; init; }

    /// <summary>
    /// Knots [weightedLength, effect], lengths increasing: the effect is linear between knots and flat beyond the ends.
    /// When given it replaces the length bands (<see cref="Length"/>).
    /// </summary>
    public IReadOnlyList<double[]>? LengthCurve { get; init; }

    /// <summary>Sd of the format × topic interaction weights (mean 0).</summary>
    public required double FormatTopicSd { get; init; }

    /// <summary>Per format, added to the log of follows only: some formats get engagement but few followers.</summary>
    public required CategoricalPrior FollowAffinity { get; init; }

    public required CategoricalPrior Weekday { get; init; }

    public required NormalPrior HasNumber { get; init; }

    public required NormalPrior HasQuestion { get; init; }

    /// <summary>Per emoji, up to <see cref="EmojiCap"/>.</summary>
    public required NormalPrior EmojiPerCount { get; init; }

    /// <summary>Emoji beyond this count add nothing.</summary>
    public required int EmojiCap { get; init; }

    /// <summary>Per hashtag, up to <see cref="HashtagCap"/>.</summary>
    public required NormalPrior HashtagPerCount { get; init; }

    /// <summary>Hashtags beyond this count add nothing.</summary>
    public required int HashtagCap { get; init; }

    /// <summary>Once if the post has any link.</summary>
    public required NormalPrior Link { get; init; }

    /// <summary>Amplitude of the daily cosine around the peak hour (its absolute value is used).</summary>
    public required NormalPrior HourAmplitude { get; init; }

    /// <summary>The audience's local hour of peak attention.</summary>
    public required UniformPrior PeakHour { get; init; }

    /// <summary>24 effects, one per local hour (0 = 0:00–0:59); when given it replaces the daily cosine.</summary>
    public IReadOnlyList<double>? HourCurve { get; init; }

    /// <summary>A drawn effect per topic × <see cref="Daypart"/>; none when absent.</summary>
    public TopicDaypartPrior? TopicDaypart { get; init; }

    /// <summary>Weekly random walk of the format and topic weights; none when absent.</summary>
    public AppealDriftProfile? Drift { get; init; }

    /// <summary>The penalty for many posts a day; none when absent.</summary>
    public SaturationProfile? Saturation { get; init; }

    /// <summary>Rare posts with multiplied reach; none when absent.</summary>
    public ViralProfile? Viral { get; init; }

    /// <summary>Penalty per earlier post of the same format within the fatigue window (negative draws count as 0).</summary>
    public required NormalPrior FatiguePerRepeat { get; init; }

    public required double FatigueWindowHours { get; init; }

    /// <summary>Penalty for posting right after the previous post, fading linearly to 0 at CrowdingHours (negative draws count as 0).</summary>
    public required NormalPrior Crowding { get; init; }

    public required double CrowdingHours { get; init; }
}
