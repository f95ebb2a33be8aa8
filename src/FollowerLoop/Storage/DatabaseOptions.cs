using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Storage;

/// <summary>Section <c>Database</c>: the Supabase (PostgreSQL) database that is the source of truth.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=followerloop</c>.</summary>
    [Required(ErrorMessage = "Database:ConnectionString is required (an Npgsql connection string to the Supabase/PostgreSQL database).")]
    public string ConnectionString { get; set; } = "";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Database:CommandTimeout must be between 1 second and 10 minutes.")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
