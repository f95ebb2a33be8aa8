using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Content;

/// <summary>
/// Section <c>Llm</c>: an OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI's v1 endpoint, a local
/// server). Without an endpoint the offline template generator writes everything.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string SectionName = "Llm";

    /// <summary>The API's base address, e.g. <c>https://api.openai.com/v1</c>; requests go to <c>{Endpoint}/chat/completions</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as the bearer token; a secret, never logged. Local servers may need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>After this the request is abandoned and the templates write the content instead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Llm:Timeout must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => Endpoint is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is null)
        {
            yield break;
        }

        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Llm:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Llm:Model is required when Llm:Endpoint is set.", [nameof(Model)]);
        }
    }
}
