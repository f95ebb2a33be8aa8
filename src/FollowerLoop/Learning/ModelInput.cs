namespace FollowerLoop.Learning;

/// <summary>The row ML.NET reads: a fixed-length feature vector (its length is set per model) and the label.</summary>
internal sealed class ModelInput
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}
