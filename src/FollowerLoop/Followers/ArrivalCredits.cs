namespace FollowerLoop.Followers;

/// <summary>
/// Arrivals credited to posts: those whose likes were weighed, each with shares of its own, and what each other arrival of
/// a window is credited, stored once for the window (<c>arrival_window_credit</c>).
/// </summary>
public sealed record ArrivalCredits(IReadOnlyList<ArrivalShare> Own, IReadOnlyList<WindowShare> Windows);
