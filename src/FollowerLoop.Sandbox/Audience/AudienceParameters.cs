using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>One concrete audience: the weights drawn from <see cref="AppealPriors"/> with a seed.</summary>
public sealed record AudienceParameters
{
    public required IReadOnlyDictionary<PostFormat, double> Format { get; init; }

    public required IReadOnlyDictionary<PostTopic, double> Topic { get; init; }

    public required IReadOnlyDictionary<PostHook, double> Hook { get; init; }

    public required IReadOnlyDictionary<LengthBucket, double> Length { get; init; }

    /// <summary>Format × topic interactions, keyed "Format/Topic".</summary>
    public required IReadOnlyDictionary<string, double> FormatTopic { get; init; }

    /// <summary>Topic × daypart effects, keyed "Topic/Daypart"; empty without <see cref="AppealPriors.TopicDaypart"/>.</summary>
    public required IReadOnlyDictionary<string, double> TopicDaypart { get; init; }

    public required IReadOnlyDictionary<PostFormat, double> FollowAffinity { get; init; }

    public required IReadOnlyDictionary<DayOfWeek, double> Weekday { get; init; }

    public required double HasNumber { get; init; }

    public required double HasQuestion { get; init; }

    public required double EmojiPerCount { get; init; }

    public required double HashtagPerCount { get; init; }

    public required double Link { get; init; }

    public required double HourAmplitude { get; init; }

    public required double PeakHour { get; init; }

    public required double FatiguePerRepeat { get; init; }

    public required double Crowding { get; init; }

    /// <summary>Draws every weight from its own stream keyed by its name, so adding a parameter never shifts the others.</summary>
    public static AudienceParameters Draw(AppealPriors priors, int seed)
    {
        ArgumentNullException.ThrowIfNull(priors);
        double Normal(string name, NormalPrior prior) => new DeterministicRandom(seed, $"prior/{name}").NextNormal(prior.Mean, prior.Sd);

        var peak = new DeterministicRandom(seed, "prior/peakHour").NextDouble();
        return new AudienceParameters
        {
            Format = DrawCategorical<PostFormat>(priors.Format, "format", seed),
            Topic = DrawCategorical<PostTopic>(priors.Topic, "topic", seed),
            Hook = DrawCategorical<PostHook>(priors.Hook, "hook", seed),
            Length = DrawCategorical<LengthBucket>(priors.Length, "length", seed),
            FormatTopic = Enum.GetValues<PostFormat>()
                .SelectMany(format => Enum.GetValues<PostTopic>().Select(topic => $"{format}/{topic}"))
                .ToDictionary(key => key, key => new DeterministicRandom(seed, $"prior/formatTopic/{key}").NextNormal(0, priors.FormatTopicSd)),
            TopicDaypart = priors.TopicDaypart is { } topicDaypart
                ? Enum.GetValues<PostTopic>()
                    .SelectMany(topic => Enum.GetValues<Daypart>().Select(daypart => TopicDaypartKey(topic, daypart)))
                    .ToDictionary(key => key, key => new DeterministicRandom(seed, $"prior/topicDaypart/{key}").NextNormal(0, topicDaypart.Sd))
                : new Dictionary<string, double>(),
            FollowAffinity = DrawCategorical<PostFormat>(priors.FollowAffinity, "followAffinity", seed),
            Weekday = DrawCategorical<DayOfWeek>(priors.Weekday, "weekday", seed),
            HasNumber = Normal("hasNumber", priors.HasNumber),
            HasQuestion = Normal("hasQuestion", priors.HasQuestion),
            EmojiPerCount = Normal("emojiPerCount", priors.EmojiPerCount),
            HashtagPerCount = Normal("hashtagPerCount", priors.HashtagPerCount),
            Link = Normal("link", priors.Link),
            HourAmplitude = Math.Abs(Normal("hourAmplitude", priors.HourAmplitude)),
            PeakHour = priors.PeakHour.Min + (peak * (priors.PeakHour.Max - priors.PeakHour.Min)),
            FatiguePerRepeat = Math.Max(0, Normal("fatiguePerRepeat", priors.FatiguePerRepeat)),
            Crowding = Math.Max(0, Normal("crowding", priors.Crowding)),
        };
    }

    public static string TopicDaypartKey(PostTopic topic, Daypart daypart) => $"{topic}/{daypart}";

    private static Dictionary<TEnum, double> DrawCategorical<TEnum>(CategoricalPrior prior, string name, int seed)
        where TEnum : struct, Enum
    {
        var means = prior.Mean.ToDictionary(pair => Enum.Parse<TEnum>(pair.Key, ignoreCase: true), pair => pair.Value);
        return Enum.GetValues<TEnum>().ToDictionary(
            value => value,
            value => new DeterministicRandom(seed, $"prior/{name}/{value}").NextNormal(means.GetValueOrDefault(value), prior.Sd));
    }
}
