namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>Faults queued through the admin API, consumed by matching requests in arrival order.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_lock)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Takes one use of the first rule matching <paramref name="path"/>, if any.</summary>
    public SandboxFaultMode? TryTake(string path)
    {
        lock (_lock)
        {
            var index = _rules.FindIndex(rule => path.StartsWith(rule.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var rule = _rules[index];
            if (rule.Remaining <= 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = rule with { Remaining = rule.Remaining - 1 };
            }

            return rule.Mode;
        }
    }

    /// <summary>Whether a rule of <paramref name="mode"/> still has answers to give, under any path.</summary>
    public bool Holds(SandboxFaultMode mode)
    {
        lock (_lock)
        {
            return _rules.Exists(rule => rule.Mode == mode);
        }
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_lock)
        {
            return [.. _rules];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }
}
