using System.Globalization;
using System.Text.Json;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Catalog;

/// <summary>
/// The company side of the catalog: upserts keyed by the company's own ids, and bulk import from NDJSON or CSV.
/// An import is checked whole first; one bad line refuses it all, so a file is never half applied.
/// </summary>
public sealed class CatalogAdminService(CatalogStore store, AccountService accounts)
{
    public async Task UpsertCategoryAsync(CategoryImport category, CancellationToken cancellationToken) =>
        await store.UpsertAsync(new CategoryEntity { RowKey = category.Id, Name = category.Name.Trim(), SortOrder = category.SortOrder }, cancellationToken);

    public async Task UpsertWarehouseAsync(WarehouseImport warehouse, CancellationToken cancellationToken) =>
        await store.UpsertAsync(new WarehouseEntity { RowKey = warehouse.Id, Name = warehouse.Name.Trim(), City = warehouse.City?.Trim() ?? "" }, cancellationToken);

    public async Task<ImportResult> ImportProductsAsync(IReadOnlyList<ProductImport> products, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        for (var i = 0; i < products.Count; i++)
        {
            var lineErrors = new ValidationErrors();
            products[i].Validate(lineErrors);
            try
            {
                lineErrors.ThrowIfAny();
            }
            catch (PortalProblemException ex)
            {
                errors.AddRange(ex.Errors!.SelectMany(e => e.Value.Select(m => new ImportError(i + 1, e.Key, m))));
                continue;
            }
            if (!snapshot.CategoriesById.ContainsKey(products[i].CategoryId))
            {
                errors.Add(new ImportError(i + 1, "categoryId", $"No category '{products[i].CategoryId}'; create it first."));
            }
            if (!snapshot.WarehousesById.ContainsKey(products[i].DefaultWarehouseId))
            {
                errors.Add(new ImportError(i + 1, "defaultWarehouseId", $"No warehouse '{products[i].DefaultWarehouseId}'; create it first."));
            }
            foreach (var warehouse in products[i].Stock?.Keys ?? Enumerable.Empty<string>())
            {
                if (!snapshot.WarehousesById.ContainsKey(warehouse))
                {
                    errors.Add(new ImportError(i + 1, "stock", $"No warehouse '{warehouse}'."));
                }
            }
        }
        foreach (var duplicate in products.Select((p, i) => (p.Sku, Line: i + 1)).GroupBy(p => p.Sku, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(duplicate.Last().Line, "sku", $"SKU {duplicate.Key} appears more than once in the file."));
        }
        if (errors.Count > 0)
        {
            throw ImportProblem(errors);
        }
        await store.UpsertProductsAsync(products.Select(p => new ProductEntity
        {
            RowKey = p.Sku,
            Name = p.Name.Trim(),
            Description = p.Description?.Trim() ?? "",
            CategoryId = p.CategoryId,
            Unit = p.Unit.Trim(),
            UnitPrecision = p.UnitPrecision,
            Price = Money.Store(p.Price),
            DefaultWarehouseId = p.DefaultWarehouseId,
            Characteristics = JsonSerializer.Serialize(p.Characteristics ?? [], PortalJson.Options),
            Stock = JsonSerializer.Serialize(p.Stock ?? [], PortalJson.Options),
            Active = p.Active,
        }).ToList(), cancellationToken);
        return new ImportResult(products.Count, []);
    }

    public async Task<ImportResult> ImportPricesAsync(IReadOnlyList<PriceImport> prices, CancellationToken cancellationToken)
    {
        var known = (await accounts.ListCounterpartiesAsync(cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        for (var i = 0; i < prices.Count; i++)
        {
            var lineErrors = new ValidationErrors();
            prices[i].Validate(lineErrors);
            try
            {
                lineErrors.ThrowIfAny();
            }
            catch (PortalProblemException ex)
            {
                errors.AddRange(ex.Errors!.SelectMany(e => e.Value.Select(m => new ImportError(i + 1, e.Key, m))));
            }
        }
        foreach (var counterparty in prices.Select(p => p.CounterpartyId).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct())
        {
            if (!known.Contains(counterparty))
            {
                errors.Add(new ImportError(prices.ToList().FindIndex(p => p.CounterpartyId == counterparty) + 1, "counterpartyId", $"No counterparty '{counterparty}'."));
            }
        }
        if (errors.Count > 0)
        {
            throw ImportProblem(errors);
        }
        foreach (var group in prices.GroupBy(p => p.CounterpartyId))
        {
            await store.UpsertPricesAsync(group.Key, group.Select(p => (p.Sku, p.Price)).ToList(), cancellationToken);
        }
        return new ImportResult(prices.Count, []);
    }

    private static PortalProblemException ImportProblem(List<ImportError> errors) =>
        Problems.Validation(
            errors.Take(200).GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            $"{errors.Count} problem(s) in the file; nothing was imported. Fix them and send the whole file again.");
}

/// <summary>Reads an import body: NDJSON (one JSON object a line) or CSV with a header row.</summary>
public static class ImportReader
{
    public const int MaxBytes = 8 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static async Task<List<T>> ReadAsync<T>(Microsoft.AspNetCore.Http.HttpRequest request, Func<Dictionary<string, string>, int, T> fromCsvRow,
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
        var rows = new List<T>();
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
                    rows.Add(JsonSerializer.Deserialize<T>(line, PortalJson.Options) ?? throw new JsonException("null"));
                }
                catch (JsonException ex)
                {
                    errors[$"line {lineNumber}"] = [$"Not a valid record: {ex.Message.Split(". Path")[0]}"];
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
                    rows.Add(fromCsvRow(record, lineNumber));
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

    private static void CheckRowCount(int count)
    {
        if (count > MaxRows)
        {
            throw Problems.Validation("file", $"Send at most {MaxRows} records per file.");
        }
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
}
