using System.Security.Cryptography;
using Azure;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// The product cart: one per user, kept in the counterparty's partition so it lasts across sessions and can be
/// emptied in the same transaction that creates the orders. The row's ETag is the cart's version: edits of an
/// existing line need If-Match, so two browser tabs cannot silently overwrite each other.
/// </summary>
public sealed class CartService(OrderingStore store, CatalogService catalog, TimeProvider clock)
{
    public async Task<CartView> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        var cart = await ReadAsync(caller, cancellationToken);
        return await ViewAsync(caller, cart, cancellationToken);
    }

    /// <summary>Adds a line; the same product from the same warehouse adds up. If-Match is optional: adding never overwrites.</summary>
    public async Task<CartView> AddLineAsync(Caller caller, AddCartLineRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        var orderable = lookup.Find(request.Sku);
        if (orderable.Product is null)
        {
            throw Problems.NotFound("The product");
        }
        if (!orderable.IsOrderable)
        {
            throw Problems.Conflict(orderable.Problem!);
        }
        var product = orderable.Product;
        var warehouseId = request.WarehouseId ?? product.DefaultWarehouseId;
        CheckLine(lookup, product, request.Quantity, warehouseId);

        return await ChangeAsync(caller, ifMatch, retryOnConflict: ifMatch is null, lines =>
        {
            var existing = lines.FindIndex(l => string.Equals(l.Sku, product.Sku, StringComparison.OrdinalIgnoreCase) && l.WarehouseId == warehouseId);
            if (existing >= 0)
            {
                var total = lines[existing].Quantity + request.Quantity;
                if (total > CartRules.MaxQuantity)
                {
                    throw Problems.Validation("quantity", $"The cart would hold {total} {product.Unit}; enter at most {CartRules.MaxQuantity:N0} in all.");
                }
                lines[existing] = lines[existing] with { Quantity = total };
            }
            else
            {
                if (lines.Count >= CartRules.MaxLines)
                {
                    throw Problems.Conflict($"A cart holds at most {CartRules.MaxLines} lines; create an order for these first.");
                }
                lines.Add(new CartLine(NewLineId(), product.Sku, request.Quantity, warehouseId));
            }
            return lines;
        }, cancellationToken);
    }

    public async Task<CartView> UpdateLineAsync(Caller caller, string lineId, UpdateCartLineRequest request, string ifMatch, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        return await ChangeAsync(caller, ifMatch, retryOnConflict: false, lines =>
        {
            var index = lines.FindIndex(l => l.Id == lineId);
            if (index < 0)
            {
                throw Problems.NotFound("The cart line");
            }
            var line = lines[index];
            var updated = line with { Quantity = request.Quantity ?? line.Quantity, WarehouseId = request.WarehouseId ?? line.WarehouseId };
            var orderable = lookup.Find(line.Sku);
            if (orderable.Product is not null)
            {
                CheckLine(lookup, orderable.Product, updated.Quantity, updated.WarehouseId);
            }
            // Moving a line to a warehouse that already has this product merges the two.
            var twin = lines.FindIndex(l => l.Id != lineId && string.Equals(l.Sku, updated.Sku, StringComparison.OrdinalIgnoreCase) && l.WarehouseId == updated.WarehouseId);
            if (twin >= 0)
            {
                var total = lines[twin].Quantity + updated.Quantity;
                if (total > CartRules.MaxQuantity)
                {
                    var unit = orderable.Product?.Unit ?? "";
                    throw Problems.Validation("quantity", $"That warehouse's line would hold {total} {unit}; a line holds at most {CartRules.MaxQuantity:N0}.");
                }
                lines[twin] = lines[twin] with { Quantity = total };
                lines.RemoveAt(index);
            }
            else
            {
                lines[index] = updated;
            }
            return lines;
        }, cancellationToken);
    }

    public Task<CartView> RemoveLineAsync(Caller caller, string lineId, string ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(caller, ifMatch, retryOnConflict: false, lines =>
        {
            if (lines.RemoveAll(l => l.Id == lineId) == 0)
            {
                throw Problems.NotFound("The cart line");
            }
            return lines;
        }, cancellationToken);

    public Task<CartView> ClearAsync(Caller caller, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(caller, ifMatch, retryOnConflict: ifMatch is null, _ => [], cancellationToken);

    /// <summary>
    /// Puts items into the cart for review (from a quotation or an earlier order). What cannot be ordered is
    /// reported with the reason, never dropped silently.
    /// </summary>
    public async Task<CartFillResult> FillAsync(Caller caller, IReadOnlyList<CartFillRequest> items, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        var added = new List<CartFillItem>();
        var unavailable = new List<CartFillProblem>();
        var cart = await ChangeAsync(caller, null, retryOnConflict: true, lines =>
        {
            added.Clear();
            unavailable.Clear();
            foreach (var (sku, name, quantity, quote) in items)
            {
                var orderable = lookup.Find(sku);
                if (!orderable.IsOrderable)
                {
                    unavailable.Add(new CartFillProblem(sku, orderable.Product?.Name ?? name, orderable.Problem!));
                    continue;
                }
                var product = orderable.Product!;
                if (CartRules.CheckPrecision(quantity, product.UnitPrecision, product.Unit) is { } precision)
                {
                    unavailable.Add(new CartFillProblem(sku, product.Name, $"{quantity} {product.Unit} cannot be ordered: {precision}"));
                    continue;
                }
                // A quoted line stays apart from the same product at the catalog price: they are charged differently.
                var existing = lines.FindIndex(l => string.Equals(l.Sku, product.Sku, StringComparison.OrdinalIgnoreCase) && l.WarehouseId == product.DefaultWarehouseId &&
                                                    l.Quote?.QuotationId == quote?.QuotationId);
                var total = (existing >= 0 ? lines[existing].Quantity : 0) + quantity;
                if (total > CartRules.MaxQuantity)
                {
                    unavailable.Add(new CartFillProblem(sku, product.Name, $"The cart's line would hold {total} {product.Unit}; a line holds at most {CartRules.MaxQuantity:N0}."));
                    continue;
                }
                if (existing >= 0)
                {
                    lines[existing] = lines[existing] with { Quantity = total };
                }
                else if (lines.Count < CartRules.MaxLines)
                {
                    lines.Add(new CartLine(NewLineId(), product.Sku, quantity, product.DefaultWarehouseId, quote));
                }
                else
                {
                    unavailable.Add(new CartFillProblem(sku, product.Name, $"The cart is full ({CartRules.MaxLines} lines)."));
                    continue;
                }
                added.Add(new CartFillItem(product.Sku, product.Name, quantity));
            }
            return lines;
        }, cancellationToken);
        return new CartFillResult(cart, added.ToList(), unavailable.ToList());
    }

    private Task<CartEntity?> ReadAsync(Caller caller, CancellationToken cancellationToken) =>
        store.ReadCartAsync(caller.Scope(), caller.UserId, cancellationToken);

    private static List<CartLine> LinesOf(CartEntity? cart) => cart is null ? [] : JsonColumn.Read<CartLine>(cart.Lines);

    internal async Task<CartView> ViewAsync(Caller caller, CartEntity? cart, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var views = new List<CartLineView>();
        var total = 0m;
        foreach (var line in LinesOf(cart))
        {
            var orderable = lookup.Find(line.Sku);
            var product = orderable.Product;
            var problem = orderable.Problem
                          ?? (lookup.Snapshot.WarehousesById.ContainsKey(line.WarehouseId) ? null : "This warehouse no longer exists; choose another.");
            var unitPrice = CartRules.PriceOf(orderable, line.Quote, today);
            var lineTotal = unitPrice is { } price ? new Money(Money.LineTotal(price.Amount, line.Quantity), price.Currency) : null;
            if (problem is null && lineTotal is not null)
            {
                total += lineTotal.Amount;
            }
            views.Add(new CartLineView(line.Id, line.Sku, product?.Name ?? line.Sku, product?.Unit ?? "", product?.UnitPrecision ?? 0, line.Quantity,
                line.WarehouseId, lookup.Snapshot.WarehouseName(line.WarehouseId), unitPrice, lineTotal, problem,
                line.Quote is { } q && today <= q.ValidUntil ? q.QuotationNumber : null));
        }
        return new CartView(views, new Money(total, lookup.Currency), cart?.ETag.ToString() ?? "");
    }

    private async Task<CartView> ChangeAsync(Caller caller, string? ifMatch, bool retryOnConflict, Func<List<CartLine>, List<CartLine>> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var cart = await ReadAsync(caller, cancellationToken);
            if (ifMatch is not null && (cart is null ? ifMatch != "" && ifMatch != "*" : cart.ETag != new ETag(ifMatch)))
            {
                throw Problems.PreconditionFailed();
            }
            var lines = change(LinesOf(cart));
            var entity = new CartEntity
            {
                PartitionKey = caller.Scope().CounterpartyId,
                RowKey = OrderingKeys.Cart(caller.UserId),
                Lines = JsonColumn.Write(lines),
                UpdatedAt = clock.GetUtcNow(),
                ETag = cart?.ETag ?? default,
            };
            try
            {
                entity.ETag = cart is null ? await store.AddAsync(entity, cancellationToken) : await store.ReplaceAsync(entity, cancellationToken);
                return await ViewAsync(caller, entity, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone changed the cart between our read and write: an add is simply redone on the new cart;
                // an edit of what the user saw is refused, so they can look again.
                if (!retryOnConflict || attempt >= 4)
                {
                    throw Problems.PreconditionFailed();
                }
            }
        }
    }

    private static void CheckLine(OrderableLookup lookup, Product product, decimal quantity, string warehouseId)
    {
        if (CartRules.CheckPrecision(quantity, product.UnitPrecision, product.Unit) is { } precision)
        {
            throw Problems.Validation("quantity", precision);
        }
        if (!lookup.Snapshot.WarehousesById.ContainsKey(warehouseId))
        {
            throw Problems.Validation("warehouseId", "No warehouse has this id.");
        }
    }

    private static string NewLineId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
