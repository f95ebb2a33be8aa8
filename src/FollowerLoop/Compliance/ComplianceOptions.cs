namespace FollowerLoop.Compliance;

/// <summary>Section <c>Compliance</c>: what the user states about their standing with X.</summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    /// <summary>
    /// The user states that X gave prior written approval to run this AI reply bot (X's Automation Rules:
    /// "the deployment or operation of any AI reply bot requires prior written and explicit approval").
    /// Needed for <c>Reply:Mode = Auto</c> with an LLM writing the replies.
    /// </summary>
    public bool AiRepliesApproved { get; set; }
}
