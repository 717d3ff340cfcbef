using System.Text.Json.Serialization;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Quotations the company issues to a counterparty, the first of the documents from supplier. Stored by
/// <see cref="DocumentStore"/> like every document type; an expired quotation can be read but not ordered.
/// </summary>
public sealed class QuotationService(DocumentStore store, AccountService accounts, SettingsStore settings, TimeProvider clock)
{
    public const string Type = "quotations";

    public Task<ListPage<QuotationSummaryView>> ListAsync(CounterpartyScope scope, string? continuation, int? pageSize, CancellationToken cancellationToken) =>
        store.ListAsync<QuotationEntity, QuotationSummaryView>(scope, Type, null, null, continuation, pageSize, ToSummary, cancellationToken);

    public async Task<QuotationView> GetAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken) =>
        ToView(await ReadAsync(scope, id, cancellationToken));

    /// <summary>The lines to put into the cart; an expired quotation can be read but not ordered from.</summary>
    public async Task<IReadOnlyList<(string Sku, string Name, decimal Quantity)>> LinesForCartAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken)
    {
        var quotation = await ReadAsync(scope, id, cancellationToken);
        if (IsExpired(quotation))
        {
            throw new PortalProblemException(409, Problems.TypeBase + "quotation-expired", "This quotation has expired.",
                $"It was valid until {quotation.ValidUntil:yyyy-MM-dd}. Ask your supplier for a new one, or add the products to the cart yourself.");
        }
        return Lines(quotation).Select(l => (l.Sku, l.Name, l.Quantity)).ToList();
    }

    /// <summary>
    /// Issues (or re-issues) the quotation with the company's number, in the company currency: sending it again changes
    /// nothing new. An unknown counterparty is a 404.
    /// </summary>
    public async Task<QuotationView> UpsertAsync(CounterpartyScope scope, string number, QuotationRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 50)
        {
            throw Problems.Validation("number", "Use 1–50 characters.");
        }
        await accounts.GetCounterpartyAsync(scope.CounterpartyId, cancellationToken);
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        var id = StableId.From("quotation", scope.CounterpartyId, number);
        var lines = request.Lines.Select(l => new QuotationLine(l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice, Money.LineTotal(l.UnitPrice, l.Quantity))).ToList();
        QuotationEntity Row(string rowKey) => new()
        {
            RowKey = rowKey,
            DocumentId = id,
            Number = number,
            Date = request.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ValidUntil = request.ValidUntil.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Lines = JsonColumn.Write(lines),
            Total = Money.Store(lines.Sum(l => l.LineTotal)),
            Currency = currency,
            Notes = request.Notes,
        };
        await store.UpsertAsync(scope, Type, id, request.Date, Row, cancellationToken);
        return ToView(Row(DocumentKeys.Document(Type, id)));
    }

    private async Task<QuotationEntity> ReadAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken) =>
        await store.ReadAsync<QuotationEntity>(scope, Type, id, cancellationToken) ?? throw Problems.NotFound("The quotation");

    private bool IsExpired(QuotationEntity q) => DateOnly.FromDateTime(q.ValidUntil) < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static List<QuotationLine> Lines(QuotationEntity q) => JsonColumn.Read<QuotationLine>(q.Lines);

    private QuotationSummaryView ToSummary(QuotationEntity q) => new(q.DocumentId, q.Number, DateOnly.FromDateTime(q.Date), DateOnly.FromDateTime(q.ValidUntil),
        IsExpired(q), new Money(Money.Read(q.Total), q.Currency), Lines(q).Count);

    private QuotationView ToView(QuotationEntity q) => new(q.DocumentId, q.Number, DateOnly.FromDateTime(q.Date), DateOnly.FromDateTime(q.ValidUntil), IsExpired(q),
        Lines(q).Select(l => new QuotationLineView(l.Sku, l.Name, l.Unit, l.Quantity, new Money(l.UnitPrice, q.Currency), new Money(l.LineTotal, q.Currency))).ToList(),
        new Money(Money.Read(q.Total), q.Currency), q.Notes);
}

public sealed class QuotationEntity : DocumentRow
{
    public DateTime ValidUntil { get; set; }
    public string Lines { get; set; } = "[]";
    public string Total { get; set; } = "0";
    public string Currency { get; set; } = "";
    public string? Notes { get; set; }
}

public sealed record QuotationLine(string Sku, string Name, string Unit, decimal Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record QuotationSummaryView(string Id, string Number, DateOnly Date, DateOnly ValidUntil, bool Expired, Money Total, int LineCount);

public sealed record QuotationLineView(string Sku, string Name, string Unit, decimal Quantity, Money UnitPrice, Money LineTotal);

public sealed record QuotationView(string Id, string Number, DateOnly Date, DateOnly ValidUntil, bool Expired, IReadOnlyList<QuotationLineView> Lines, Money Total, string? Notes);

public sealed class QuotationRequest : IValidatable
{
    [JsonRequired] public DateOnly Date { get; set; }
    [JsonRequired] public DateOnly ValidUntil { get; set; }
    [JsonRequired] public List<QuotationLineRequest> Lines { get; set; } = [];
    public string? Notes { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (ValidUntil < Date)
        {
            errors.Add("validUntil", "A quotation cannot expire before its date.");
        }
        if (Lines is null || Lines.Count is 0 or > 100)
        {
            errors.Add("lines", "Give 1 to 100 lines.");
            return;
        }
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line is null)
            {
                errors.Add($"lines[{i}]", "Give the line.");
                continue;
            }
            errors.Required($"lines[{i}].sku", line.Sku, 64);
            errors.Required($"lines[{i}].name", line.Name, 200);
            errors.Required($"lines[{i}].unit", line.Unit, 20);
            if (line.Quantity <= 0 || line.Quantity > 1_000_000m)
            {
                errors.Add($"lines[{i}].quantity", "Enter a quantity above zero.");
            }
            if (line.UnitPrice < 0 || line.UnitPrice > 100_000_000m)
            {
                errors.Add($"lines[{i}].unitPrice", "Enter a price from 0.");
            }
        }
        errors.Optional("notes", Notes, 2000);
    }
}

public sealed class QuotationLineRequest
{
    [JsonRequired] public string Sku { get; set; } = "";
    [JsonRequired] public string Name { get; set; } = "";
    [JsonRequired] public string Unit { get; set; } = "";
    [JsonRequired] public decimal Quantity { get; set; }
    [JsonRequired] public decimal UnitPrice { get; set; }
}
