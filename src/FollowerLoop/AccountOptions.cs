using System.ComponentModel.DataAnnotations;

namespace FollowerLoop;

/// <summary>Section <c>Account</c>: the X account FollowerLoop grows.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Account";

    /// <summary>The handle without "@", as x.com allows: 1–15 letters, digits or underscores.</summary>
    [Required(ErrorMessage = "Account:Handle is required (the X handle to grow, without @).")]
    [RegularExpression("^[A-Za-z0-9_]{1,15}$", ErrorMessage = "Account:Handle must be 1-15 letters, digits or underscores, without @.")]
    public string Handle { get; set; } = "";
}
