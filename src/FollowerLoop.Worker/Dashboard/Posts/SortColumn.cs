namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>A sort's SQL: the expression to order by and the joins (to a single row per post) it needs.</summary>
public sealed record SortColumn(string Expression, string Joins = "");
