namespace FollowerLoop.Storage;

/// <summary>One file of <c>supabase/migrations</c>: <c>{Version}_{Name}.sql</c>, as the Supabase CLI names them.</summary>
public sealed record Migration(string Version, string Name, string Sql)
{
    public static Migration FromFileName(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        if (separator != 14 || !stem[..separator].All(char.IsAsciiDigit))
        {
            throw new FormatException($"Migration '{fileName}' is not named YYYYMMDDHHMMSS_name.sql.");
        }

        return new Migration(stem[..separator], stem[(separator + 1)..], sql);
    }
}
