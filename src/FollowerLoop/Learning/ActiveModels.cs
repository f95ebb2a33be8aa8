using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>
/// The active model per kind, as Plan, Strategy and Learn use it. ml_models is read every time (another
/// process may have activated a newer version); the bytes are deserialised only when the active id changes.
/// </summary>
public sealed class ActiveModels(ModelStore models)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Account, string Kind), (long Id, PoissonEnsemble Ensemble)> _loaded = [];

    /// <summary>The active model of <paramref name="kind"/> if it reads the <paramref name="schema"/> feature layout; else null.</summary>
    public async Task<ActiveModel?> GetAsync(string account, string kind, string schema, CancellationToken cancellationToken)
    {
        var stored = await models.GetActiveAsync(account, kind, cancellationToken);
        if (stored is null || ModelMetrics.ForSchema(stored.Metrics, schema) is not { } metrics)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_loaded.TryGetValue((account, kind), out var loaded) || loaded.Id != stored.Id)
            {
                loaded = (stored.Id, PoissonEnsemble.FromBytes(stored.Model));
                _loaded[(account, kind)] = loaded;
            }

            return new ActiveModel(stored, metrics, loaded.Ensemble);
        }
    }
}
