using System.Globalization;

namespace Portal.Core.Features.Catalog;

// What applying a checked import file would change, worked out against the catalog without writing anything. A
// clerk reads it before Apply; the import itself still writes the whole file (its rows are idempotent upserts).

/// <summary>One field of a product that the file changes: its value now and the value the file gives it.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A product the file adds or changes, with the file line it comes from; a new product has no changes.</summary>
public sealed record ProductPreviewLine(int Line, string Sku, string Name, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// A product file against the catalog: counts of every kind, and the new and changed products listed up to
/// <see cref="ListLimit"/> each (in file order).
/// </summary>
public sealed record ProductImportPreview(int Total, int NewCount, int ChangedCount, int UnchangedCount, int ListLimit,
    IReadOnlyList<ProductPreviewLine> New, IReadOnlyList<ProductPreviewLine> Changed);

/// <summary>A counterparty price the file sets, changes or removes; prices are invariant decimal text, null when none.</summary>
public sealed record PricePreviewLine(int Line, string CounterpartyId, string CounterpartyName, string Sku, string ProductName, string? OldPrice, string? NewPrice);

public sealed record PriceImportPreview(int Total, int NewCount, int ChangedCount, int RemovedCount, int UnchangedCount, int ListLimit,
    IReadOnlyList<PricePreviewLine> New, IReadOnlyList<PricePreviewLine> Changed, IReadOnlyList<PricePreviewLine> Removed);

/// <summary>The comparison itself: pure, so it is unit-tested without storage.</summary>
public static class CatalogImportDiff
{
    /// <summary>How many lines of each kind a preview lists; the counts always cover the whole file.</summary>
    public const int ListLimit = 200;

    public static ProductImportPreview Products(IReadOnlyList<ProductImport> file, Func<int, int> lineOf, IReadOnlyDictionary<string, Product> stored, int listLimit = ListLimit)
    {
        var added = new List<ProductPreviewLine>();
        var changed = new List<ProductPreviewLine>();
        int newCount = 0, changedCount = 0;
        for (var i = 0; i < file.Count; i++)
        {
            var row = file[i];
            if (!stored.TryGetValue(row.Sku, out var current))
            {
                if (newCount++ < listLimit)
                {
                    added.Add(new ProductPreviewLine(lineOf(i), row.Sku, row.Name.Trim(), []));
                }
                continue;
            }
            var changes = Changes(current, row);
            if (changes.Count > 0 && changedCount++ < listLimit)
            {
                changed.Add(new ProductPreviewLine(lineOf(i), current.Sku, row.Name.Trim(), changes));
            }
        }
        return new ProductImportPreview(file.Count, newCount, changedCount, file.Count - newCount - changedCount, listLimit, added, changed);
    }

    /// <summary>The fields the import would write differently, compared as the import stores them (trimmed, exact decimals).</summary>
    public static IReadOnlyList<FieldChange> Changes(Product current, ProductImport row)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? @new)
        {
            if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, Blank(old), Blank(@new)));
            }
        }
        Compare("kind", current.Kind.ToString().ToLowerInvariant(), row.Kind.ToString().ToLowerInvariant());
        Compare("name", current.Name, row.Name.Trim());
        Compare("description", current.Description, row.Description?.Trim());
        Compare("categoryId", current.CategoryId, row.CategoryId);
        Compare("unit", current.Unit, row.Unit.Trim());
        Compare("unitPrecision", Text(current.UnitPrecision), Text(row.UnitPrecision));
        if (current.ListPrice != row.Price)
        {
            changes.Add(new FieldChange("price", Text(current.ListPrice), Text(row.Price)));
        }
        Compare("defaultWarehouseId", current.DefaultWarehouseId, row.Kind == ProductKind.Service ? "" : row.DefaultWarehouseId);
        Compare("characteristics", Characteristics(current.Characteristics), Characteristics(row.Characteristics ?? []));
        if (!SameStock(current.Stock, row.Stock ?? []))
        {
            changes.Add(new FieldChange("stock", Blank(Stock(current.Stock)), Blank(Stock(row.Stock ?? []))));
        }
        Compare("active", current.Active ? "yes" : "no", row.Active ? "yes" : "no");
        return changes;
    }

    /// <summary>
    /// Prices against each counterparty's current prices (<paramref name="current"/>, sku → price). An empty price
    /// removes one; removing a price the counterparty does not have is nothing to do, so it counts as unchanged.
    /// </summary>
    public static PriceImportPreview Prices(IReadOnlyList<PriceImport> file, Func<int, int> lineOf, IReadOnlyDictionary<string, Product> products,
        Func<string, IReadOnlyDictionary<string, decimal>> current, Func<string, string> counterpartyName, int listLimit = ListLimit)
    {
        var added = new List<PricePreviewLine>();
        var changed = new List<PricePreviewLine>();
        var removed = new List<PricePreviewLine>();
        int newCount = 0, changedCount = 0, removedCount = 0;
        for (var i = 0; i < file.Count; i++)
        {
            var row = file[i];
            var product = products[row.Sku];
            var had = current(row.CounterpartyId).TryGetValue(product.Sku, out var old) ? old : (decimal?)null;
            var line = new PricePreviewLine(lineOf(i), row.CounterpartyId, counterpartyName(row.CounterpartyId), product.Sku, product.Name,
                had is { } h ? Text(h) : null, row.Price is { } p ? Text(p) : null);
            switch (had, row.Price)
            {
                case (null, not null):
                    if (newCount++ < listLimit) added.Add(line);
                    break;
                case (not null, null):
                    if (removedCount++ < listLimit) removed.Add(line);
                    break;
                case (not null, not null) when had != row.Price:
                    if (changedCount++ < listLimit) changed.Add(line);
                    break;
            }
        }
        return new PriceImportPreview(file.Count, newCount, changedCount, removedCount, file.Count - newCount - changedCount - removedCount, listLimit,
            added, changed, removed);
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Characteristics(IEnumerable<Characteristic> characteristics) =>
        string.Join("; ", characteristics.Select(c => $"{c.Name}: {c.Value}"));

    private static bool SameStock(IReadOnlyDictionary<string, decimal> old, IReadOnlyDictionary<string, decimal> @new) =>
        old.Count == @new.Count && old.All(s => @new.TryGetValue(s.Key, out var q) && q == s.Value);

    private static string Stock(IReadOnlyDictionary<string, decimal> stock) =>
        string.Join("; ", stock.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {Text(s.Value)}"));
}
