using Microsoft.Extensions.Logging;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// The enforcement point for access-group restrictions: which product categories a caller may see. Every
/// catalog, comparison, cart and order route asks this, not only the product list. Groups are company-wide
/// reference data served from memory (<see cref="RefreshingCache{TKey,TValue}"/>); a change made here is seen at once.
/// </summary>
public sealed class CategoryAccess(AccountStore store, TimeProvider clock, ILogger<CategoryAccess> logger)
{
    private readonly RefreshingCache<string, AccessGroupEntity?> _groups = new(TimeSpan.FromSeconds(30), clock, logger);

    /// <summary>Called after a group is saved through this instance.</summary>
    public void Forget(string accessGroupId) => _groups.Invalidate(accessGroupId);

    /// <summary>The categories the caller may see, or null when the caller may see all of them.</summary>
    public async Task<IReadOnlySet<string>?> AllowedCategoriesAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Kind != CallerKind.Customer || caller.AccessGroupId is null)
        {
            return null;
        }
        var groupId = caller.AccessGroupId;
        var group = await _groups.GetAsync(groupId, ct => store.GetAccessGroupAsync(groupId, ct), cancellationToken);
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
