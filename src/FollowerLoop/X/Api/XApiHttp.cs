namespace FollowerLoop.X.Api;

/// <summary>The named <see cref="HttpClient"/> (from IHttpClientFactory) every X API call goes through: base address and timeout from <see cref="XApiOptions"/>.</summary>
internal static class XApiHttp
{
    public const string ClientName = "FollowerLoop.XApi";
}
