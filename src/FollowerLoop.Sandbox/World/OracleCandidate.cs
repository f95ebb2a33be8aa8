using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.World;

/// <summary>One candidate as the oracle sees it; a refused text has a <see cref="Rejection"/> and is never chosen.</summary>
public sealed record OracleCandidate(string Text, TextFeatures Features, double ExpectedFollowerGain, PostRejection? Rejection);
