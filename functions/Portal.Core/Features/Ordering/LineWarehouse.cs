using Portal.Core.Features.Catalog;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// Which warehouse a line ships from when it comes into the cart from somewhere else (an earlier order, a swap). A pure
/// rule: the product and the catalog's warehouses go in, the warehouse comes out.
/// </summary>
public static class LineWarehouse
{
    /// <summary>The warehouse id of a service line: services ship from no warehouse.</summary>
    public const string None = "";

    /// <summary>
    /// Keeps <paramref name="preferred"/> while it exists and still stocks the product (the buyer chose it, or the
    /// earlier order shipped from it). Otherwise the product's default warehouse if it has stock, else the one with
    /// the most, so the line does not wait for a restock; when nobody has stock, the preferred warehouse if it
    /// still exists, else the default. A service always gets <see cref="None"/>.
    /// </summary>
    public static string Choose(Product product, string? preferred, IReadOnlyDictionary<string, Warehouse> warehouses)
    {
        if (product.IsService)
        {
            return None;
        }
        bool Exists(string? id) => !string.IsNullOrEmpty(id) && warehouses.ContainsKey(id);
        if (Exists(preferred) && product.StockIn(preferred!) > 0)
        {
            return preferred!;
        }
        if (Exists(product.DefaultWarehouseId) && product.StockIn(product.DefaultWarehouseId) > 0)
        {
            return product.DefaultWarehouseId;
        }
        var stocked = product.Stock
            .Where(s => s.Value > 0 && warehouses.ContainsKey(s.Key))
            .OrderByDescending(s => s.Value)
            .ThenBy(s => warehouses[s.Key].Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(s => s.Key)
            .FirstOrDefault();
        return stocked ?? (Exists(preferred) ? preferred! : product.DefaultWarehouseId);
    }
}
