using System.Globalization;

namespace Portal.Core.Features.Ordering;

/// <summary>One line of a quick order as typed: where it was, the SKU, and the quantity or why it is not one.</summary>
public sealed record QuickOrderEntry(int Line, string Sku, decimal? Quantity, string? Problem);

/// <summary>
/// Reads a pasted or uploaded quick order: one "SKU, quantity" a line. Comma, semicolon or tab separate the two (what
/// a spreadsheet copies or saves); with a semicolon or tab a decimal comma is understood too. Blank lines are skipped,
/// and so is a first line that is a header ("sku, quantity"). Line numbers are the text's own, so a buyer finds the
/// line in their file. A pure rule: text in, entries out.
/// </summary>
public static class QuickOrderText
{
    public const int MaxLines = CartRules.MaxLines;

    public static IReadOnlyList<QuickOrderEntry> Parse(string text)
    {
        var entries = new List<QuickOrderEntry>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var first = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].Trim();
            if (raw.Length == 0)
            {
                continue;
            }
            var separator = raw.Contains('\t') ? '\t' : raw.Contains(';') ? ';' : ',';
            var cells = raw.Split(separator).Select(c => c.Trim().Trim('"').Trim()).ToArray();
            var isFirst = first;
            first = false;
            if (isFirst && cells[0].Equals("sku", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var line = i + 1;
            var sku = cells[0];
            if (sku.Length == 0)
            {
                entries.Add(new QuickOrderEntry(line, "", null, "Name the product's SKU before the quantity."));
                continue;
            }
            if (cells.Length < 2 || cells[1].Length == 0)
            {
                entries.Add(new QuickOrderEntry(line, sku, null, "Give a quantity after the SKU, e.g. \"" + sku + ", 2\"."));
                continue;
            }
            if (cells.Length > 2 && cells.Skip(2).Any(c => c.Length > 0))
            {
                entries.Add(new QuickOrderEntry(line, sku, null, "Write only the SKU and the quantity on a line."));
                continue;
            }
            var quantityText = separator == ',' ? cells[1] : cells[1].Replace(',', '.');
            if (!decimal.TryParse(quantityText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
            {
                entries.Add(new QuickOrderEntry(line, sku, null, $"\"{cells[1]}\" is not a quantity; write a number like 2 or 1.5."));
                continue;
            }
            if (quantity <= 0)
            {
                entries.Add(new QuickOrderEntry(line, sku, null, "Enter a quantity above zero."));
                continue;
            }
            if (quantity > CartRules.MaxQuantity)
            {
                entries.Add(new QuickOrderEntry(line, sku, null, $"Enter at most {CartRules.MaxQuantity:N0}; for more, contact your supplier."));
                continue;
            }
            entries.Add(new QuickOrderEntry(line, sku, quantity, null));
        }
        return entries;
    }
}
