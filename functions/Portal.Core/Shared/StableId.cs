using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Shared;

/// <summary>
/// An opaque id derived from the things that identify it (a checkout and a warehouse, a counterparty and a document
/// number), so that redoing the work — a retry, a redelivered message, a re-sent upsert — produces the same id.
/// </summary>
public static class StableId
{
    public static string From(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
}
