using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.X.Api;

/// <summary>
/// Sends one API call and turns every answer other than a well-formed 2xx JSON object into an
/// <see cref="XClientException"/> that says whether trying later can help. Rate-limit windows are
/// honoured before sending; a 401 renews the token and sends once more (nothing was created, so even
/// a post may go again). Nothing else is ever re-sent, and a post whose fate is unknown is reported as such.
/// Every answered request is counted, with its cost, by <see cref="XApiUsageMeter"/>.
/// </summary>
internal sealed class XApiConnection(
    IHttpClientFactory http,
    IXApiAuthorization authorization,
    XApiRateLimits rateLimits,
    XApiUsageMeter usage,
    TimeProvider time,
    ILogger<XApiConnection> logger)
{
    public async Task<JsonObject> SendAsync(XApiRequest call, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceOrRenewedAsync(call, cancellationToken);
        }
        catch (XClientException ex) when (LogFailure(call.Endpoint, ex))
        {
            throw;
        }
    }

    private async Task<JsonObject> SendOnceOrRenewedAsync(XApiRequest call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await rateLimits.WaitForWindowAsync(call.Endpoint, cancellationToken);
            var client = http.CreateClient(XApiHttp.ClientName);
            using var request = new HttpRequestMessage(call.Method, new Uri(client.BaseAddress!, call.RelativeUrl));
            if (call.Body is not null)
            {
                request.Content = JsonContent.Create(call.Body);
            }

            await authorization.AuthorizeAsync(request, cancellationToken);
            using var response = await SendAsync(client, request, call, cancellationToken);
            rateLimits.Record(call.Endpoint, response.Headers);
            var body = await ReadBodyAsync(response, call, cancellationToken);
            var answer = response.IsSuccessStatusCode ? Parse(body, call) : null;
            await usage.RecordAsync(call, answer);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                Log.TokenRejected(logger, call.Endpoint);
                if (await authorization.RenewAsync(request, cancellationToken))
                {
                    continue;
                }
            }

            return answer ?? throw Failure(response, body, call);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, XApiRequest call, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (call.CreatesPost)
        {
            // Only a refused connection proves that X never saw the post.
            throw ex.HttpRequestError == HttpRequestError.ConnectionError
                ? XApiErrors.PostNotSent(ex)
                : XApiErrors.PostUncertain($"the connection failed before X answered ({ex.Message})");
        }
        catch (HttpRequestException ex)
        {
            throw XApiErrors.Unreachable(call.Endpoint, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw call.CreatesPost
                ? XApiErrors.PostUncertain($"no answer came within {client.Timeout.TotalSeconds:0} s")
                : XApiErrors.TimedOut(call.Endpoint, client.Timeout, ex);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, XApiRequest call, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw call.CreatesPost && response.IsSuccessStatusCode
                ? XApiErrors.PostUncertain($"its answer was cut off ({ex.Message})")
                : XApiErrors.Unreachable(call.Endpoint, ex);
        }
    }

    private static JsonObject Parse(string body, XApiRequest call)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw XApiErrors.Malformed(call.Endpoint, "the body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw call.CreatesPost
                ? XApiErrors.PostUncertain($"its answer is not JSON ({ex.Message})")
                : XApiErrors.Malformed(call.Endpoint, $"the body is not JSON ({ex.Message}).", ex);
        }
    }

    private XClientException Failure(HttpResponseMessage response, string body, XApiRequest call)
    {
        var status = (int)response.StatusCode;
        var problem = XApiProblem.Read(body);
        if (problem.IsUsageCap)
        {
            return XApiErrors.UsageCapped(call.Endpoint, problem);
        }

        if (problem.IsClientForbidden)
        {
            return XApiErrors.ClientForbidden(call.Endpoint, problem);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // A 429 creates nothing, a post included: it is a certain refusal that may be tried again later.
            var retryAfter = RetryAfterHeader.Read(Headers(response), time.GetUtcNow());
            rateLimits.RecordExhausted(call.Endpoint, retryAfter);
            var limited = XApiErrors.RateLimited(call.Endpoint, retryAfter);
            return call.CreatesPost ? new XPostRejectedException(limited.Message, isRetryable: true) { RetryAfter = retryAfter, Kind = XErrorKind.RateLimited } : limited;
        }

        return (status, call.CreatesPost) switch
        {
            (401, _) => XApiErrors.Unauthorized(call.Endpoint, problem),
            (>= 500, true) => XApiErrors.PostUncertain($"X answered HTTP {status}"),
            (>= 500, false) => XApiErrors.ServerError(call.Endpoint, status),
            (_, true) => XApiErrors.PostRejected(status, problem),
            (403, false) => XApiErrors.Forbidden(call.Endpoint, problem),
            (404, false) => XApiErrors.NotFound(call.Endpoint, problem),
            _ => XApiErrors.Refused(call.Endpoint, status, problem),
        };
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response) =>
        response.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.First(), StringComparer.Ordinal);

    private bool LogFailure(string endpoint, XClientException error)
    {
        Log.RequestFailed(logger, endpoint, error.IsRetryable, error.Message);
        return false;
    }
}
