namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>A login whose password was right, waiting for the confirmation code (the <c>challenge</c> fault).</summary>
/// <param name="Target">Where to go once the code is right.</param>
internal sealed record PendingLogin(string Handle, string Target, DateTimeOffset ExpiresAt);
