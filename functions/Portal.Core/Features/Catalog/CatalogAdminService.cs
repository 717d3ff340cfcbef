using System.Globalization;
using System.Text.Json;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Catalog;

/// <summary>
/// The company side of the catalog: upserts keyed by the company's own ids, and bulk import from NDJSON or CSV.
/// An import is checked whole first; one bad line refuses it all, so a file is never half applied.
/// </summary>
public sealed class CatalogAdminService(CatalogStore store, AccountService accounts)
{
    public async Task UpsertCategoryAsync(CategoryImport category, CancellationToken cancellationToken) =>
        await store.UpsertAsync(new CategoryEntity { RowKey = category.Id, Name = category.Name.Trim(), SortOrder = category.SortOrder }, cancellationToken);

    public async Task UpsertWarehouseAsync(WarehouseImport warehouse, CancellationToken cancellationToken) =>
        await store.UpsertAsync(new WarehouseEntity { RowKey = warehouse.Id, Name = warehouse.Name.Trim(), City = warehouse.City?.Trim() ?? "" }, cancellationToken);

    public async Task<ImportResult> ImportProductsAsync(IReadOnlyList<ProductImport> products, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        for (var i = 0; i < products.Count; i++)
        {
            var lineErrors = new ValidationErrors();
            products[i].Validate(lineErrors);
            try
            {
                lineErrors.ThrowIfAny();
            }
            catch (PortalProblemException ex)
            {
                errors.AddRange(ex.Errors!.SelectMany(e => e.Value.Select(m => new ImportError(ImportReader.LineOf(products, i), e.Key, m))));
                continue;
            }
            if (!snapshot.CategoriesById.ContainsKey(products[i].CategoryId))
            {
                errors.Add(new ImportError(ImportReader.LineOf(products, i), "categoryId", $"No category '{products[i].CategoryId}'; create it first."));
            }
            if (products[i].Kind == ProductKind.Goods && !snapshot.WarehousesById.ContainsKey(products[i].DefaultWarehouseId!))
            {
                errors.Add(new ImportError(ImportReader.LineOf(products, i), "defaultWarehouseId", $"No warehouse '{products[i].DefaultWarehouseId}'; create it first."));
            }
            foreach (var warehouse in products[i].Stock?.Keys ?? Enumerable.Empty<string>())
            {
                if (!snapshot.WarehousesById.ContainsKey(warehouse))
                {
                    errors.Add(new ImportError(ImportReader.LineOf(products, i), "stock", $"No warehouse '{warehouse}'."));
                }
            }
        }
        foreach (var duplicate in products.Select((p, i) => (p.Sku, Line: ImportReader.LineOf(products, i))).GroupBy(p => p.Sku, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(duplicate.Last().Line, "sku", $"SKU {duplicate.Key} appears more than once in the file."));
        }
        if (errors.Count > 0)
        {
            throw ImportProblem(errors);
        }
        await WriteAsync(products.Count, 0, () => store.UpsertProductsAsync(products.Select(p => new ProductEntity
        {
            RowKey = p.Sku,
            Name = p.Name.Trim(),
            Description = p.Description?.Trim() ?? "",
            CategoryId = p.CategoryId,
            Unit = p.Unit.Trim(),
            UnitPrecision = p.UnitPrecision,
            Price = Money.Store(p.Price),
            DefaultWarehouseId = p.Kind == ProductKind.Service ? "" : p.DefaultWarehouseId!,
            Kind = p.Kind.ToString(),
            Characteristics = JsonSerializer.Serialize(p.Characteristics ?? [], PortalJson.Options),
            Stock = JsonSerializer.Serialize(p.Stock ?? [], PortalJson.Options),
            Active = p.Active,
        }).ToList(), cancellationToken));
        return new ImportResult(products.Count, []);
    }

    public async Task<ImportResult> ImportPricesAsync(IReadOnlyList<PriceImport> prices, CancellationToken cancellationToken)
    {
        var known = (await accounts.ListCounterpartiesAsync(cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        for (var i = 0; i < prices.Count; i++)
        {
            var lineErrors = new ValidationErrors();
            prices[i].Validate(lineErrors);
            try
            {
                lineErrors.ThrowIfAny();
            }
            catch (PortalProblemException ex)
            {
                errors.AddRange(ex.Errors!.SelectMany(e => e.Value.Select(m => new ImportError(ImportReader.LineOf(prices, i), e.Key, m))));
            }
        }
        foreach (var counterparty in prices.Select(p => p.CounterpartyId).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct())
        {
            if (!known.Contains(counterparty))
            {
                errors.Add(new ImportError(ImportReader.LineOf(prices, prices.ToList().FindIndex(p => p.CounterpartyId == counterparty)), "counterpartyId", $"No counterparty '{counterparty}'."));
            }
        }
        // References and duplicates: every SKU is a product, named once per counterparty (as the catalog spells it).
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < prices.Count; i++)
        {
            if (!CatalogRules.IsValidKey(prices[i].Sku))
            {
                continue;
            }
            if (!snapshot.ProductsBySku.TryGetValue(prices[i].Sku, out var product))
            {
                errors.Add(new ImportError(ImportReader.LineOf(prices, i), "sku", $"No product '{prices[i].Sku}'; import it first."));
            }
            else if (!seen.Add((prices[i].CounterpartyId, product.Sku)))
            {
                errors.Add(new ImportError(ImportReader.LineOf(prices, i), "sku", $"{product.Sku} has a price for {prices[i].CounterpartyId} on an earlier line; give one per counterparty."));
            }
        }
        if (errors.Count > 0)
        {
            throw ImportProblem(errors);
        }
        var written = 0;
        foreach (var group in prices.GroupBy(p => p.CounterpartyId))
        {
            var rows = group.Select(p => (snapshot.ProductsBySku[p.Sku].Sku, p.Price)).ToList();
            await WriteAsync(prices.Count, written, () => store.UpsertPricesAsync(group.Key, rows, cancellationToken));
            written += rows.Count;
        }
        return new ImportResult(prices.Count, []);
    }

    /// <summary>
    /// Runs a checked import's writes. Rows are idempotent upserts, so when storage fails midway the answer says how
    /// far it got and that sending the same file again completes it — never that nothing changed.
    /// </summary>
    private static async Task WriteAsync(int total, int writtenBefore, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (PartialImportException ex)
        {
            throw new PortalProblemException(503, Problems.TypeBase + "import-incomplete", "The import stopped partway.",
                $"{writtenBefore + ex.Written} of {total} rows were written before storage failed. Send the same file again to complete it; rows already written are not duplicated.");
        }
    }

    private static PortalProblemException ImportProblem(List<ImportError> errors) =>
        Problems.Validation(
            errors.Take(200).GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            $"{errors.Count} problem(s) in the file; nothing was imported. Fix them and send the whole file again.");
}
