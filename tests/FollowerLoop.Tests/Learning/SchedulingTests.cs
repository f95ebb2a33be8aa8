using FollowerLoop.Learning;
using FollowerLoop.Planning;

namespace FollowerLoop.Tests.Learning;

public sealed class SchedulingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 5, 20, 0, TimeSpan.Zero);

    [Fact]
    public void BestHours_TakesTheHighestHours_KeepingTheGapAcrossMidnight()
    {
        var score = Enumerable.Range(0, 24).Select(h => Math.Cos(2 * Math.PI * (h - 23) / 24)).ToList();

        var hours = BestHours.Choose(score, 4, 2);

        Assert.Equal([0, 2, 20, 22], hours);
    }

    [Fact]
    public void BestHours_FillsTheDay_WhenCountTimesGapIs24()
    {
        var hours = BestHours.Choose([.. Enumerable.Range(0, 24).Select(h => h == 5 ? 10.0 : 0)], 8, 3);

        Assert.Equal([2, 5, 8, 11, 14, 17, 20, 23], hours);
    }

    [Fact]
    public void BestHours_RefusesWhatCannotFit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BestHours.Choose(new double[24], 13, 2));
    }

    [Fact]
    public void FreeSlots_AreTheStrategysHoursInTheHorizon_AwayFromTakenTimes()
    {
        var taken = new[] { new DateTimeOffset(2026, 3, 2, 7, 10, 0, TimeSpan.Zero) };

        var free = PlanSlots.Free(Start, TimeSpan.FromHours(6), [6, 7, 8, 9, 11, 20], taken, TimeSpan.FromMinutes(80), TimeZoneInfo.Utc);

        // 06:00 is 70 min from a taken 07:10; 07:00 and 08:00 are too close too; 09:00 is free; 10:00 is no chosen hour;
        // 11:00 is free (and 2 h from 09:00); 20:00 is beyond the horizon.
        Assert.Equal([Start.Date.AddHours(9), Start.Date.AddHours(11)], free.Select(f => f.UtcDateTime));
    }

    [Fact]
    public void FreeSlots_KeepTheSpacingBetweenNewSlotsToo()
    {
        var free = PlanSlots.Free(Start, TimeSpan.FromHours(6), [.. Enumerable.Range(0, 24)], [], TimeSpan.FromMinutes(80), TimeZoneInfo.Utc);

        Assert.Equal([6, 8, 10], free.Select(f => f.Hour));
    }

    [Fact]
    public void FreeSlots_AreOnTheAccountsLocalHours()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        var free = PlanSlots.Free(Start, TimeSpan.FromHours(6), [9, 11, 14], [], TimeSpan.FromMinutes(80), kolkata);

        // 05:20 UTC is 10:50 in Kolkata (5:30 ahead): 09:00 has passed; 11:00 and 14:00 are 05:30 and 08:30 UTC.
        Assert.Equal([Start.Date.AddHours(5.5), Start.Date.AddHours(8.5)], free.Select(f => f.UtcDateTime));
    }

    [Fact]
    public void Evenly_SpreadsTheDaysPosts()
    {
        Assert.Equal([1, 4, 7, 10, 13, 16, 19, 22], PlanSlots.Evenly(8));
        Assert.Equal([6, 18], PlanSlots.Evenly(2));
    }
}
