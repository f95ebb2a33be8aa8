using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Sandbox;

/// <summary>Rejects settings the sandbox cannot run with; each message names the setting.</summary>
public sealed partial class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    /// <summary>Throws <see cref="OptionsValidationException"/> listing every bad setting.</summary>
    public static void ThrowIfInvalid(SandboxOptions options)
    {
        var result = new SandboxOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(SandboxOptions), typeof(SandboxOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateUrls(options.Urls, errors);
        if (!HandlePattern().IsMatch(options.Handle ?? string.Empty))
        {
            errors.Add($"{nameof(SandboxOptions.Handle)} '{options.Handle}' must be 1-15 letters, digits or underscores (x.com's rule).");
        }

        RequireText(options.DisplayName, nameof(SandboxOptions.DisplayName), errors);
        RequireText(options.Password, nameof(SandboxOptions.Password), errors);
        RequireText(options.ChallengeCode, nameof(SandboxOptions.ChallengeCode), errors);
        RequireText(options.AdminToken, nameof(SandboxOptions.AdminToken), errors);
        RequireText(options.ApiToken, nameof(SandboxOptions.ApiToken), errors);
        if (options.AudienceFile is { } file && !File.Exists(file))
        {
            errors.Add($"{nameof(SandboxOptions.AudienceFile)} '{file}' does not exist.");
        }

        if (!double.IsFinite(options.Factor) || options.Factor < 1)
        {
            errors.Add($"{nameof(SandboxOptions.Factor)} must be a number of at least 1 (simulated seconds per real second); got {options.Factor}.");
        }

        if (!Enum.IsDefined(options.Clock))
        {
            errors.Add($"{nameof(SandboxOptions.Clock)} must be one of {string.Join(", ", Enum.GetNames<SandboxClockMode>())}.");
        }

        if (!Enum.IsDefined(options.DefaultFault))
        {
            errors.Add($"{nameof(SandboxOptions.DefaultFault)} must be one of {string.Join(", ", Enum.GetNames<SandboxFaultMode>())}.");
        }

        RequireMilliseconds(options.SlowMs, nameof(SandboxOptions.SlowMs), errors);
        RequireMilliseconds(options.ApiLatencyMs, nameof(SandboxOptions.ApiLatencyMs), errors);

        RequirePositive(options.RateLimitRetryAfter, nameof(SandboxOptions.RateLimitRetryAfter), errors);
        RequirePositive(options.SessionLifetime, nameof(SandboxOptions.SessionLifetime), errors);
        if (options.DuplicateWindow < TimeSpan.Zero)
        {
            errors.Add($"{nameof(SandboxOptions.DuplicateWindow)} must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateUrls(string? urls, List<string> errors)
    {
        var parts = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            errors.Add($"{nameof(SandboxOptions.Urls)} is empty; use e.g. http://127.0.0.1:5199.");
            return;
        }

        foreach (var part in parts)
        {
            // The sandbox holds a password and ground truth: it must never listen beyond this machine.
            var loopback = Uri.TryCreate(part, UriKind.Absolute, out var uri)
                && uri.Scheme == Uri.UriSchemeHttp
                && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
            if (!loopback)
            {
                errors.Add($"{nameof(SandboxOptions.Urls)} entry '{part}' must be an http URL on a loopback address such as http://127.0.0.1:5199.");
            }
        }
    }

    private static void RequireText(string? value, string setting, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{setting} must not be empty.");
        }
    }

    // A real-time delay: up to ten minutes.
    private static void RequireMilliseconds(int value, string setting, List<string> errors)
    {
        if (value is < 0 or > 600_000)
        {
            errors.Add($"{setting} must be between 0 and 600000 milliseconds; got {value}.");
        }
    }

    private static void RequirePositive(TimeSpan value, string setting, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{setting} must be longer than zero.");
        }
    }

    // x.com's rule: 1-15 characters.
    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex HandlePattern();
}
