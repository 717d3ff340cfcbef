using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Returns;

/// <summary>An invoice line as the returnable arithmetic needs it: its position, what it is, how many were invoiced, how precise its unit is.</summary>
public sealed record InvoiceLineToReturn(int LineNumber, string? Sku, string Name, string? Unit, decimal Invoiced, int Precision);

/// <summary>A line a customer asks to return.</summary>
public sealed record RequestedLine(int LineNumber, decimal Quantity);

/// <summary>
/// The returnable quantity of an invoice line: what was invoiced minus what the counterparty's other RMA requests
/// claim of it (sent, in progress or completed ones; rejected ones and drafts claim nothing). A pure rule.
/// </summary>
public static class Returnable
{
    public const int MaxLines = 100;

    /// <summary>What each invoice line has claimed, by line number, leaving out the claims of <paramref name="exceptRmaId"/>.</summary>
    public static Dictionary<int, decimal> Claimed(IEnumerable<RmaClaim> claims, string? exceptRmaId = null) =>
        claims.Where(c => c.RmaId != exceptRmaId).GroupBy(c => c.LineNumber).ToDictionary(g => g.Key, g => g.Sum(c => c.Quantity));

    /// <summary>How much of a line can still be asked for: never below zero.</summary>
    public static decimal Left(decimal invoiced, decimal claimed) => Math.Max(0m, invoiced - claimed);

    /// <summary>The decimal places a quantity uses (2.50 uses 1, 3 uses 0): the precision of an invoice line whose product the catalog does not know.</summary>
    public static int PrecisionOf(decimal quantity)
    {
        var normalized = quantity / 1.0000000000000000000000000000m; // drops trailing zeros
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }

    /// <summary>
    /// Checks the requested lines against the invoice and the claims of the other requests; every wrong line is
    /// reported at once, by its position in the request (<c>lines[i].quantity</c>).
    /// </summary>
    public static void Check(ValidationErrors errors, IReadOnlyList<InvoiceLineToReturn> invoice, IReadOnlyList<RequestedLine> requested,
        IReadOnlyDictionary<int, decimal> claimedByOthers)
    {
        if (requested.Count == 0)
        {
            errors.Add("lines", "Choose at least one line of the invoice to return.");
            return;
        }
        if (requested.Count > MaxLines)
        {
            errors.Add("lines", $"Return at most {MaxLines} lines in one request.");
            return;
        }
        var byNumber = invoice.ToDictionary(l => l.LineNumber);
        var seen = new HashSet<int>();
        for (var i = 0; i < requested.Count; i++)
        {
            var line = requested[i];
            if (!byNumber.TryGetValue(line.LineNumber, out var invoiced))
            {
                errors.Add($"lines[{i}].lineNumber", "This invoice has no such line.");
                continue;
            }
            if (!seen.Add(line.LineNumber))
            {
                errors.Add($"lines[{i}].lineNumber", "This line is already in the request; give its quantity once.");
                continue;
            }
            var unit = string.IsNullOrWhiteSpace(invoiced.Unit) ? "units" : invoiced.Unit;
            if (line.Quantity <= 0)
            {
                errors.Add($"lines[{i}].quantity", "Enter a quantity above zero.");
                continue;
            }
            if (decimal.Round(line.Quantity, invoiced.Precision) != line.Quantity)
            {
                errors.Add($"lines[{i}].quantity", invoiced.Precision == 0 ? $"Return whole {unit}." : $"Use at most {invoiced.Precision} decimal places for {unit}.");
                continue;
            }
            var left = Left(invoiced.Invoiced, claimedByOthers.GetValueOrDefault(line.LineNumber));
            if (line.Quantity > left)
            {
                errors.Add($"lines[{i}].quantity", left == 0
                    ? $"Nothing of {invoiced.Name} is left to return: other RMA requests already claim all {invoiced.Invoiced} {unit}."
                    : $"Only {left} {unit} of {invoiced.Name} can still be returned (invoiced {invoiced.Invoiced}, other RMA requests claim {invoiced.Invoiced - left}).");
            }
        }
    }

    /// <summary>The claims after a request is sent: its own entries replaced by its lines.</summary>
    public static List<RmaClaim> WithClaim(IEnumerable<RmaClaim> claims, string rmaId, IEnumerable<RmaLine> lines) =>
        claims.Where(c => c.RmaId != rmaId).Concat(lines.Select(l => new RmaClaim(rmaId, l.LineNumber, l.Quantity))).ToList();

    /// <summary>The claims after a request is rejected: its entries gone.</summary>
    public static List<RmaClaim> WithoutClaim(IEnumerable<RmaClaim> claims, string rmaId) => claims.Where(c => c.RmaId != rmaId).ToList();
}
