using System.Text.Json;

namespace FollowerLoop.X.Api;

/// <summary>
/// A file that holds a login (a token pair, a pending authorization): written to a temporary file
/// created with mode 0600, then moved over the old one, so a reader never sees half a file and
/// nobody else can read it even for a moment.
/// </summary>
internal static class PrivateFile
{
    public static async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(temporary, fileOptions))
        {
            await JsonSerializer.SerializeAsync(file, value, cancellationToken: cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file's content, or default when it is absent or not the expected JSON.</summary>
    public static async Task<T?> ReadJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(file, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
