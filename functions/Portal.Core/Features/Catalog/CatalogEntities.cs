using Portal.Core.Shared;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Catalog;

public static class CatalogTables
{
    /// <summary>Company-wide reference data (products, categories, warehouses, prices): small, read through a cached snapshot.</summary>
    public const string Catalog = "Catalog";
}

// The company-wide catalog: products, categories, warehouses and per-counterparty prices, all in the Catalog
// table. It is reference data read on every catalog and cart request, so CatalogStore keeps it in memory.

public sealed class ProductEntity : TableRow
{
    public const string Partition = "product";

    public ProductEntity()
    {
        PartitionKey = Partition;
    }

    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string CategoryId { get; set; } = "";
    public string Unit { get; set; } = "pcs";
    /// <summary>Decimal places a quantity of this product may have (0 for pieces, 3 for kilograms…).</summary>
    public int UnitPrecision { get; set; }
    /// <summary>List price as an invariant decimal string (money is never a double).</summary>
    public string Price { get; set; } = "0";
    public string DefaultWarehouseId { get; set; } = "";
    /// <summary>JSON array of {name, value}.</summary>
    public string Characteristics { get; set; } = "[]";
    /// <summary>JSON object warehouseId → quantity on hand.</summary>
    public string Stock { get; set; } = "{}";
    /// <summary>A withdrawn product stays for history but can no longer be seen or ordered.</summary>
    public bool Active { get; set; } = true;
    /// <summary>Goods or Service (<see cref="ProductKind"/>); rows written before services existed are goods.</summary>
    public string Kind { get; set; } = nameof(ProductKind.Goods);
}

public sealed class CategoryEntity : TableRow
{
    public const string Partition = "category";

    public CategoryEntity()
    {
        PartitionKey = Partition;
    }

    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class WarehouseEntity : TableRow
{
    public const string Partition = "warehouse";

    public WarehouseEntity()
    {
        PartitionKey = Partition;
    }

    public string Name { get; set; } = "";
    public string City { get; set; } = "";
}

/// <summary>A counterparty's own price for a product (PartitionKey "price:{counterpartyId}", RowKey sku).</summary>
public sealed class PriceEntity : TableRow
{
    public static string PartitionFor(string counterpartyId) => "price:" + counterpartyId;


    public string Price { get; set; } = "0";
}
