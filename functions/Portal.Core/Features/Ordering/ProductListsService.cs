using Azure;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// The buyer's own ways to find products again on the cart page: favourites (a star on a product, kept per user) and
/// the products of their company's recent orders. Both are kept here, in the counterparty's partition of the Orders
/// table beside the cart, and shown through the catalog, so a product the buyer may no longer see or order drops out.
/// </summary>
public sealed class ProductListsService(OrderingStore store, CatalogService catalog)
{
    public const int MaxFavourites = 200;
    public const int RecentOrders = 25;
    public const int MaxRecentProducts = 24;

    public async Task<ItemList<ProductSummaryView>> FavouritesAsync(Caller caller, CancellationToken cancellationToken)
    {
        var row = await store.ReadFavouritesAsync(caller.Scope(), caller.UserId, cancellationToken);
        return new ItemList<ProductSummaryView>(await catalog.SummariesAsync(caller, SkusOf(row), cancellationToken));
    }

    /// <summary>Stars a product (again is nothing to do). A product the caller cannot see is "not found".</summary>
    public async Task AddFavouriteAsync(Caller caller, string sku, CancellationToken cancellationToken)
    {
        var product = (await catalog.SummariesAsync(caller, [sku], cancellationToken)).SingleOrDefault() ?? throw Problems.NotFound("The product");
        await ChangeAsync(caller, skus =>
        {
            if (skus.Contains(product.Sku, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
            if (skus.Count >= MaxFavourites)
            {
                throw Problems.Conflict($"You can keep at most {MaxFavourites} favourites; remove one first.");
            }
            skus.Insert(0, product.Sku);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Un-stars a product; one that is not a favourite is nothing to do, so a retry is harmless. A SKU no product could
    /// have is "not found", as on every product route.
    /// </summary>
    public Task RemoveFavouriteAsync(Caller caller, string sku, CancellationToken cancellationToken) =>
        CatalogRules.IsValidKey(sku)
            ? ChangeAsync(caller, skus => skus.RemoveAll(s => string.Equals(s, sku, StringComparison.OrdinalIgnoreCase)) > 0, cancellationToken)
            : throw Problems.NotFound("The product");

    /// <summary>The distinct products of the company's newest orders, most recent first: one range query.</summary>
    public async Task<ItemList<ProductSummaryView>> RecentlyOrderedAsync(Caller caller, CancellationToken cancellationToken)
    {
        var orders = await store.NewestOrdersAsync(caller.Scope(), RecentOrders, cancellationToken);
        var skus = orders.SelectMany(o => JsonColumn.Read<OrderLine>(o.Lines).Select(l => l.Sku))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxRecentProducts);
        return new ItemList<ProductSummaryView>(await catalog.SummariesAsync(caller, skus, cancellationToken));
    }

    private static List<string> SkusOf(FavouritesEntity? row) => row is null ? [] : JsonColumn.Read<string>(row.Skus);

    private async Task ChangeAsync(Caller caller, Func<List<string>, bool> change, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        for (var attempt = 0; ; attempt++)
        {
            var row = await store.ReadFavouritesAsync(scope, caller.UserId, cancellationToken);
            var skus = SkusOf(row);
            if (!change(skus))
            {
                return;
            }
            var entity = new FavouritesEntity
            {
                PartitionKey = scope.CounterpartyId,
                RowKey = OrderingKeys.Favourites(caller.UserId),
                Skus = JsonColumn.Write(skus),
                ETag = row?.ETag ?? default,
            };
            try
            {
                _ = row is null ? await store.AddAsync(entity, cancellationToken) : await store.ReplaceAsync(entity, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 4)
            {
                // Starred in another tab at the same moment: apply the change to what is there now.
            }
        }
    }
}
