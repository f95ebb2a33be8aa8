namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>The arrivals in the range whose quality falls in one band.</summary>
public sealed record BandCount(QualityBand Band, int Arrivals);
