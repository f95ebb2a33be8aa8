namespace FollowerLoop.Sandbox.World;

/// <summary>Why x.com would refuse a post, with its error code ("Tweet needs to be a bit shorter.", 186).</summary>
public sealed record PostRejection(int Code, string Message)
{
    public static PostRejection Empty { get; } = new(170, "Missing required parameter: status.");

    public static PostRejection TooLong { get; } = new(186, "Tweet needs to be a bit shorter.");

    public static PostRejection Duplicate { get; } = new(187, "Status is a duplicate.");

    public static PostRejection ParentNotFound { get; } = new(385, "You attempted to reply to a Tweet that is deleted or not visible to you.");
}
