using System.Text.Json.Nodes;

namespace FollowerLoop.X.Api;

/// <summary>
/// One API call. <see cref="Endpoint"/> (<c>GET /2/tweets</c>) keys the rate-limit window and names
/// the call in errors; <see cref="CreatesPost"/> marks a call that must never be sent twice blindly;
/// <see cref="ReadsOwnData"/> marks a read of the account's own posts, which X prices apart.
/// </summary>
internal sealed record XApiRequest(HttpMethod Method, string RelativeUrl, string Endpoint, JsonObject? Body = null, bool CreatesPost = false, bool ReadsOwnData = false);
