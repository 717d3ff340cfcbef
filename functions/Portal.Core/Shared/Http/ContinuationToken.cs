using System.Text;

namespace Portal.Core.Shared.Http;

/// <summary>
/// Wraps the storage SDK's continuation tokens so clients get one opaque format, and a token they made up is a
/// clear 400 instead of a silently empty page.
/// </summary>
public static class ContinuationToken
{
    private const string Prefix = "c1.";

    public static string? Wrap(string? storageToken) =>
        storageToken is null ? null : Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(storageToken)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Unwrap(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        if (token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length < 2048)
        {
            var body = token[Prefix.Length..].Replace('-', '+').Replace('_', '/');
            body = body.PadRight(body.Length + (4 - body.Length % 4) % 4, '=');
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(body));
            }
            catch (FormatException)
            {
            }
        }
        throw Problems.Validation("continuation", "This continuation token is not valid; start again from the first page.");
    }
}
