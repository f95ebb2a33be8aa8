namespace FollowerLoop.Sandbox.World;

/// <summary>Thrown by <see cref="SandboxWorld.Publish"/> for a text x.com would refuse.</summary>
public sealed class PostRejectedException : Exception
{
    public PostRejectedException()
        : this(PostRejection.Empty)
    {
    }

    public PostRejectedException(string message)
        : this(new PostRejection(0, message))
    {
    }

    public PostRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rejection = new PostRejection(0, message);
    }

    public PostRejectedException(PostRejection rejection)
        : base($"{rejection?.Message} ({rejection?.Code})")
    {
        Rejection = rejection ?? PostRejection.Empty;
    }

    public PostRejection Rejection { get; }
}
