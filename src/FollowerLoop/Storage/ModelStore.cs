using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>ml_models</c>: versioned models per account and kind, at most one active; inactive versions kept for <see cref="HistoryKept"/>.</summary>
public sealed class ModelStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// How long a version that is not active stays after a newer one of its kind is trained. Learn trains each kind once
    /// or twice a day (each version with its bytes, ~11 kB for the gain ensemble), so without a limit the table, and the
    /// Learning page that lists every version, grew by a few thousand rows a year; only the active model is loaded, and
    /// the newest one's metrics are read.
    /// </summary>
    public static readonly TimeSpan HistoryKept = TimeSpan.FromDays(30);

    private const string Columns =
        """
        id as Id, account as Account, kind as Kind, version as Version, model as Model, trainer as Trainer,
        training_rows as TrainingRows, metrics::text as Metrics, is_active as IsActive, trained_at as TrainedAt,
        activated_at as ActivatedAt
        """;

    /// <summary>
    /// Saves the model as the next version of its kind (inactive) and deletes the inactive versions of its kind trained
    /// more than <see cref="HistoryKept"/> before it; returns it with id and version.
    /// </summary>
    public async Task<StoredModel> SaveAsync(StoredModel model, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialise version numbering per (account, kind) without locking the table.
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(hashtext(@Account || '/' || @Kind))", model, transaction, cancellationToken: cancellationToken));
        var saved = await connection.QuerySingleAsync<StoredModel>(new CommandDefinition(
            $"""
            insert into ml_models (account, kind, version, model, trainer, training_rows, metrics, is_active, trained_at)
            values (@Account, @Kind,
                    coalesce((select max(version) from ml_models where account = @Account and kind = @Kind), 0) + 1,
                    @Model, @Trainer, @TrainingRows, @Metrics::jsonb, false, @TrainedAt)
            returning {Columns}
            """,
            model,
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from ml_models where account = @Account and kind = @Kind and not is_active and trained_at < @keepSince",
            new { model.Account, model.Kind, keepSince = model.TrainedAt - HistoryKept },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Makes the model the active one of its kind, deactivating the previous one atomically.</summary>
    public async Task ActivateAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update ml_models set is_active = false
            where is_active and (account, kind) = (select account, kind from ml_models where id = @id) and id <> @id
            """,
            new { id },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "update ml_models set is_active = true, activated_at = @at where id = @id",
            new { id, at },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredModel?> GetActiveAsync(string account, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredModel>(new CommandDefinition(
            $"select {Columns} from ml_models where account = @account and kind = @kind and is_active",
            new { account, kind },
            cancellationToken: cancellationToken));
    }

    /// <summary>The newest version of a kind, active or not.</summary>
    public async Task<StoredModel?> GetLatestAsync(string account, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredModel>(new CommandDefinition(
            $"select {Columns} from ml_models where account = @account and kind = @kind order by version desc limit 1",
            new { account, kind },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredModel>> ListAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredModel>(new CommandDefinition(
            $"select {Columns} from ml_models where account = @account order by kind, version",
            new { account },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
