using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>What <c>followerloop x auth</c> needs: the app's client id, the addresses of the flow, and where to keep the token (which need not exist yet).</summary>
internal sealed class XApiAuthorizationOptionsValidator : IValidateOptions<XApiOptions>
{
    public ValidateOptionsResult Validate(string? name, XApiOptions options)
    {
        var failures = new List<string>();
        XApiOptionsValidator.ValidateAddress("XApi:BaseUrl", options.BaseUrl, "https://api.x.com", failures);
        XApiOptionsValidator.ValidateAddress("XApi:OAuth2:AuthorizeUrl", options.OAuth2.AuthorizeUrl, "https://x.com/i/oauth2/authorize", failures);
        XApiOptionsValidator.ValidateAddress("XApi:OAuth2:RedirectUri", options.OAuth2.RedirectUri, "http://127.0.0.1:8723/callback, as registered for the app", failures);
        XApiOptionsValidator.ValidateOAuth2Client(options.OAuth2, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
