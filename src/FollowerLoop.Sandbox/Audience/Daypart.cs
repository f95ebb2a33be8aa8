namespace FollowerLoop.Sandbox.Audience;

/// <summary>A quarter of the audience's local day, for the topic × daypart effect.</summary>
public enum Daypart
{
    /// <summary>0:00 to 5:59.</summary>
    Night,

    /// <summary>6:00 to 11:59.</summary>
    Morning,

    /// <summary>12:00 to 17:59.</summary>
    Afternoon,

    /// <summary>18:00 to 23:59.</summary>
    Evening,
}
