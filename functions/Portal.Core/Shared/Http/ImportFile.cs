using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Portal.Core.Shared.Http;

// Files that staff or the ERP send (catalog, prices, documents): CSV or NDJSON, read whole and checked whole before
// anything is written, and CSV written back (document list exports) so that Excel opens it safely.

/// <summary>The outcome of an import: how many records were applied, or what is wrong with which line.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors);

public sealed record ImportError(int Line, string Field, string Message);

/// <summary>The records of an import file with the line of the file each came from (the header is line 1 of a CSV).</summary>
public sealed class ImportRows<T> : List<T>
{
    private readonly List<int> _lines = [];

    public void Add(T row, int line)
    {
        Add(row);
        _lines.Add(line);
    }

    public int LineOf(int index) => index < _lines.Count ? _lines[index] : index + 1;
}

/// <summary>Reads an import body: NDJSON (one JSON object a line) or CSV with a header row.</summary>
public static class ImportReader
{
    public const int MaxBytes = 8 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static async Task<ImportRows<T>> ReadAsync<T>(Microsoft.AspNetCore.Http.HttpRequest request, Func<Dictionary<string, string>, int, T> fromCsvRow,
        CancellationToken cancellationToken) where T : class
    {
        var contentType = request.ContentType ?? "";
        var isCsv = contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase);
        var isNdjson = contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) ||
                       contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase);
        if (!isCsv && !isNdjson)
        {
            throw new PortalProblemException(415, Problems.TypeBase + "unsupported-media-type", "Send the file as text/csv or application/x-ndjson.");
        }
        if (request.ContentLength > MaxBytes)
        {
            throw Problems.BodyTooLarge(MaxBytes);
        }
        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (limited.Length + read > MaxBytes)
            {
                throw Problems.BodyTooLarge(MaxBytes);
            }
            limited.Write(buffer, 0, read);
        }
        limited.Position = 0;
        using var reader = new StreamReader(limited);
        var rows = new ImportRows<T>();
        var errors = new Dictionary<string, string[]>();
        if (isNdjson)
        {
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                try
                {
                    rows.Add(JsonSerializer.Deserialize<T>(line, PortalJson.Options) ?? throw new JsonException("null"), lineNumber);
                }
                catch (JsonException ex)
                {
                    errors[$"line {lineNumber}"] = [$"Not a valid record: {RequestBody.Explain(ex)}"];
                }
                CheckRowCount(rows.Count);
            }
        }
        else
        {
            var header = Csv.ParseLine(await reader.ReadLineAsync(cancellationToken) ?? "");
            var lineNumber = 1;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var cells = Csv.ParseLine(line);
                var record = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < header.Count && c < cells.Count; c++)
                {
                    record[header[c].Trim()] = cells[c];
                }
                try
                {
                    rows.Add(fromCsvRow(record, lineNumber), lineNumber);
                }
                catch (FormatException ex)
                {
                    errors[$"line {lineNumber}"] = [ex.Message];
                }
                CheckRowCount(rows.Count);
            }
        }
        if (errors.Count > 0)
        {
            throw Problems.Validation(errors, "Some lines could not be read; nothing was imported.");
        }
        if (rows.Count == 0)
        {
            throw Problems.MalformedBody("The file has no records.");
        }
        return rows;
    }

    /// <summary>The file line of the record at <paramref name="index"/>; a list that came from a JSON body counts records.</summary>
    public static int LineOf<T>(IReadOnlyList<T> rows, int index) => rows is ImportRows<T> file ? file.LineOf(index) : index + 1;

    private static void CheckRowCount(int count)
    {
        if (count > MaxRows)
        {
            throw Problems.Validation("file", $"Send at most {MaxRows} records per file.");
        }
    }

    public static int ParseInt(Dictionary<string, string> row, string column, int line)
    {
        if (!row.TryGetValue(column, out var text) || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Column '{column}' on line {line} must be a whole number like 2.");
        }
        return value;
    }

    public static decimal ParseDecimal(Dictionary<string, string> row, string column, int line)
    {
        if (!row.TryGetValue(column, out var text) || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Column '{column}' on line {line} must be a number like 12.50.");
        }
        return value;
    }
}

/// <summary>RFC 4180 CSV lines: quoted fields, doubled quotes inside quotes. Fields do not span lines here.</summary>
public static class Csv
{
    public static List<string> ParseLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>
    /// A CSV file for Excel: UTF-8 with a byte-order mark (so Excel reads accents right), CRLF lines, fields quoted
    /// where needed, and any cell starting with = + - @ (or a tab or carriage return) prefixed with an apostrophe so
    /// Excel shows it as text instead of running it as a formula (CSV injection).
    /// </summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny(['"', ',', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string?> cells) => text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
