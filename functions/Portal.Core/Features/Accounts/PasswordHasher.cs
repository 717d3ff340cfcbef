using System.Security.Cryptography;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// PBKDF2-HMAC-SHA256 at OWASP's current work factor (600,000 iterations), 128-bit salt, 256-bit hash.
/// The stored form names the algorithm and iteration count so stronger parameters can be introduced later
/// and old hashes upgraded on the next successful sign-in.
/// </summary>
public static class PasswordHasher
{
    public const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>A valid hash of a random password: verifying against it costs the same as a real check.</summary>
    public static readonly string DummyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? DummyHash).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1)
        {
            // Still spend the time, so a broken row does not answer faster than a real one.
            Verify(password, DummyHash);
            return false;
        }
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }
}
