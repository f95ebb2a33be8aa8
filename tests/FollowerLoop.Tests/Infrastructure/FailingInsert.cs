using Npgsql;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// A Postgres trigger that makes inserts into one table fail when a condition on the new row holds: a crash or
/// a refusal between two writes, at the exact statement, on the real database. Dropped when disposed.
/// </summary>
internal sealed class FailingInsert : IAsyncDisposable
{
    private readonly PostgresDatabase _db;
    private readonly string _name = $"fail_{Guid.NewGuid():N}";
    private readonly string _table;

    private FailingInsert(PostgresDatabase db, string table)
    {
        _db = db;
        _table = table;
    }

    /// <param name="condition">SQL over <c>new</c>, e.g. <c>new.post_id = '123'</c>.</param>
    public static async Task<FailingInsert> CreateAsync(PostgresDatabase db, string table, string condition)
    {
        var failing = new FailingInsert(db, table);
        await failing.ExecuteAsync(
            $"""
            create function {failing._name}() returns trigger language plpgsql as $$
            begin
                if {condition} then raise exception 'injected failure on {table}'; end if;
                return new;
            end $$;
            create trigger {failing._name} before insert on {table} for each row execute function {failing._name}();
            """);
        return failing;
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteAsync($"drop trigger {_name} on {_table}; drop function {_name}();");

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
