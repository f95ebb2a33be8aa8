using FollowerLoop.Learning;

namespace FollowerLoop.Planning;

/// <summary>What a Plan round's predictions use, read once per round (<see cref="CandidatePicker.LoadAsync"/>).</summary>
/// <param name="Model">The active gain model, or null before one is.</param>
/// <param name="Followers">The latest follower count, which turns a prediction per 10,000 followers into followers.</param>
public sealed record GainScoring(ActiveModel? Model, long? Followers)
{
    public string Describe() => Model is null ? "none (random picks)" : $"gain v{Model.Stored.Version}";
}
