namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>A row of the page query: the post, and how many posts the filters matched in all.</summary>
public sealed record PostPageRow(string PostId, DateTimeOffset PostedAt, string Kind, string Text, string? Format, string? Topic, int Total)
{
    public PostRow Post => new(PostId, PostedAt, Kind, Text, Format, Topic);
}
