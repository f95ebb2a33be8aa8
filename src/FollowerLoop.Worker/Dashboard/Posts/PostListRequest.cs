using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>The posts page's query string: filters, sort and page. Unknown values are rejected with a message.</summary>
public sealed record PostListRequest
{
    public const int PageSize = 50;

    /// <summary>Five million posts, far beyond any account; past it the page's offset would overflow (a 500 before this bound).</summary>
    public const int MaxPage = 100_000;

    /// <summary>Text the post must contain (case-insensitive).</summary>
    public string? Q { get; init; }

    public string? Kind { get; init; }

    public string? Format { get; init; }

    public string? Topic { get; init; }

    /// <summary>One of <see cref="PhaseState"/>'s names in lower case, or "complete" (all six measured).</summary>
    public string? Status { get; init; }

    public string? Sort { get; init; }

    public string? Dir { get; init; }

    public int? Page { get; init; }

    public static IReadOnlyList<string> Statuses { get; } = ["complete", "pending", "overdue", "failed"];

    public string SortKey => string.IsNullOrEmpty(Sort) ? PostSort.Default : Sort;

    public bool Ascending => string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

    public int PageNumber => Page ?? 1;

    /// <summary>Why the request cannot be served, or null when it can.</summary>
    public string? Validate()
    {
        if (!string.IsNullOrEmpty(Status) && !Statuses.Contains(Status))
        {
            return $"status must be one of: {string.Join(", ", Statuses)}.";
        }

        if (!PostSort.IsKnown(SortKey))
        {
            return $"sort must be one of: {string.Join(", ", PostSort.Keys)}.";
        }

        if (!string.IsNullOrEmpty(Dir) && Dir is not ("asc" or "desc"))
        {
            return "dir must be asc or desc.";
        }

        return PageNumber is < 1 or > MaxPage ? $"page must be from 1 to {MaxPage}." : null;
    }

    /// <summary>This request's query string with some values replaced (null removes one), for links that keep the filters.</summary>
    public string With(string? sort = null, string? dir = null, int? page = null)
    {
        var values = new (string Key, string? Value)[]
        {
            ("q", Q), ("kind", Kind), ("format", Format), ("topic", Topic), ("status", Status),
            ("sort", sort ?? Sort), ("dir", dir ?? Dir), ("page", (page ?? Page)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var query = string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? "/dashboard/posts" : $"/dashboard/posts?{query}";
    }
}
