using System.Globalization;
using System.Text.Json.Serialization;
using Portal.Core.Shared.Http;
using Portal.Core.Shared;

namespace Portal.Core.Features.Catalog;

public sealed record Characteristic(string Name, string Value);

/// <summary>A product as the catalog holds it in memory: parsed once per refresh, not per request.</summary>
public sealed record Product(
    string Sku,
    string Name,
    string Description,
    string CategoryId,
    string Unit,
    int UnitPrecision,
    decimal ListPrice,
    string DefaultWarehouseId,
    IReadOnlyList<Characteristic> Characteristics,
    IReadOnlyDictionary<string, decimal> Stock,
    bool Active,
    ProductKind Kind = ProductKind.Goods)
{
    public decimal AvailableQuantity => Stock.Values.Sum();

    /// <summary>A service (installation, an hour of work) has no stock and ships from no warehouse.</summary>
    public bool IsService => Kind == ProductKind.Service;

    /// <summary>What a warehouse holds of this product (0 when it holds none or is unknown).</summary>
    public decimal StockIn(string warehouseId) => Stock.TryGetValue(warehouseId, out var quantity) ? quantity : 0m;
}

/// <summary>Goods are kept in warehouses and shipped; a service is performed (no stock, no warehouse, often by the hour).</summary>
public enum ProductKind
{
    Goods,
    Service,
}

public sealed record Category(string Id, string Name, int SortOrder);

public sealed record Warehouse(string Id, string Name, string City);

// Views.

public sealed record CategoryView(string Id, string Name);

public sealed record ProductSummaryView(string Sku, string Name, string CategoryId, string CategoryName, string Unit, Money Price,
    decimal AvailableQuantity, string DefaultWarehouseId, ProductKind Kind = ProductKind.Goods);

public sealed record AvailabilityView(string WarehouseId, string WarehouseName, decimal Quantity);

public sealed record ProductView(string Sku, string Name, string Description, string CategoryId, string CategoryName, string Unit, int UnitPrecision,
    IReadOnlyList<Characteristic> Characteristics, Money Price, IReadOnlyList<AvailabilityView> Availability, string DefaultWarehouseId,
    ProductKind Kind = ProductKind.Goods);

public sealed record ComparisonProductView(string Sku, string Name, string Unit, Money Price);

public sealed record ComparisonRowView(string Name, IReadOnlyList<string?> Values, bool Differs);

public sealed record ComparisonView(IReadOnlyList<ComparisonProductView> Products, IReadOnlyList<ComparisonRowView> Rows);


// Company side: what the ERP or a clerk sends.

/// <summary>A category as staff edit it; <see cref="Version"/> is its ETag, sent back as If-Match to change it.</summary>
public sealed record CategoryAdminView(string Id, string Name, int SortOrder, string Version);

/// <summary>A warehouse as staff edit it; <see cref="Version"/> is its ETag, sent back as If-Match to change it.</summary>
public sealed record WarehouseAdminView(string Id, string Name, string City, string Version);

public sealed class ProductImport : IValidatable
{
    [JsonRequired] public string Sku { get; set; } = "";
    [JsonRequired] public string Name { get; set; } = "";
    public string? Description { get; set; }
    [JsonRequired] public string CategoryId { get; set; } = "";
    [JsonRequired] public string Unit { get; set; } = "";
    public int UnitPrecision { get; set; }
    [JsonRequired] public decimal Price { get; set; }
    /// <summary>Required for goods; a service has none.</summary>
    public string? DefaultWarehouseId { get; set; }
    public List<Characteristic>? Characteristics { get; set; }
    public Dictionary<string, decimal>? Stock { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Goods (the default) or a service.</summary>
    public ProductKind Kind { get; set; } = ProductKind.Goods;

    public void Validate(ValidationErrors errors) => Validate(errors, "");

    public void Validate(ValidationErrors errors, string prefix)
    {
        if (!CatalogRules.IsValidKey(Sku))
        {
            errors.Add(prefix + "sku", "Use 1–64 letters, digits, '-', '_' or '.'.");
        }
        errors.Required(prefix + "name", Name, 200);
        errors.Optional(prefix + "description", Description, 4000, multiline: true);
        if (!CatalogRules.IsValidKey(CategoryId))
        {
            errors.Add(prefix + "categoryId", "Use 1–64 letters, digits, '-', '_' or '.'.");
        }
        errors.Required(prefix + "unit", Unit, 20);
        if (UnitPrecision is < 0 or > 4)
        {
            errors.Add(prefix + "unitPrecision", "Use 0 to 4 decimal places.");
        }
        if (Price < 0 || Price > 100_000_000m || decimal.Round(Price, 4) != Price)
        {
            errors.Add(prefix + "price", "Enter a price from 0 with at most 4 decimal places.");
        }
        if (Kind == ProductKind.Service)
        {
            // A service is performed, not shipped: a warehouse or stock on it would be a mistake in the file.
            if (!string.IsNullOrEmpty(DefaultWarehouseId))
            {
                errors.Add(prefix + "defaultWarehouseId", "A service has no warehouse; leave it empty.");
            }
            if (Stock is { Count: > 0 })
            {
                errors.Add(prefix + "stock", "A service has no stock; leave it empty.");
            }
        }
        else if (!CatalogRules.IsValidKey(DefaultWarehouseId))
        {
            errors.Add(prefix + "defaultWarehouseId", "Name a warehouse id.");
        }
        if (Characteristics is { Count: > 50 } || Characteristics?.Any(c => string.IsNullOrWhiteSpace(c?.Name) || c.Name.Length > 100 || (c.Value?.Length ?? 0) > 500) == true)
        {
            errors.Add(prefix + "characteristics", "Give at most 50 characteristics, each with a name (≤100) and a value (≤500).");
        }
        if (Stock?.Any(s => !CatalogRules.IsValidKey(s.Key) || s.Value < 0 || s.Value > 1_000_000_000m) == true)
        {
            errors.Add(prefix + "stock", "Stock is warehouse id → a quantity from 0.");
        }
    }
}

public sealed class CategoryImport : IValidatable
{
    [JsonRequired] public string Id { get; set; } = "";
    [JsonRequired] public string Name { get; set; } = "";
    public int SortOrder { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (!CatalogRules.IsValidKey(Id))
        {
            errors.Add("id", "Use 1–64 letters, digits, '-', '_' or '.'.");
        }
        errors.Required("name", Name, 100);
    }
}

public sealed class WarehouseImport : IValidatable
{
    [JsonRequired] public string Id { get; set; } = "";
    [JsonRequired] public string Name { get; set; } = "";
    public string? City { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (!CatalogRules.IsValidKey(Id))
        {
            errors.Add("id", "Use 1–64 letters, digits, '-', '_' or '.'.");
        }
        errors.Required("name", Name, 100);
        errors.Optional("city", City, 100);
    }
}

public sealed class PriceImport : IValidatable
{
    [JsonRequired] public string CounterpartyId { get; set; } = "";
    [JsonRequired] public string Sku { get; set; } = "";
    /// <summary>The counterparty's price; null removes it so the list price applies again.</summary>
    public decimal? Price { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("counterpartyId", CounterpartyId, 64);
        if (!CatalogRules.IsValidKey(Sku))
        {
            errors.Add("sku", "Use 1–64 letters, digits, '-', '_' or '.'.");
        }
        if (Price is { } p && (p < 0 || p > 100_000_000m || decimal.Round(p, 4) != p))
        {
            errors.Add("price", "Enter a price from 0 with at most 4 decimal places.");
        }
    }
}

public static class CatalogRules
{
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

/// <summary>
/// CSV columns for a product import: sku, name, description, categoryId, unit, unitPrecision, price,
/// defaultWarehouseId, active, kind (goods or service; empty is goods), then any number of "stock:{warehouseId}" and "char:{characteristic}" columns.
/// </summary>
public static class ProductCsv
{
    public static ProductImport FromRow(Dictionary<string, string> row, int line) => new()
    {
        Sku = row.GetValueOrDefault("sku", ""),
        Name = row.GetValueOrDefault("name", ""),
        Description = row.GetValueOrDefault("description"),
        CategoryId = row.GetValueOrDefault("categoryId", ""),
        Unit = row.GetValueOrDefault("unit", ""),
        UnitPrecision = row.TryGetValue("unitPrecision", out var p) && p.Length > 0 ? ImportReader.ParseInt(row, "unitPrecision", line) : 0,
        Price = ImportReader.ParseDecimal(row, "price", line),
        DefaultWarehouseId = row.GetValueOrDefault("defaultWarehouseId", ""),
        Active = !row.TryGetValue("active", out var active) || active.Length == 0 || !active.Equals("false", StringComparison.OrdinalIgnoreCase),
        Kind = KindFromRow(row, line),
        Stock = row.Where(c => c.Key.StartsWith("stock:", StringComparison.OrdinalIgnoreCase) && c.Value.Length > 0)
            .ToDictionary(c => c.Key[6..], c => ImportReader.ParseDecimal(row, c.Key, line)),
        Characteristics = row.Where(c => c.Key.StartsWith("char:", StringComparison.OrdinalIgnoreCase) && c.Value.Length > 0)
            .Select(c => new Characteristic(c.Key[5..], c.Value)).ToList(),
    };

    private static ProductKind KindFromRow(Dictionary<string, string> row, int line) =>
        !row.TryGetValue("kind", out var text) || string.IsNullOrWhiteSpace(text) ? ProductKind.Goods
        : PortalJson.TryParseEnum<ProductKind>(text.Trim().ToLowerInvariant(), out var kind) ? kind
        : throw new FormatException($"Column 'kind' on line {line} must be goods or service.");

    public static PriceImport PriceFromRow(Dictionary<string, string> row, int line) => new()
    {
        CounterpartyId = row.GetValueOrDefault("counterpartyId", ""),
        Sku = row.GetValueOrDefault("sku", ""),
        Price = row.TryGetValue("price", out var price) && price.Length > 0 ? ImportReader.ParseDecimal(row, "price", line) : null,
    };
}
