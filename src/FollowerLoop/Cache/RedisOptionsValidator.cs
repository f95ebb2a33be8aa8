using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FollowerLoop.Cache;

/// <summary>Checks that the configuration string parses and names an endpoint, without connecting.</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Configuration);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Redis:Configuration names no endpoint (expected host:port).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Redis:Configuration is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }
    }
}
