using FollowerLoop.Content;
using FollowerLoop.Learning;

namespace FollowerLoop.Planning;

/// <summary>What a Plan round fills and works from (<see cref="PlanCalendar"/>).</summary>
/// <param name="Slots">The free slots to fill, earliest first.</param>
/// <param name="Mix">The formats the candidates are written in.</param>
/// <param name="History">The posts around now, posted or queued.</param>
/// <param name="Zone">The account's time zone: its hours are the model's.</param>
public sealed record PlanRound(IReadOnlyList<DateTimeOffset> Slots, FormatMix Mix, PostingHistory History, TimeZoneInfo Zone);
