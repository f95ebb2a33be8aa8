using FollowerLoop.Worker.Dashboard.Followers;

namespace FollowerLoop.Tests.Dashboard.Followers;

/// <summary>The followers page's quality bands: every score 0–100 falls in exactly one.</summary>
public sealed class QualityBandTests
{
    [Theory]
    [InlineData(0, "bot")]
    [InlineData(39, "bot")]
    [InlineData(40, "mixed")]
    [InlineData(69, "mixed")]
    [InlineData(70, "solid")]
    [InlineData(100, "solid")]
    public void Of_CoversZeroToHundredWithoutGaps(int quality, string band) => Assert.Equal(band, QualityBand.Of(quality).Key);
}
