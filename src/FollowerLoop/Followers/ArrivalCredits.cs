namespace FollowerLoop.Followers;

/// <summary>
/// Arrivals credited to posts: the arrivals credited for certain, each shared alike among the posts whose likers named
/// them, and what each other arrival of a window is credited, stored once for the window
/// (<c>arrival_window_credit</c>).
/// </summary>
public sealed record ArrivalCredits(IReadOnlyList<ArrivalShare> Certain, IReadOnlyList<WindowShare> Windows);
