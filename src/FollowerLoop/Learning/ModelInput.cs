namespace FollowerLoop.Learning;

/// <summary>The row ML.NET reads: a fixed-length feature vector (its length is set per model), the label and the row's weight in training.</summary>
internal sealed class ModelInput
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    public float Weight { get; set; } = 1;
}
