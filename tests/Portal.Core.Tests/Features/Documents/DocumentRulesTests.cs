using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Tests.Features.Documents;

public sealed class SupplierFileRulesTests
{
    [Theory]
    [InlineData("northwind/invoices/INV-2026-0001.pdf", "northwind", "invoices", "INV-2026-0001", "pdf")]
    [InlineData("contoso/tax-invoices/TI.1.PDF", "contoso", "tax-invoices", "TI.1", "pdf")]
    [InlineData("fabrikam/reconciliation-statements/RS-2026-10.xlsx", "fabrikam", "reconciliation-statements", "RS-2026-10", "xlsx")]
    public void A_name_following_the_convention_says_whose_document_it_is(string blob, string counterparty, string type, string number, string extension) =>
        Assert.Equal(new DocumentBlobName(counterparty, type, number, extension), SupplierFileRules.ParseDocumentBlob(blob).Name);

    [Theory]
    [InlineData("INV-1.pdf", "must be")]
    [InlineData("northwind/invoices/sub/INV-1.pdf", "must be")]
    [InlineData("northwind/receipts/R-1.pdf", "not a document type")]
    [InlineData("northwind/invoices/INV-1", "needs an extension")]
    [InlineData("northwind/invoices/INV-1.exe", "not accepted")]
    [InlineData("northwind/invoices/INV 1.pdf", "not a document number")]
    [InlineData("north#wind/invoices/INV-1.pdf", "counterparty id")]
    public void A_name_that_breaks_the_convention_is_refused_with_the_reason(string blob, string reason)
    {
        var (name, why) = SupplierFileRules.ParseDocumentBlob(blob);

        Assert.Null(name);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void Files_up_to_50_MB_are_accepted() =>
        Assert.Equal((null, true), (SupplierFileRules.CheckSize(SupplierFileRules.MaxBytes), SupplierFileRules.CheckSize(SupplierFileRules.MaxBytes + 1) is not null));
}

public sealed class DocumentRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(DocumentStatus.Unpaid, -1, true)]
    [InlineData(DocumentStatus.PartiallyPaid, -1, true)]
    [InlineData(DocumentStatus.Unpaid, 0, false)]
    [InlineData(DocumentStatus.Paid, -30, false)]
    public void An_invoice_is_overdue_when_unpaid_after_its_due_date(DocumentStatus status, int dueInDays, bool overdue) =>
        Assert.Equal(overdue, DocumentRules.IsOverdue(DocumentTypes.Invoices, status, Today.AddDays(dueInDays), Today));

    [Fact]
    public void A_quotation_can_be_ordered_from_until_its_last_valid_day()
    {
        Assert.True(DocumentRules.IsOrderable(DocumentTypes.Quotations, DocumentStatus.Issued, Today, Today));
        Assert.False(DocumentRules.IsOrderable(DocumentTypes.Quotations, DocumentStatus.Issued, Today.AddDays(-1), Today));
        Assert.False(DocumentRules.IsOrderable(DocumentTypes.Quotations, DocumentStatus.Canceled, Today.AddDays(5), Today));
        Assert.False(DocumentRules.IsOrderable(DocumentTypes.Invoices, DocumentStatus.Issued, Today.AddDays(5), Today));
    }

    [Fact]
    public void Each_type_starts_in_its_first_status() =>
        Assert.Equal(DocumentStatus.Unpaid, DocumentTypes.StatusesOf(DocumentTypes.Invoices)[0]);
}

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Cells_that_Excel_would_run_as_formulas_are_shown_as_text(string value, string cell) => Assert.Equal(cell, Csv.Cell(value));
}

public sealed class CompressedJsonColumnTests
{
    private sealed record Line(string Sku, string Name, decimal Quantity);

    [Fact]
    public void A_short_list_stays_plain_json_and_a_long_one_is_compressed_into_chunks_that_read_back_whole()
    {
        var few = Enumerable.Range(1, 3).Select(i => new Line($"S{i}", "Hammer", i)).ToList();
        var many = Enumerable.Range(1, 5000).Select(i => new Line($"SKU-{i}", $"Product {i} with a longer name than most", i)).ToList();

        var small = CompressedJsonColumn.Write(few)!.Value;
        var large = CompressedJsonColumn.Write(many)!.Value;

        Assert.NotNull(small.Json);
        Assert.Null(large.Json);
        Assert.All(large.Chunks, c => Assert.True(c.Length <= CompressedJsonColumn.ChunkBytes));
        Assert.Equal(few, CompressedJsonColumn.Read<Line>(small.Json));
        Assert.Equal(many, CompressedJsonColumn.Read<Line>(null, large.Chunks));
    }
}
