using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Portal.Core.Shared.Files;

/// <summary>
/// Download links: a read-only SAS for exactly one blob, valid for <see cref="Lifetime"/>, that makes the browser save
/// the file under its document's name. In Azure (managed identity, no shared keys) it is a user-delegation SAS signed
/// with a delegation key that is fetched once and reused while it is valid; on the emulator, an account-key SAS.
/// </summary>
public sealed class DownloadLinks(BlobServiceClient blobs, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<Uri> ForAsync(string container, string blobName, string downloadName, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(container).GetBlobClient(blobName);
        var now = clock.GetUtcNow();
        var sas = new BlobSasBuilder
        {
            BlobContainerName = container,
            BlobName = blobName,
            Resource = "b",
            // A minute's grace for clocks that run a little behind ours.
            StartsOn = now.AddMinutes(-1),
            ExpiresOn = now.Add(Lifetime),
            ContentDisposition = $"attachment; filename=\"{SafeFileName(downloadName)}\"",
        };
        sas.SetPermissions(BlobSasPermissions.Read);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }
        var key = await DelegationKeyAsync(now, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
    }

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_key is { } cached && cached.SignedExpiresOn - now > TimeSpan.FromHours(1))
        {
            return cached;
        }
        await _keyLock.WaitAsync(cancellationToken);
        try
        {
            if (_key is { } fresh && fresh.SignedExpiresOn - now > TimeSpan.FromHours(1))
            {
                return fresh;
            }
            var response = await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.AddDays(1), cancellationToken);
            return _key = response.Value;
        }
        finally
        {
            _keyLock.Release();
        }
    }

    /// <summary>Only characters that are safe inside a quoted Content-Disposition filename.</summary>
    private static string SafeFileName(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
