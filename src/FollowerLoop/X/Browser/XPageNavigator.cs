using FollowerLoop.X.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>Opens X pages and turns what X answers (login page, 429, 5xx, 404) into the client's failures.</summary>
internal sealed class XPageNavigator(XClientOptions options, XSession session, TimeProvider time, ILogger logger)
{
    public async Task OpenAsync(IPage page, string pathAndQuery, string operation)
    {
        BrowserMetrics.PageLoads.Add(1, BrowserMetrics.Site(options.BaseUrl), new("operation", operation));
        var response = await page.GotoAsync(new Uri(options.BaseUrl, pathAndQuery).ToString(), new PageGotoOptions
        {
            WaitUntil = WaitUntilState.DOMContentLoaded,
        });
        ThrowIfRefused(page.Url, response, operation, pathAndQuery);
    }

    /// <summary>Checks an answer to a page load: what <see cref="ThrowIfUnavailable"/> checks, and missing or refused pages.</summary>
    public void ThrowIfRefused(string url, IResponse? response, string operation, string what)
    {
        ThrowIfUnavailable(url, response, operation);
        switch (response?.Status)
        {
            case 404:
                throw XClientErrors.NotFound(operation, what);
            case >= 400:
                throw XClientErrors.Refused(operation, response.Status);
        }
    }

    /// <summary>Not logged in (login page, 401), challenged, locked, rate-limited (429) or failing (5xx): the answers that say nothing about the request itself.</summary>
    public void ThrowIfUnavailable(string url, IResponse? response, string operation)
    {
        if (XSession.IsLoginPage(url) || RedirectedThroughLogin(response) || response?.Status == 401)
        {
            Log.SessionExpired(logger, session.StorageStatePath);
            throw XClientErrors.SessionExpired(session.StorageStatePath);
        }

        switch (PageErrors.KindOfPath(url))
        {
            case XErrorKind.LoginChallenge:
                throw XClientErrors.LoginChallenge(operation);
            case XErrorKind.Locked:
                throw XClientErrors.Locked(operation);
        }

        switch (response?.Status)
        {
            case 429:
                throw XClientErrors.RateLimited(operation, RetryAfterHeader.Read(response.Headers, time.GetUtcNow()));
            case >= 500:
                throw XClientErrors.ServerError(operation, response.Status);
        }
    }

    /// <summary>A login wall may bounce through the login flow and back; any step of the redirect chain counts.</summary>
    private static bool RedirectedThroughLogin(IResponse? response)
    {
        for (var request = response?.Request.RedirectedFrom; request is not null; request = request.RedirectedFrom)
        {
            if (XSession.IsLoginPage(request.Url))
            {
                return true;
            }
        }

        return false;
    }
}
