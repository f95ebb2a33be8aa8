using FollowerLoop.X.Browser;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_Seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfterHeader.Read(new Dictionary<string, string> { ["retry-after"] = "60" }, Now));

    [Fact]
    public void Read_HttpDate_IsTheWaitFromNow() =>
        Assert.Equal(TimeSpan.FromMinutes(2), RetryAfterHeader.Read(new Dictionary<string, string> { ["retry-after"] = "Mon, 05 Jan 2026 12:02:00 GMT" }, Now));

    [Fact]
    public void Read_XRateLimitReset_IsTheWaitUntilThatSecond() =>
        Assert.Equal(
            TimeSpan.FromSeconds(90),
            RetryAfterHeader.Read(new Dictionary<string, string> { ["x-rate-limit-reset"] = Now.AddSeconds(90).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }, Now));

    [Fact]
    public void Read_ResetInThePast_IsNoWait() =>
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(new Dictionary<string, string> { ["x-rate-limit-reset"] = "1000" }, Now));

    [Theory]
    [InlineData("retry-after", "soon")]
    [InlineData("x-other", "60")]
    public void Read_NothingUsable_IsUnknown(string header, string value) =>
        Assert.Null(RetryAfterHeader.Read(new Dictionary<string, string> { [header] = value }, Now));
}
