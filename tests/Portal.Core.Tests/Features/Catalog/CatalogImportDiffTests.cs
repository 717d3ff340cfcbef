using Portal.Core.Features.Catalog;

namespace Portal.Core.Tests.Features.Catalog;

public sealed class CatalogImportDiffTests
{
    private static readonly Product Stored = new("HT-1", "Tape measure 5 m", "Steel blade", "hand-tools", "pcs", 0, 12.90m, "central",
        [new Characteristic("Colour", "Yellow")], new Dictionary<string, decimal> { ["central"] = 40m, ["north"] = 5m }, true);

    private static ProductImport Same() => new()
    {
        Sku = "HT-1", Name = " Tape measure 5 m ", Description = "Steel blade", CategoryId = "hand-tools", Unit = "pcs", Price = 12.9000m,
        DefaultWarehouseId = "central", Characteristics = [new Characteristic("Colour", "Yellow")],
        Stock = new Dictionary<string, decimal> { ["north"] = 5.0m, ["central"] = 40m }, Active = true,
    };

    private static Dictionary<string, Product> Catalog() => new(StringComparer.OrdinalIgnoreCase) { ["HT-1"] = Stored };

    [Fact]
    public void A_row_the_import_would_store_as_it_is_has_no_changes()
    {
        // Trimmed text, the same decimal at another scale and stock in another order are what is stored already.
        Assert.Empty(CatalogImportDiff.Changes(Stored, Same()));
    }

    [Fact]
    public void Each_changed_field_is_named_with_its_old_and_new_value()
    {
        var row = Same();
        row.Price = 13.50m;
        row.Description = null;
        row.Stock = new Dictionary<string, decimal> { ["central"] = 38m };
        row.Characteristics = [new Characteristic("Colour", "Yellow"), new Characteristic("Length", "5 m")];
        row.Active = false;

        var changes = CatalogImportDiff.Changes(Stored, row);

        Assert.Equal(
        [
            new FieldChange("description", "Steel blade", null),
            new FieldChange("price", "12.90", "13.50"),
            new FieldChange("characteristics", "Colour: Yellow", "Colour: Yellow; Length: 5 m"),
            new FieldChange("stock", "central: 40; north: 5", "central: 38"),
            new FieldChange("active", "yes", "no"),
        ], changes);
    }

    [Fact]
    public void A_file_is_counted_in_full_and_listed_up_to_the_limit_with_its_file_lines()
    {
        var file = new List<ProductImport> { Same() };
        for (var i = 0; i < 5; i++)
        {
            file.Add(new ProductImport { Sku = $"NEW-{i}", Name = $"New {i}", CategoryId = "hand-tools", Unit = "pcs", Price = 1, DefaultWarehouseId = "central" });
        }
        var changed = Same();
        changed.Name = "Tape measure 8 m";
        file.Add(changed);

        var preview = CatalogImportDiff.Products(file, i => i + 2, Catalog(), listLimit: 3);

        Assert.Equal((7, 5, 1, 1), (preview.Total, preview.NewCount, preview.ChangedCount, preview.UnchangedCount));
        Assert.Equal(["NEW-0", "NEW-1", "NEW-2"], preview.New.Select(p => p.Sku));
        Assert.Equal(3, preview.New[0].Line);
        Assert.Equal(8, Assert.Single(preview.Changed).Line);
    }

    [Fact]
    public void Prices_are_new_changed_removed_or_unchanged_against_the_counterpartys_current_prices()
    {
        var current = new Dictionary<string, decimal> { ["HT-1"] = 11m };
        PriceImport Row(string sku, decimal? price) => new() { CounterpartyId = "northwind", Sku = sku, Price = price };
        var products = new Dictionary<string, Product>(StringComparer.OrdinalIgnoreCase) { ["HT-1"] = Stored, ["HT-2"] = Stored with { Sku = "HT-2" } };

        var changed = CatalogImportDiff.Prices([Row("ht-1", 10.5m), Row("HT-2", null)], i => i + 2, products, _ => current, _ => "Northwind");
        Assert.Equal((0, 1, 0, 1), (changed.NewCount, changed.ChangedCount, changed.RemovedCount, changed.UnchangedCount));
        Assert.Equal(new PricePreviewLine(2, "northwind", "Northwind", "HT-1", "Tape measure 5 m", "11", "10.5"), Assert.Single(changed.Changed));

        var removedAndNew = CatalogImportDiff.Prices([Row("HT-1", null), Row("HT-2", 3m)], i => i + 2, products, _ => current, _ => "Northwind");
        Assert.Equal((1, 0, 1, 0), (removedAndNew.NewCount, removedAndNew.ChangedCount, removedAndNew.RemovedCount, removedAndNew.UnchangedCount));

        var same = CatalogImportDiff.Prices([Row("HT-1", 11.00m)], i => i + 2, products, _ => current, _ => "Northwind");
        Assert.Equal(1, same.UnchangedCount);
    }
}
