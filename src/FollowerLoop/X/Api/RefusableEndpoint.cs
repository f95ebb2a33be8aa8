namespace FollowerLoop.X.Api;

/// <summary>
/// An endpoint X may refuse this app for good (a 403: an access level it lacks, or a scope its token lacks): after the
/// first refusal, which the caller logs, it is not asked again by this process.
/// </summary>
internal sealed class RefusableEndpoint
{
    private volatile bool _refused;

    public bool Available => !_refused;

    /// <returns>The answer, or null once X refused (now or before).</returns>
    public async Task<T?> AskAsync<T>(Func<Task<T>> ask, Action<string> refused)
        where T : class
    {
        if (_refused)
        {
            return null;
        }

        try
        {
            return await ask();
        }
        catch (XClientException ex) when (ex.Kind == XErrorKind.NotPermitted)
        {
            _refused = true;
            refused(ex.Message);
            return null;
        }
    }
}
