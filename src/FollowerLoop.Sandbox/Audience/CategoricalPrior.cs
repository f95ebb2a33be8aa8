namespace FollowerLoop.Sandbox.Audience;

/// <summary>One weight per category, each drawn from a normal with the category's mean (0 when not listed) and a shared Sd.</summary>
public sealed record CategoricalPrior
{
    public required double Sd { get; init; }

    public IReadOnlyDictionary<string, double> Mean { get; init; } = new Dictionary<string, double>();
}
