using System.Data;
using Dapper;

namespace FollowerLoop.Storage;

/// <summary>
/// Npgsql reads timestamptz as a UTC <see cref="DateTime"/> and writes only UTC offsets; this maps
/// both ways so records can use <see cref="DateTimeOffset"/> (what <see cref="TimeProvider"/> gives) at any offset.
/// Arrays bypass it (Dapper hands them to Npgsql whole): their callers convert to UTC themselves.
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
}
