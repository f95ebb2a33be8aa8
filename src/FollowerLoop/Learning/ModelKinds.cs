namespace FollowerLoop.Learning;

/// <summary>The values of <c>ml_models.kind</c>.</summary>
public static class ModelKinds
{
    /// <summary>Predicts a candidate's attributed followers before it is posted (what Plan scores with).</summary>
    public const string Gain = "gain";

    /// <summary>Predicts a post's 48-hour gain from its 2-hour checkpoint.</summary>
    public const string EarlyVelocity = "early_velocity";
}
