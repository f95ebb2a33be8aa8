using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Browser;

/// <summary>The browser must be on disk: a missing one would otherwise fail only at the first X operation.</summary>
internal sealed class BrowserOptionsValidator : IValidateOptions<BrowserOptions>
{
    public ValidateOptionsResult Validate(string? name, BrowserOptions options) =>
        string.IsNullOrWhiteSpace(options.ExecutablePath) || File.Exists(options.ExecutablePath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Browser:ExecutablePath '{options.ExecutablePath}' does not exist: install Chromium (apt-get install chromium) or point it at a Chromium binary.");
}
