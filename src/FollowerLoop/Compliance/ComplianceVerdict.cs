namespace FollowerLoop.Compliance;

/// <summary>How a setting stands against X's rules for automated accounts.</summary>
public enum ComplianceVerdict
{
    /// <summary>Within the rules.</summary>
    Ok,

    /// <summary>Something only the user can do or confirm on X (a profile label, a bio line).</summary>
    Remind,

    /// <summary>Allowed, but the user carries a risk the rules name (a warning at start says so too).</summary>
    Risk,

    /// <summary>Breaks a rule: <c>followerloop check</c> exits non-zero and start-up refuses the setting.</summary>
    Breaks,
}
