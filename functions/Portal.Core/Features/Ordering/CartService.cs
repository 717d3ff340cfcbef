using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
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
        if (product.IsService && !string.IsNullOrEmpty(request.WarehouseId))
        {
            throw Problems.Validation("warehouseId", "A service ships from no warehouse; leave the warehouse out.");
        }
        var warehouseId = product.IsService ? LineWarehouse.None : request.WarehouseId ?? product.DefaultWarehouseId;
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
            var orderable = lookup.Find(line.Sku);
            if (orderable.Product is { IsService: true } && !string.IsNullOrEmpty(request.WarehouseId))
            {
                throw Problems.Validation("warehouseId", "A service ships from no warehouse.");
            }
            var updated = line with { Quantity = request.Quantity ?? line.Quantity, WarehouseId = request.WarehouseId ?? line.WarehouseId };
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
    /// reported with the reason, never dropped silently; a line that cannot ship from its earlier warehouse says where
    /// it ships from now.
    /// </summary>
    public async Task<CartFillResult> FillAsync(Caller caller, IReadOnlyList<CartFillRequest> items, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        Filled filled = new([], [], []);
        var cart = await ChangeAsync(caller, null, retryOnConflict: true, lines =>
        {
            filled = Fill(lines, items, lookup);
            return lines;
        }, cancellationToken);
        return new CartFillResult(cart, filled.Added.Select(a => a.Item).ToList(), filled.Unavailable.Select(u => u.Problem).ToList(), filled.Moved);
    }

    private sealed record Filled(List<(int Index, CartFillItem Item)> Added, List<(int Index, CartFillProblem Problem)> Unavailable, List<CartFillMove> Moved);

    /// <summary>Adds the items to <paramref name="lines"/> (same product, warehouse and quote add up); the index says which item each outcome is about.</summary>
    private static Filled Fill(List<CartLine> lines, IReadOnlyList<CartFillRequest> items, OrderableLookup lookup)
    {
        var filled = new Filled([], [], []);
        for (var index = 0; index < items.Count; index++)
        {
            var (sku, name, quantity, quote, preferred) = items[index];
            var orderable = lookup.Find(sku);
            if (!orderable.IsOrderable)
            {
                filled.Unavailable.Add((index, new CartFillProblem(sku, orderable.Product?.Name ?? name, orderable.Problem!)));
                continue;
            }
            var product = orderable.Product!;
            if (CartRules.CheckPrecision(quantity, product.UnitPrecision, product.Unit) is { } precision)
            {
                filled.Unavailable.Add((index, new CartFillProblem(sku, product.Name, $"{quantity} {product.Unit} cannot be ordered: {precision}")));
                continue;
            }
            var warehouseId = preferred is null && !product.IsService
                ? product.DefaultWarehouseId
                : LineWarehouse.Choose(product, preferred, lookup.Snapshot.WarehousesById);
            // A quoted line stays apart from the same product at the catalog price: they are charged differently.
            var existing = lines.FindIndex(l => string.Equals(l.Sku, product.Sku, StringComparison.OrdinalIgnoreCase) && l.WarehouseId == warehouseId &&
                                                l.Quote?.QuotationId == quote?.QuotationId);
            var total = (existing >= 0 ? lines[existing].Quantity : 0) + quantity;
            if (total > CartRules.MaxQuantity)
            {
                filled.Unavailable.Add((index, new CartFillProblem(sku, product.Name, $"The cart's line would hold {total} {product.Unit}; a line holds at most {CartRules.MaxQuantity:N0}.")));
                continue;
            }
            if (existing >= 0)
            {
                lines[existing] = lines[existing] with { Quantity = total };
            }
            else if (lines.Count < CartRules.MaxLines)
            {
                lines.Add(new CartLine(NewLineId(), product.Sku, quantity, warehouseId, quote));
            }
            else
            {
                filled.Unavailable.Add((index, new CartFillProblem(sku, product.Name, $"The cart is full ({CartRules.MaxLines} lines).")));
                continue;
            }
            if (!string.IsNullOrEmpty(preferred) && preferred != warehouseId && !product.IsService)
            {
                filled.Moved.Add(new CartFillMove(product.Sku, product.Name, preferred, lookup.Snapshot.WarehouseName(preferred), warehouseId,
                    lookup.Snapshot.WarehouseName(warehouseId)));
            }
            filled.Added.Add((index, new CartFillItem(product.Sku, product.Name, quantity)));
        }
        return filled;
    }

    /// <summary>
    /// Swaps a line for another product in one step: the same quantity, from the same warehouse while that stocks the
    /// new product (else where it is stocked). A quoted price belonged to the old product, so the new line has none; a
    /// line of the new product already in that warehouse adds up.
    /// </summary>
    public async Task<CartView> SwapLineAsync(Caller caller, string lineId, SwapCartLineRequest request, string ifMatch, CancellationToken cancellationToken)
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
        return await ChangeAsync(caller, ifMatch, retryOnConflict: false, lines =>
        {
            var index = lines.FindIndex(l => l.Id == lineId);
            if (index < 0)
            {
                throw Problems.NotFound("The cart line");
            }
            var line = lines[index];
            if (string.Equals(line.Sku, product.Sku, StringComparison.OrdinalIgnoreCase))
            {
                throw Problems.Validation("sku", "This line already holds that product; choose another one.");
            }
            if (CartRules.CheckPrecision(line.Quantity, product.UnitPrecision, product.Unit) is { } precision)
            {
                throw Problems.Validation("sku", $"{line.Quantity} {product.Unit} of {product.Name} cannot be ordered: {precision}");
            }
            var warehouseId = LineWarehouse.Choose(product, line.WarehouseId, lookup.Snapshot.WarehousesById);
            var twin = lines.FindIndex(l => l.Id != lineId && string.Equals(l.Sku, product.Sku, StringComparison.OrdinalIgnoreCase) && l.WarehouseId == warehouseId &&
                                            l.Quote is null);
            if (twin >= 0)
            {
                var total = lines[twin].Quantity + line.Quantity;
                if (total > CartRules.MaxQuantity)
                {
                    throw Problems.Validation("sku", $"That product's line would hold {total} {product.Unit}; a line holds at most {CartRules.MaxQuantity:N0}.");
                }
                lines[twin] = lines[twin] with { Quantity = total };
                lines.RemoveAt(index);
            }
            else
            {
                lines[index] = new CartLine(line.Id, product.Sku, line.Quantity, warehouseId);
            }
            return lines;
        }, cancellationToken);
    }

    /// <summary>Checks a quick order without changing anything: what would be added, and each line that would not with the reason.</summary>
    public async Task<QuickOrderCheckView> CheckQuickOrderAsync(Caller caller, QuickOrderRequest request, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        var cart = await ReadAsync(caller, cancellationToken);
        var (entries, problems) = ReadQuickOrder(request, lookup);
        var (added, unavailable) = QuickOrderOutcome(entries, Fill(LinesOf(cart), entries.Select(e => e.Item).ToList(), lookup), lookup);
        return new QuickOrderCheckView(added, problems.Concat(unavailable).OrderBy(p => p.Line).ToList());
    }

    /// <summary>
    /// Adds a quick order's recognised lines to the cart in one write, and says which lines were left out and why.
    /// The Idempotency-Key row is written in the same transaction as the cart, so a retried request adds nothing twice.
    /// </summary>
    public async Task<QuickOrderResult> QuickOrderAsync(Caller caller, QuickOrderRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            throw Problems.Validation(Idempotency.Header, "Send an Idempotency-Key, so a retry cannot add the lines twice.");
        }
        var scope = caller.Scope();
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        var (entries, problems) = ReadQuickOrder(request, lookup);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (outcome, _) = await store.CreateOnceAsync(scope, caller.UserId, idempotencyKey, ["quick-order", request.Text],
                    async ct =>
                    {
                        var cart = await ReadAsync(caller, ct);
                        var lines = LinesOf(cart);
                        var filled = Fill(lines, entries.Select(e => e.Item).ToList(), lookup);
                        var entity = new CartEntity
                        {
                            PartitionKey = scope.CounterpartyId,
                            RowKey = OrderingKeys.Cart(caller.UserId),
                            Lines = JsonColumn.Write(lines),
                            UpdatedAt = clock.GetUtcNow(),
                            ETag = cart?.ETag ?? default,
                        };
                        var change = store.NewChange(scope);
                        if (cart is null)
                        {
                            change.Add(entity);
                        }
                        else
                        {
                            change.Replace(entity);
                        }
                        return (change, entity.RowKey, QuickOrderOutcome(entries, filled, lookup));
                    },
                    // The same paste sent again (a retry): the lines are in the cart already; answer as the first time.
                    (_, _) => Task.FromResult(QuickOrderOutcome(entries, Fill([], entries.Select(e => e.Item).ToList(), lookup), lookup)),
                    cancellationToken);
                var view = await GetAsync(caller, cancellationToken);
                return new QuickOrderResult(view, outcome.Added, problems.Concat(outcome.Unavailable).OrderBy(p => p.Line).ToList());
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < 4)
            {
                // The cart changed between our read and write (another tab): add to the new cart instead.
            }
        }
    }

    private static (List<(int Line, CartFillRequest Item)> Entries, List<QuickOrderProblemView> Problems) ReadQuickOrder(QuickOrderRequest request, OrderableLookup lookup)
    {
        var parsed = QuickOrderText.Parse(request.Text);
        if (parsed.Count == 0)
        {
            throw Problems.Validation("text", "No lines found; write one SKU, quantity a line.");
        }
        if (parsed.Count > QuickOrderText.MaxLines)
        {
            throw Problems.Validation("text", $"A quick order has at most {QuickOrderText.MaxLines} lines (the cart's limit).");
        }
        var problems = parsed.Where(p => p.Problem is not null).Select(p => new QuickOrderProblemView(p.Line, p.Sku, p.Problem!)).ToList();
        var entries = parsed.Where(p => p.Problem is null).Select(p => (p.Line, new CartFillRequest(p.Sku, p.Sku, p.Quantity!.Value))).ToList();
        return (entries, problems);
    }

    private static (List<QuickOrderLineView> Added, List<QuickOrderProblemView> Unavailable) QuickOrderOutcome(
        List<(int Line, CartFillRequest Item)> entries, Filled filled, OrderableLookup lookup)
    {
        var added = filled.Added.Select(a =>
        {
            var found = lookup.Find(a.Item.Sku);
            return new QuickOrderLineView(entries[a.Index].Line, found.Product!.Sku, found.Product.Name, a.Item.Quantity, found.Product.Unit, found.Price!);
        }).ToList();
        var unavailable = filled.Unavailable.Select(u => new QuickOrderProblemView(entries[u.Index].Line, entries[u.Index].Item.Sku, u.Problem.Reason)).ToList();
        return (added, unavailable);
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
            var problem = orderable.Problem ?? WarehouseProblem(lookup, product!, line.WarehouseId);
            var unitPrice = CartRules.PriceOf(orderable, line.Quote, today);
            var lineTotal = unitPrice is { } price ? new Money(Money.LineTotal(price.Amount, line.Quantity), price.Currency) : null;
            if (problem is null && lineTotal is not null)
            {
                total += lineTotal.Amount;
            }
            views.Add(new CartLineView(line.Id, line.Sku, product?.Name ?? line.Sku, product?.Unit ?? "", product?.UnitPrecision ?? 0, line.Quantity,
                line.WarehouseId, lookup.Snapshot.WarehouseName(line.WarehouseId), unitPrice, lineTotal, problem,
                line.Quote is { } q && today <= q.ValidUntil ? q.QuotationNumber : null, product?.Kind ?? ProductKind.Goods));
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
        if (!product.IsService && !lookup.Snapshot.WarehousesById.ContainsKey(warehouseId))
        {
            throw Problems.Validation("warehouseId", "No warehouse has this id.");
        }
    }

    /// <summary>Why a line cannot ship from where it says: goods need a warehouse that exists; a service needs none.</summary>
    internal static string? WarehouseProblem(OrderableLookup lookup, Product product, string warehouseId) =>
        product.IsService || lookup.Snapshot.WarehousesById.ContainsKey(warehouseId) ? null
        : warehouseId.Length == 0 ? "Choose the warehouse to ship from."
        : "This warehouse no longer exists; choose another.";

    private static string NewLineId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
