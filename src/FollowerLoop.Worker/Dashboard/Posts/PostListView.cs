namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>Everything the posts page shows: one page of the filtered, sorted posts and the filter choices.</summary>
public sealed record PostListView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required PostListRequest Request { get; init; }

    public required IReadOnlyList<PostListItem> Items { get; init; }

    public required int Total { get; init; }

    public required IReadOnlyList<string> Kinds { get; init; }

    public required IReadOnlyList<string> Formats { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }

    public int Pages => Math.Max(1, (Total + PostListRequest.PageSize - 1) / PostListRequest.PageSize);
}
