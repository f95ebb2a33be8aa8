using System.ComponentModel.DataAnnotations;

namespace FollowerLoop;

/// <summary>Section <c>Account</c>: the X account FollowerLoop grows.</summary>
public sealed class AccountOptions : IValidatableObject
{
    public const string SectionName = "Account";

    /// <summary>The handle without "@", as x.com allows: 1–15 letters, digits or underscores.</summary>
    [Required(ErrorMessage = "Account:Handle is required (the X handle to grow, without @).")]
    [RegularExpression("^[A-Za-z0-9_]{1,15}$", ErrorMessage = "Account:Handle must be 1-15 letters, digits or underscores, without @.")]
    public string Handle { get; set; } = "";

    /// <summary>
    /// The audience's time zone, an IANA id such as "Europe/Berlin": hours and weekdays are learned, planned
    /// and reported in it (an audience's evening is local, and moves with its daylight saving).
    /// </summary>
    [Required(ErrorMessage = "Account:TimeZone is required (an IANA time zone such as Europe/Berlin, or UTC).")]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The zone <see cref="TimeZone"/> names; validated at start, so it is found.</summary>
    public TimeZoneInfo GetZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // IANA only: Postgres reads hours in the same zone, and it knows no Windows ids.
        if (!string.IsNullOrWhiteSpace(TimeZone) && !(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) && zone.HasIanaId))
        {
            yield return new ValidationResult($"Account:TimeZone '{TimeZone}' is not an IANA time zone this machine knows (such as Europe/Berlin, or UTC).", [nameof(TimeZone)]);
        }
    }
}
