using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Benchmarks;

/// <summary>One answer from the portal as the benchmark sees it: status, time on the client, storage requests it cost.</summary>
public readonly record struct PortalResponse(int Status, double Milliseconds, int StorageRequests, int StorageWrites, string Body, string? ETag)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A browser-like signed-in client: its own connection and cookie jar, the session's CSRF token on every
/// state-changing request. Times each call from sending the request to having read the whole body.
/// </summary>
public sealed class PortalSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();

    private PortalSession(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = _cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };
    }

    public string Username { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string SessionId { get; private set; } = "";
    public string? CounterpartyId { get; private set; }
    public string? CsrfToken { get; private set; }

    public static async Task<PortalSession> SignInAsync(Uri baseAddress, string username, string password)
    {
        var session = new PortalSession(baseAddress);
        try
        {
            var response = await session.SendAsync(HttpMethod.Post, "/api/auth/sign-in", new { username, password });
            if (!response.IsSuccess)
            {
                throw new InvalidOperationException($"Sign-in as {username} failed: {response.Status} {response.Body}");
            }
            var me = response.Json();
            session.CsrfToken = me.GetProperty("csrfToken").GetString();
            session.Username = username;
            // The cookie is "v1.{userId}.{sessionId}.{signature}": the raw floor reads the same session row.
            var cookie = session._cookies.GetCookies(baseAddress).FirstOrDefault(c => c.Name.EndsWith("portal-session", StringComparison.Ordinal))
                         ?? throw new InvalidOperationException("Sign-in set no session cookie.");
            var parts = cookie.Value.Split('.');
            session.UserId = parts[1];
            session.SessionId = parts[2];
            session.CounterpartyId = me.TryGetProperty("counterparty", out var cp) && cp.ValueKind == JsonValueKind.Object && cp.TryGetProperty("id", out var id)
                ? id.GetString()
                : null;
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public Task<PortalResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<PortalResponse> SendAsync(HttpMethod method, string path, object? body, string? ifMatch = null, string? idempotencyKey = null) =>
        SendRawAsync(method, path, body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web), "application/json", ifMatch, idempotencyKey);

    public async Task<PortalResponse> SendRawAsync(HttpMethod method, string path, string? body, string contentType, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        if (CsrfToken is not null && method != HttpMethod.Get)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new PortalResponse((int)response.StatusCode, elapsed, Header(response, "X-Storage-Requests"), Header(response, "X-Storage-Writes"), text,
            response.Headers.ETag?.ToString());
    }

    private static int Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public void Dispose() => _http.Dispose();
}
