using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Quotations;

/// <summary>
/// Quotations the company issues to a counterparty (a "document from supplier"). Kept in the Documents table,
/// in the counterparty's partition: the quotation row for reading by id and a list row for newest-first lists.
/// </summary>
public sealed class QuotationService(TableServiceClient tables, TimeProvider clock)
{
    public const string TableName = "Documents";
    private const string ListPrefix = "qlist:";

    private readonly TableClient _table = tables.GetTableClient(TableName);

    public async Task<ListPage<QuotationSummaryView>> ListAsync(string counterpartyId, string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var size = pageSize ?? 25;
        if (size is < 1 or > 100)
        {
            throw Problems.Validation("pageSize", "Use 1 to 100.");
        }
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {counterpartyId} and RowKey ge {ListPrefix} and RowKey lt {ListPrefix + "~"}");
        try
        {
            await foreach (var page in _table.QueryAsync<QuotationEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken)
                               .AsPages(ContinuationToken.Unwrap(continuation), size))
            {
                return new ListPage<QuotationSummaryView>(page.Values.Select(ToSummary).ToList(), ContinuationToken.Wrap(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && !string.IsNullOrEmpty(continuation))
        {
            throw Problems.Validation("continuation", "This continuation token is not valid; start again from the first page.");
        }
        return new ListPage<QuotationSummaryView>([], null);
    }

    public async Task<QuotationView> GetAsync(string counterpartyId, string id, CancellationToken cancellationToken)
    {
        var quotation = await ReadAsync(counterpartyId, id, cancellationToken) ?? throw Problems.NotFound("The quotation");
        return ToView(quotation);
    }

    /// <summary>The lines to put into the cart; an expired quotation can be read but not ordered from.</summary>
    public async Task<IReadOnlyList<(string Sku, string Name, decimal Quantity)>> LinesForCartAsync(string counterpartyId, string id, CancellationToken cancellationToken)
    {
        var quotation = await ReadAsync(counterpartyId, id, cancellationToken) ?? throw Problems.NotFound("The quotation");
        if (IsExpired(quotation))
        {
            throw new PortalProblemException(409, Problems.TypeBase + "quotation-expired", "This quotation has expired.",
                $"It was valid until {quotation.ValidUntil:yyyy-MM-dd}. Ask your supplier for a new one, or add the products to the cart yourself.");
        }
        return Lines(quotation).Select(l => (l.Sku, l.Name, l.Quantity)).ToList();
    }

    /// <summary>Creates or replaces the quotation with the company's number: sending it again changes nothing new.</summary>
    public async Task<QuotationView> UpsertAsync(string counterpartyId, string number, QuotationRequest request, string currency, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 50)
        {
            throw Problems.Validation("number", "Use 1–50 characters.");
        }
        var id = StableId.From("quotation", counterpartyId, number);
        var lines = request.Lines.Select(l => new QuotationLine(l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice,
            decimal.Round(l.Quantity * l.UnitPrice, 2, MidpointRounding.AwayFromZero))).ToList();
        var entity = new QuotationEntity
        {
            PartitionKey = counterpartyId,
            QuotationId = id,
            Number = number,
            Date = request.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ValidUntil = request.ValidUntil.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Lines = JsonSerializer.Serialize(lines, PortalJson.Options),
            Total = CatalogRules.Format(lines.Sum(l => l.LineTotal)),
            Currency = currency,
            Notes = request.Notes,
        };
        var old = await ReadAsync(counterpartyId, id, cancellationToken);
        var listRow = Clone(entity, ListRowKey(entity));
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, Clone(entity, "quotation:" + id)),
            new(TableTransactionActionType.UpsertReplace, listRow),
        };
        if (old is not null && old.ListRowKey != listRow.RowKey)
        {
            // The date changed, so the list row moves.
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(counterpartyId, old.ListRowKey), ETag.All));
        }
        await _table.SubmitTransactionAsync(actions, cancellationToken);
        return ToView(entity);
    }

    private static QuotationEntity Clone(QuotationEntity e, string rowKey)
    {
        return new QuotationEntity
        {
            PartitionKey = e.PartitionKey, RowKey = rowKey, QuotationId = e.QuotationId, Number = e.Number, Date = e.Date, ValidUntil = e.ValidUntil,
            Lines = e.Lines, Total = e.Total, Currency = e.Currency, Notes = e.Notes, ListRowKey = ListRowKey(e),
        };
    }

    /// <summary>Newest first: the date counted down from the maximum, fixed width, then the id.</summary>
    private static string ListRowKey(QuotationEntity e) => ListPrefix + (DateTime.MaxValue.Ticks - e.Date.Ticks).ToString("D19") + ":" + e.QuotationId;

    private async Task<QuotationEntity?> ReadAsync(string counterpartyId, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }
        var response = await _table.GetEntityIfExistsAsync<QuotationEntity>(counterpartyId, "quotation:" + id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private bool IsExpired(QuotationEntity q) => DateOnly.FromDateTime(q.ValidUntil) < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static List<QuotationLine> Lines(QuotationEntity q) => JsonSerializer.Deserialize<List<QuotationLine>>(q.Lines, PortalJson.Options) ?? [];

    private QuotationSummaryView ToSummary(QuotationEntity q) => new(q.QuotationId, q.Number, DateOnly.FromDateTime(q.Date), DateOnly.FromDateTime(q.ValidUntil),
        IsExpired(q), new Money(CatalogRules.Parse(q.Total), q.Currency), Lines(q).Count);

    private QuotationView ToView(QuotationEntity q) => new(q.QuotationId, q.Number, DateOnly.FromDateTime(q.Date), DateOnly.FromDateTime(q.ValidUntil), IsExpired(q),
        Lines(q).Select(l => new QuotationLineView(l.Sku, l.Name, l.Unit, l.Quantity, new Money(l.UnitPrice, q.Currency), new Money(l.LineTotal, q.Currency))).ToList(),
        new Money(CatalogRules.Parse(q.Total), q.Currency), q.Notes);
}

public sealed class QuotationEntity : TableRow
{

    public string QuotationId { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTime Date { get; set; }
    public DateTime ValidUntil { get; set; }
    public string Lines { get; set; } = "[]";
    public string Total { get; set; } = "0";
    public string Currency { get; set; } = "";
    public string? Notes { get; set; }
    public string ListRowKey { get; set; } = "";
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
