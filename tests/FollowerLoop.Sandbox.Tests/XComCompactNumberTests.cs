using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Tests;

public sealed class XComCompactNumberTests
{
    // Pairs seen in the saved x.com pages (tests/fixtures/x-dom).
    [Theory]
    [InlineData(0, "0")]
    [InlineData(499, "499")]
    [InlineData(2455, "2.4K")]
    [InlineData(4027, "4K")]
    [InlineData(7186, "7.1K")]
    [InlineData(25616, "25K")]
    [InlineData(30234, "30K")]
    [InlineData(116524, "116.5K")]
    [InlineData(2596467, "2.5M")]
    [InlineData(9281975, "9.2M")]
    [InlineData(1_000, "1K")]
    public void ActionBar_TruncatesLikeXcom(long value, string expected) => Assert.Equal(expected, XComCompactNumber.ActionBar(value));

    [Theory]
    [InlineData(1, "1")]
    [InlineData(1017, "1,017")]
    [InlineData(9999, "9,999")]
    [InlineData(12345, "12.3K")]
    [InlineData(12000, "12K")]
    [InlineData(393_299, "393.2K")]
    [InlineData(1_234_567, "1.2M")]
    public void Profile_ShowsExactBelowTenThousandThenOneDecimal(long value, string expected) => Assert.Equal(expected, XComCompactNumber.Profile(value));

    [Theory]
    [InlineData(999, "999")]
    [InlineData(1017, "1.017")]
    [InlineData(12_345, "12.345")]
    [InlineData(999_999, "999.999")]
    [InlineData(1_234_567, "1,2 Mio.")]
    [InlineData(2_000_000, "2 Mio.")]
    [InlineData(3_456_000_000, "3,4 Mrd.")]
    public void GermanProfile_IsExactBelowAMillionThenMioAndMrd(long value, string expected) => Assert.Equal(expected, XComCompactNumber.GermanProfile(value));
}
