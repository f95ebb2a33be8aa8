namespace FollowerLoop.Bench.Learning;

/// <summary>The wall time a job took over a run, and how many times it ran.</summary>
internal readonly record struct JobTime(TimeSpan Elapsed, int Runs);
