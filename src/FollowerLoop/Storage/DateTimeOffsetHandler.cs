using System.Data;
using Dapper;

namespace FollowerLoop.Storage;

/// <summary>
/// Npgsql reads timestamptz as a UTC <see cref="DateTime"/> and writes only UTC offsets; this maps
/// both ways so records can use <see cref="DateTimeOffset"/> (what <see cref="TimeProvider"/> gives) at any offset,
/// alone or in the arrays the stores write with <c>unnest</c>.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.ITypeHandler
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            // Dapper consults its built-in type map before the handlers when writing a parameter, so a handler of a
            // type in that map is used for reading only (DapperLib/Dapper#206, #1780) unless the type leaves the map.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new DateTimeOffsetHandler());
            SqlMapper.AddTypeHandler(typeof(DateTimeOffset[]), new ArrayHandler());
            SqlMapper.AddTypeHandler(typeof(DateTimeOffset?[]), new ArrayHandler());
        }
    }

    /// <summary>The type the map gave, null included (an untyped null parameter is one Postgres cannot always place).</summary>
    public void SetValue(IDbDataParameter parameter, object value)
    {
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = value is DateTimeOffset at ? at.ToUniversalTime() : value;
    }

    public object? Parse(Type destinationType, object value) => value switch
    {
        DBNull => null,
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a timestamp."),
    };

    /// <summary>Arrays go to Npgsql whole (Dapper does not pass their elements through the handler above).</summary>
    private sealed class ArrayHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value) => parameter.Value = value switch
        {
            DateTimeOffset[] times => Array.ConvertAll(times, at => at.ToUniversalTime()),
            DateTimeOffset?[] times => Array.ConvertAll(times, at => at?.ToUniversalTime()),
            _ => value,
        };

        public object? Parse(Type destinationType, object value) => throw new DataException($"Cannot read {value.GetType().Name} as an array of timestamps: no store reads one.");
    }
}
