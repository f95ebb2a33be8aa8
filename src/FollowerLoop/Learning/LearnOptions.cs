using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Learning;

/// <summary>Section <c>Learn</c>: when the models are (re)trained and how a new one is validated.</summary>
public sealed class LearnOptions : IValidatableObject
{
    public const string SectionName = "Learn";

    /// <summary>Finished posts needed before the first model is trained.</summary>
    [Range(10, 100_000, ErrorMessage = "Learn:MinRows must be at least 10.")]
    public int MinRows { get; set; } = 20;

    /// <summary>New finished posts needed before a model is trained again (fewer would change little and cost a training).</summary>
    [Range(1, 10_000, ErrorMessage = "Learn:MinNewRows must be at least 1.")]
    public int MinNewRows { get; set; } = 5;

    /// <summary>The newest share of rows held out to validate a new model against the training mean.</summary>
    [Range(0.05, 0.5, ErrorMessage = "Learn:HoldoutShare must be between 0.05 and 0.5.")]
    public double HoldoutShare { get; set; } = 0.2;

    [Range(3, 10_000, ErrorMessage = "Learn:MinHoldoutRows must be at least 3.")]
    public int MinHoldoutRows { get; set; } = 5;

    /// <summary>Bootstrap members of the gain model: its spread is what the planner explores with.</summary>
    [Range(2, 50, ErrorMessage = "Learn:EnsembleSize must be between 2 and 50.")]
    public int EnsembleSize { get; set; } = 8;

    /// <summary>
    /// Whether each post's likers are read once its 48 hours are over, where X lists them (the API provider): the new
    /// followers among them sharpen attribution. X lists at most 100 a post, each billed as an own-data read ($0.001).
    /// </summary>
    public bool ReadLikers { get; set; } = true;

    /// <summary>L2 penalty of the Poisson regressions: pulls rarely seen features towards no effect.</summary>
    [Range(0.0001, 1000, ErrorMessage = "Learn:L2Regularization must be between 0.0001 and 1000.")]
    public float L2Regularization { get; set; } = 1f;

    /// <summary>A training row weighs half as much for each half-life it is older than the newest row: the model follows an audience whose tastes drift.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Learn:HalfLife must be between 1 day and 10 years.")]
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// What the gain model and the patterns learn: followers gained (default) or those still following after a week
    /// (<c>Retained7d</c>: needs the Followers job's passes, and a week more per post before it counts).
    /// </summary>
    public LearnTarget Target { get; set; } = LearnTarget.Gained;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinHoldoutRows > MinRows / 2)
        {
            yield return new ValidationResult("Learn:MinHoldoutRows must be at most half of Learn:MinRows (the rest is what the model trains on).", [nameof(MinHoldoutRows)]);
        }

        if (!Enum.IsDefined(Target))
        {
            yield return new ValidationResult($"Learn:Target must be Gained or Retained7d; got {Target}.", [nameof(Target)]);
        }
    }
}
