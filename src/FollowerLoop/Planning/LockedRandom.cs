namespace FollowerLoop.Planning;

/// <summary>
/// A seedable <see cref="Random"/> that jobs running at the same time can share: <see cref="Random"/> is not
/// thread-safe, and concurrent use silently corrupts it (it starts returning 0).
/// </summary>
public sealed class LockedRandom : Random
{
    private readonly Lock _lock = new();

    public LockedRandom(int? seed)
        : base(seed ?? Shared.Next())
    {
    }

    public override int Next()
    {
        lock (_lock)
        {
            return base.Next();
        }
    }

    public override int Next(int maxValue)
    {
        lock (_lock)
        {
            return base.Next(maxValue);
        }
    }

    public override int Next(int minValue, int maxValue)
    {
        lock (_lock)
        {
            return base.Next(minValue, maxValue);
        }
    }

    public override double NextDouble()
    {
        lock (_lock)
        {
            return base.NextDouble();
        }
    }

    public override long NextInt64()
    {
        lock (_lock)
        {
            return base.NextInt64();
        }
    }

    public override void NextBytes(byte[] buffer)
    {
        lock (_lock)
        {
            base.NextBytes(buffer);
        }
    }

    protected override double Sample()
    {
        lock (_lock)
        {
            return base.Sample();
        }
    }
}
