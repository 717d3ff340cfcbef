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
    public Task UpsertCategoryAsync(CategoryImport category, CancellationToken cancellationToken) =>
        SaveCategoryAsync(category, WriteCondition.Any, cancellationToken);

    public Task UpsertWarehouseAsync(WarehouseImport warehouse, CancellationToken cancellationToken) =>
        SaveWarehouseAsync(warehouse, WriteCondition.Any, cancellationToken);

    /// <summary>Every category, fresh from storage with its version, in the order customers see them.</summary>
    public async Task<IReadOnlyList<CategoryAdminView>> ListCategoriesAsync(CancellationToken cancellationToken) =>
        (await store.ListFreshAsync<CategoryEntity>(CategoryEntity.Partition, cancellationToken))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new CategoryAdminView(c.RowKey, c.Name, c.SortOrder, c.ETag.ToString())).ToList();

    /// <summary>Every warehouse, fresh from storage with its version, by name.</summary>
    public async Task<IReadOnlyList<WarehouseAdminView>> ListWarehousesAsync(CancellationToken cancellationToken) =>
        (await store.ListFreshAsync<WarehouseEntity>(WarehouseEntity.Partition, cancellationToken))
            .OrderBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(w => new WarehouseAdminView(w.RowKey, w.Name, w.City, w.ETag.ToString())).ToList();

    /// <summary>Creates, changes the version read or upserts a category, as <paramref name="condition"/> says.</summary>
    public async Task<CategoryAdminView> SaveCategoryAsync(CategoryImport category, WriteCondition condition, CancellationToken cancellationToken)
    {
        var entity = new CategoryEntity { RowKey = category.Id, Name = category.Name.Trim(), SortOrder = category.SortOrder };
        var version = await store.SaveAsync(entity, condition, "category", cancellationToken);
        return new CategoryAdminView(entity.RowKey, entity.Name, entity.SortOrder, version);
    }

    /// <summary>Creates, changes the version read or upserts a warehouse, as <paramref name="condition"/> says.</summary>
    public async Task<WarehouseAdminView> SaveWarehouseAsync(WarehouseImport warehouse, WriteCondition condition, CancellationToken cancellationToken)
    {
        var entity = new WarehouseEntity { RowKey = warehouse.Id, Name = warehouse.Name.Trim(), City = warehouse.City?.Trim() ?? "" };
        var version = await store.SaveAsync(entity, condition, "warehouse", cancellationToken);
        return new WarehouseAdminView(entity.RowKey, entity.Name, entity.City, version);
    }

    public async Task<ImportResult> ImportProductsAsync(IReadOnlyList<ProductImport> products, CancellationToken cancellationToken)
    {
        await CheckProductsAsync(products, cancellationToken);
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

    /// <summary>
    /// What the product file would change, after the same whole-file check as the import; writes nothing. It
    /// compares with the catalog snapshot, so it costs at most the snapshot's three queries however long the file.
    /// </summary>
    public async Task<ProductImportPreview> PreviewProductsAsync(IReadOnlyList<ProductImport> products, CancellationToken cancellationToken)
    {
        var snapshot = await CheckProductsAsync(products, cancellationToken);
        return CatalogImportDiff.Products(products, i => ImportReader.LineOf(products, i), snapshot.ProductsBySku);
    }

    /// <summary>The whole-file check of a product import: every problem of every line, or the snapshot it was checked against.</summary>
    private async Task<CatalogSnapshot> CheckProductsAsync(IReadOnlyList<ProductImport> products, CancellationToken cancellationToken)
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
            // Storage keys are case-sensitive and the catalog is not: another spelling would be a second product.
            if (snapshot.ProductsBySku.TryGetValue(products[i].Sku, out var stored) && stored.Sku != products[i].Sku)
            {
                errors.Add(new ImportError(ImportReader.LineOf(products, i), "sku", $"The catalog spells this SKU {stored.Sku}; use that spelling."));
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
        return snapshot;
    }

    public async Task<ImportResult> ImportPricesAsync(IReadOnlyList<PriceImport> prices, CancellationToken cancellationToken)
    {
        var (snapshot, _) = await CheckPricesAsync(prices, cancellationToken);
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
    /// What the price file would change, after the same whole-file check as the import; writes nothing. Current
    /// prices come from each named counterparty's cached price list: one range query per counterparty in the file
    /// when not cached, whatever the number of lines.
    /// </summary>
    public async Task<PriceImportPreview> PreviewPricesAsync(IReadOnlyList<PriceImport> prices, CancellationToken cancellationToken)
    {
        var (snapshot, counterparties) = await CheckPricesAsync(prices, cancellationToken);
        var current = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var counterpartyId in prices.Select(p => p.CounterpartyId).Distinct(StringComparer.Ordinal))
        {
            current[counterpartyId] = await store.GetPricesAsync(counterpartyId, cancellationToken);
        }
        return CatalogImportDiff.Prices(prices, i => ImportReader.LineOf(prices, i), snapshot.ProductsBySku, id => current[id], id => counterparties[id]);
    }

    /// <summary>The whole-file check of a price import: every problem, or the snapshot and counterparty names it was checked against.</summary>
    private async Task<(CatalogSnapshot Snapshot, Dictionary<string, string> Counterparties)> CheckPricesAsync(IReadOnlyList<PriceImport> prices, CancellationToken cancellationToken)
    {
        var known = (await accounts.ListCounterpartiesAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
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
            if (!known.ContainsKey(counterparty))
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
        return (snapshot, known);
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
