using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Shared.Http;

/// <summary>A request body that can check itself. Errors are keyed by the camelCase JSON field name.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}

public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>
    /// A text the caller must give: not blank, at most <paramref name="maxLength"/> characters, and no control characters
    /// (NUL, ESC, BEL… are never text); tab always, line breaks only in a <paramref name="multiline"/> field.
    /// </summary>
    public void Required(string field, string? value, int maxLength = 200, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Enter a value.");
        }
        else
        {
            Text(field, value, maxLength, multiline);
        }
    }

    /// <summary>A text the caller may leave out; when given, the same rules as <see cref="Required"/>.</summary>
    public void Optional(string field, string? value, int maxLength = 200, bool multiline = false)
    {
        if (value is not null)
        {
            Text(field, value, maxLength, multiline);
        }
    }

    private void Text(string field, string value, int maxLength, bool multiline)
    {
        if (value.Length > maxLength)
        {
            Add(field, $"Use at most {maxLength} characters.");
        }
        else if (value.Any(c => char.IsControl(c) && c != '\t' && !(multiline && c is '\n' or '\r')))
        {
            Add(field, multiline ? "Remove control characters; text, tabs and line breaks are fine." : "Use one line of text without control characters.");
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw Problems.Validation(ToDictionary());
        }
    }
}

public static class RequestBody
{
    /// <summary>Bodies larger than this are refused before they are parsed.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>
    /// Reads a JSON body strictly: JSON content type, bounded size, known fields only, right types, required
    /// fields present, then the body's own <see cref="IValidatable.Validate"/>. Any failure is a 4xx problem.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.UnsupportedMediaType();
        }
        if (request.ContentLength > maxBytes)
        {
            throw Problems.BodyTooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw Problems.BodyTooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw Problems.MalformedBody("The request body is empty; send a JSON object.");
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), PortalJson.Options);
        }
        catch (JsonException ex)
        {
            throw FromJsonException(ex);
        }
        if (value is null)
        {
            throw Problems.MalformedBody("The request body must be a JSON object, not null.");
        }
        if (value is IValidatable validatable)
        {
            var errors = new ValidationErrors();
            validatable.Validate(errors);
            errors.ThrowIfAny();
        }
        return value;
    }

    /// <summary>An action that takes no body: anything sent is refused (415 with a content type, 400 otherwise) before any work.</summary>
    public static void RequireNoBody(this HttpRequest request)
    {
        if (request.ContentType is not null)
        {
            throw Problems.UnsupportedMediaType();
        }
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            throw Problems.MalformedBody("This action takes no request body.");
        }
    }

    /// <summary>
    /// A JSON body that may be left out (an action with optional details): null when the request has no body at all,
    /// otherwise read as strictly as <see cref="ReadJsonAsync{T}"/>.
    /// </summary>
    public static async Task<T?> ReadOptionalJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        var chunked = request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);
        if (request.ContentLength is null or 0 && request.ContentType is null && !chunked)
        {
            return null;
        }
        return await request.ReadJsonAsync<T>(cancellationToken, maxBytes);
    }

    /// <summary>
    /// What is wrong with a JSON value, in the caller's terms (field names, never .NET type names): for a line of an
    /// NDJSON import, where the line number is the context.
    /// </summary>
    public static string Explain(JsonException ex)
    {
        var problem = FromJsonException(ex);
        return problem.Errors is { Count: > 0 } errors
            ? string.Join(" ", errors.Select(e => $"{(e.Key == "$" ? "" : e.Key + ": ")}{string.Join(" ", e.Value)}"))
            : problem.Detail ?? problem.Title;
    }

    private static PortalProblemException FromJsonException(JsonException ex)
    {
        var field = JsonPathToField(ex.Path);
        var message = ex.Message;
        if (message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            // "... missing required properties including: 'a', 'b'." → one error per missing field.
            var start = message.IndexOf(':', message.IndexOf("including", StringComparison.OrdinalIgnoreCase));
            var names = start < 0 ? [] : message[(start + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '.', ' ')).Where(n => n.Length > 0).ToArray();
            if (names.Length > 0)
            {
                return Problems.Validation(names.ToDictionary(n => n, _ => new[] { "This field is required." }));
            }
        }
        if (message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Validation(field ?? "$", "This field is not part of the request; remove it.");
        }
        if (field is null || ex.LineNumber is null && ex.Path is null)
        {
            return Problems.MalformedBody("The body is not valid JSON.");
        }
        // The path points at the field whose value has the wrong type or is not valid JSON there.
        return message.Contains("invalid start of a value", StringComparison.OrdinalIgnoreCase) ||
               message.Contains("expected end", StringComparison.OrdinalIgnoreCase) ||
               message.Contains("is invalid after", StringComparison.OrdinalIgnoreCase)
            ? Problems.MalformedBody($"The body is not valid JSON near '{field}'.")
            : Problems.Validation(field, "This value has the wrong type or format.");
    }

    /// <summary>"$.lines[2].quantity" → "lines[2].quantity"; "$" → null.</summary>
    private static string? JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
