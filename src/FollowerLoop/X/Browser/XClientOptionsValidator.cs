using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Browser;

/// <summary>What data annotations cannot say: the address's scheme, credentials in pairs, the browser on disk.</summary>
internal sealed class XClientOptionsValidator : IValidateOptions<XClientOptions>
{
    public ValidateOptionsResult Validate(string? name, XClientOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"XClient:BaseUrl '{url}' must be an absolute http(s) address (https://x.com or the sandbox's).");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("XClient:Username and XClient:Password go together: set both or neither.");
        }

        if (!string.IsNullOrWhiteSpace(options.ExecutablePath) && !File.Exists(options.ExecutablePath))
        {
            failures.Add($"XClient:ExecutablePath '{options.ExecutablePath}' does not exist: install Chromium (apt-get install chromium) or point it at a Chromium binary.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
