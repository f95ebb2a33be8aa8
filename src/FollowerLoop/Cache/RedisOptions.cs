using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Cache;

/// <summary>Section <c>Redis</c>: the fast layer. Postgres stays the truth; Redis down only slows things.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>host:6380,ssl=true,password=…</c>.</summary>
    [Required(ErrorMessage = "Redis:Configuration is required (a StackExchange.Redis configuration string such as 127.0.0.1:6379).")]
    public string Configuration { get; set; } = "";

    /// <summary>Every key starts with this prefix (then the account), so several deployments can share a server.</summary>
    [Required(ErrorMessage = "Redis:KeyPrefix is required.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "Redis:KeyPrefix must be 1-64 letters, digits, '_', '.' or '-'.")]
    public string KeyPrefix { get; set; } = "followerloop";

    /// <summary>How long one Redis call may take before the fast layer gives up and uses Postgres.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30", ErrorMessage = "Redis:OperationTimeout must be between 50 ms and 30 s.")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
