namespace FollowerLoop.X.Usage;

/// <summary>How X bills a request's resources under pay-per-use (one price per post or user returned or created).</summary>
public enum XApiPriceCategory
{
    PostCreate,
    PostCreateWithUrl,

    /// <summary>The account's own posts, profile and followers.</summary>
    OwnDataRead,

    PostRead,
    UserRead,

    /// <summary>An endpoint FollowerLoop has no price for: counted, at $0, until one is set.</summary>
    Unpriced,
}
