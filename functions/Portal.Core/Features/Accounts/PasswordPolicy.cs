using System.Reflection;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// Password rules after OWASP ASVS 6.2: at least 8 characters, long ones (64 and more) allowed, no composition
/// rules, and no password from the list of common ones or equal to the username.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>The reason the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string password, string username)
    {
        // Length in characters as people count them (a password may contain emoji or other multi-unit text).
        var length = new System.Globalization.StringInfo(password).LengthInTextElements;
        if (length < MinLength)
        {
            return $"Use at least {MinLength} characters.";
        }
        if (length > MaxLength)
        {
            return $"Use at most {MaxLength} characters.";
        }
        if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            return "This password is too common; choose another (a short sentence works well).";
        }
        if (string.Equals(password.Trim(), username.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "Do not use your username as the password.";
        }
        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.Core.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }
        return set;
    }
}
