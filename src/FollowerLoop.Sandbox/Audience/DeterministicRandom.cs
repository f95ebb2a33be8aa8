using System.Text;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// A small SplitMix64 generator whose stream is fixed by (seed, purpose, keys) rather than by call order, so a
/// post's outcome depends only on the seed and the post's identity, never on what was asked before.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(int seed, string purpose, long key1 = 0, long key2 = 0)
    {
        _state = Mix((ulong)(uint)seed ^ Hash(purpose));
        _state = Mix(_state ^ (ulong)key1);
        _state = Mix(_state ^ (ulong)key2 ^ 0x9E3779B97F4A7C15UL);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int NextInt(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    public double NextNormal(double mean, double sd)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>A Poisson count: exact (Knuth) for small means, the rounded normal approximation above 30.</summary>
    public long NextPoisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (long)Math.Round(NextNormal(mean, Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var product = NextDouble();
        long count = 0;
        while (product > limit)
        {
            product *= NextDouble();
            count++;
        }

        return count;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // FNV-1a: string.GetHashCode is randomised per process and would break repeatability.
    private static ulong Hash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }
}
