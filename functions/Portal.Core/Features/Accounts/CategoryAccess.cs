using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// The enforcement point for access-group restrictions: which product categories a caller may see. Every
/// catalog, comparison, cart and order route asks this, not only the product list. Groups are company-wide
/// reference data, cached briefly.
/// </summary>
public sealed class CategoryAccess(AccountStore store, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The categories the caller may see, or null when the caller may see all of them.</summary>
    public async Task<IReadOnlySet<string>?> AllowedCategoriesAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Kind != CallerKind.Customer || caller.AccessGroupId is null)
        {
            return null;
        }
        var group = await cache.GetOrCreateAsync("access-group:" + caller.AccessGroupId, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await store.GetAccessGroupAsync(caller.AccessGroupId, cancellationToken);
        });
        if (group is null)
        {
            // A group that was deleted grants nothing rather than everything.
            return new HashSet<string>();
        }
        var allowed = AccountService.ToView(group).AllowedCategories;
        return allowed.Count == 0 ? null : allowed.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> IsAllowedAsync(Caller caller, string categoryId, CancellationToken cancellationToken) =>
        await AllowedCategoriesAsync(caller, cancellationToken) is not { } allowed || allowed.Contains(categoryId);
}
