using Portal.Core.Shared.Http;
using Portal.Core.Features.Catalog;

namespace Portal.Core.Tests.Features.Catalog;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_may_hold_commas_and_doubled_quotes() =>
        Assert.Equal(["HT-1", "Tape measure 5 m, \"pro\"", "12.90", ""], Csv.ParseLine("HT-1,\"Tape measure 5 m, \"\"pro\"\"\",12.90,"));

    [Fact]
    public void A_product_row_reads_stock_and_characteristic_columns()
    {
        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["sku"] = "HT-1", ["name"] = "Tape", ["categoryId"] = "hand-tools", ["unit"] = "pcs", ["price"] = "12.90",
            ["defaultWarehouseId"] = "central", ["stock:central"] = "40", ["stock:north"] = "", ["char:Colour"] = "Yellow",
        };

        var product = ProductCsv.FromRow(row, 2);

        Assert.Equal(12.90m, product.Price);
        Assert.Equal(new Dictionary<string, decimal> { ["central"] = 40m }, product.Stock);
        Assert.Equal([new Characteristic("Colour", "Yellow")], product.Characteristics);
        Assert.True(product.Active);
    }

    [Fact]
    public void A_price_that_is_not_a_number_names_the_column_and_line()
    {
        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["sku"] = "X", ["price"] = "twelve" };

        var error = Assert.Throws<FormatException>(() => ProductCsv.FromRow(row, 7));

        Assert.Contains("'price'", error.Message);
        Assert.Contains("line 7", error.Message);
    }
}
