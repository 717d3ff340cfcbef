using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// The portal-wide settings row (company name, currency, the external access switch), reference data served from
/// memory (<see cref="RefreshingCache{TKey,TValue}"/>). Access does not depend on the cached switch: switching external
/// access off deletes the customers' sessions, and sign-in checks the switch fresh.
/// </summary>
public sealed class SettingsStore(TableServiceClient tables, IOptions<AuthOptions> options, TimeProvider clock, ILogger<SettingsStore> logger)
{
    private readonly TableClient _table = tables.GetTableClient(AccountsTables.Settings);
    private readonly RefreshingCache<string, SettingsEntity> _cache = new(options.Value.SessionCacheDuration, clock, logger);

    public Task<SettingsEntity> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(SettingsEntity.Key, ReadAsync, cancellationToken);

    /// <summary>Reads the row without the cache, with its ETag, for an edit or a decision about access.</summary>
    public async Task<SettingsEntity> GetFreshAsync(CancellationToken cancellationToken)
    {
        _cache.Invalidate(SettingsEntity.Key);
        return await GetAsync(cancellationToken);
    }

    private async Task<SettingsEntity> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<SettingsEntity>(SettingsEntity.Key, SettingsEntity.Key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value! : new SettingsEntity();
    }

    /// <summary>The supplier's contact details (a point read: only the Account page asks).</summary>
    public async Task<SupplierContactsEntity> GetContactsAsync(CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<SupplierContactsEntity>(SettingsEntity.Key, SupplierContactsEntity.Key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value! : new SupplierContactsEntity();
    }

    /// <summary>Saves the contacts row as <paramref name="condition"/> says (If-Match: only the version read); sets its new ETag.</summary>
    public Task SaveContactsAsync(SupplierContactsEntity contacts, WriteCondition condition, CancellationToken cancellationToken) =>
        _table.WriteAsync(contacts, condition, "The supplier's contacts exist already; edit them instead.", cancellationToken);

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
            _cache.Invalidate(SettingsEntity.Key);
        }
        return settings;
    }
}
