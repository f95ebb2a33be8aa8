using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Followers;

/// <summary>Section <c>Followers</c>: how the Followers job reads X's followers list, and what it may spend on it.</summary>
public sealed class FollowersOptions : IValidatableObject
{
    public const string SectionName = "Followers";

    /// <summary>How often a full pass reads the whole list (the only pass that sees departures among older followers).</summary>
    public TimeSpan FullPassEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The most a full pass may cost at the API's own-data price (its estimate is logged before it runs). A larger
    /// account's full pass is skipped, with a log saying what it would cost, and the hourly partial passes go on.
    /// </summary>
    [Range(typeof(decimal), "0", "1000", ErrorMessage = "Followers:MaxFullPassUsd must be between 0 and 1000 (USD).")]
    public decimal MaxFullPassUsd { get; set; } = 5m;

    /// <summary>Followers read beyond the expected new ones on a partial pass's first page, so one request usually reaches a known follower.</summary>
    [Range(1, 1000, ErrorMessage = "Followers:PageMargin must be between 1 and 1000.")]
    public int PageMargin { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FullPassEvery < TimeSpan.FromDays(1) || FullPassEvery > TimeSpan.FromDays(90))
        {
            yield return new ValidationResult($"Followers:FullPassEvery must be between 1.00:00:00 and 90.00:00:00 (days); got {FullPassEvery}.", [nameof(FullPassEvery)]);
        }
    }
}
