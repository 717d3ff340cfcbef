using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Portal.Core.Shared;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// The portal-wide settings row, read on every customer request, so it is cached for a short time.
/// A change made through this instance is seen by it at once; other instances see it within the cache time.
/// </summary>
public sealed class SettingsStore(TableServiceClient tables, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient(AccountsTables.Settings);
    private (SettingsEntity Value, DateTimeOffset FetchedAt)? _cached;

    public async Task<SettingsEntity> GetAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is { } c && clock.GetUtcNow() - c.FetchedAt < options.Value.SessionCacheDuration)
        {
            return c.Value;
        }
        var response = await _table.GetEntityIfExistsAsync<SettingsEntity>(SettingsEntity.Key, SettingsEntity.Key, cancellationToken: cancellationToken);
        var value = response.HasValue ? response.Value! : new SettingsEntity();
        _cached = (value, clock.GetUtcNow());
        return value;
    }

    /// <summary>Reads the row without the cache, with its ETag, for an edit.</summary>
    public async Task<SettingsEntity> GetFreshAsync(CancellationToken cancellationToken)
    {
        _cached = null;
        return await GetAsync(cancellationToken);
    }

    /// <summary>Saves the settings; <paramref name="ifMatch"/> guards against overwriting someone else's change.</summary>
    public async Task<SettingsEntity> SaveAsync(SettingsEntity settings, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = ifMatch == default
                ? await _table.UpsertEntityAsync(settings, TableUpdateMode.Replace, cancellationToken)
                : await _table.UpdateEntityAsync(settings, ifMatch, TableUpdateMode.Replace, cancellationToken);
            settings.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw Problems.PreconditionFailed();
        }
        finally
        {
            _cached = null;
        }
        return settings;
    }
}
