using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Portal.Integration.Tests;

/// <summary>A browser-like client: keeps the session cookie and sends the CSRF token the portal gave it.</summary>
public sealed class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }
    public string? CsrfToken { get; set; }
    public HttpClient Http => _http;

    public async Task<HttpResponseMessage> SignInAsync(string username, string password, bool ensureSuccess = true)
    {
        var response = await PostJsonAsync("/api/auth/sign-in", new { username, password });
        if (ensureSuccess)
        {
            Assert.True(response.IsSuccessStatusCode, $"Sign-in as {username} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            CsrfToken = (await response.ReadJsonAsync()).GetProperty("csrfToken").GetString();
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? ifMatch = null) => SendJsonAsync(HttpMethod.Post, path, body, ifMatch);

    public Task<HttpResponseMessage> PutJsonAsync(string path, object body, string? ifMatch = null) => SendJsonAsync(HttpMethod.Put, path, body, ifMatch);

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, object body, string? ifMatch = null) =>
        SendRawAsync(method, path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), "application/json", ifMatch);

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? body, string? contentType, string? ifMatch = null, Action<HttpRequestMessage>? adjust = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }
        if (CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        adjust?.Invoke(request);
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}

public static class HttpResponseExtensions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>Asserts an RFC 9457 problem with the given status and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.StartsWith("https://", body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        return body;
    }

    public static int StorageWrites(this HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Storage-Writes").Single());

    public static int StorageRequests(this HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Storage-Requests").Single());
}
