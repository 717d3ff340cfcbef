using System.Text;
using System.Text.Json;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Catalog;

/// <summary>
/// What a customer sees of the catalog. Every method applies the caller's access group: a product in a category
/// the group does not allow is "not found" by every route, not only missing from the list.
/// </summary>
public sealed class CatalogService(CatalogStore store, CategoryAccess access, SettingsStore settings)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    public async Task<List<CategoryView>> ListCategoriesAsync(Caller caller, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var allowed = await access.AllowedCategoriesAsync(caller, cancellationToken);
        return snapshot.Categories.Where(c => allowed is null || allowed.Contains(c.Id)).Select(c => new CategoryView(c.Id, c.Name)).ToList();
    }

    public async Task<List<Warehouse>> ListWarehousesAsync(CancellationToken cancellationToken) =>
        (await store.GetSnapshotAsync(cancellationToken)).Warehouses.ToList();

    public async Task<ListPage<ProductSummaryView>> ListProductsAsync(Caller caller, string? search, string? category, string? continuation, int? pageSize,
        CancellationToken cancellationToken)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw Problems.Validation("pageSize", $"Use 1 to {MaxPageSize}.");
        }
        if (search is { Length: > 100 })
        {
            throw Problems.Validation("search", "Use at most 100 characters.");
        }
        var offset = DecodeOffset(continuation);
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var allowed = await access.AllowedCategoriesAsync(caller, cancellationToken);
        var term = search?.Trim();
        var matches = snapshot.ProductsByName.Where(p =>
            p.Active &&
            (allowed is null || allowed.Contains(p.CategoryId)) &&
            (string.IsNullOrEmpty(category) || p.CategoryId == category) &&
            (string.IsNullOrEmpty(term) || p.Name.Contains(term, StringComparison.CurrentCultureIgnoreCase) || p.Sku.Contains(term, StringComparison.OrdinalIgnoreCase)));
        var page = matches.Skip(offset).Take(size + 1).ToList();
        var pricing = await PricingAsync(caller, cancellationToken);
        var items = page.Take(size).Select(p => Summary(snapshot, pricing, p)).ToList();
        return new ListPage<ProductSummaryView>(items, page.Count > size ? EncodeOffset(offset + size) : null);
    }

    public async Task<ProductView> GetProductAsync(Caller caller, string sku, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var product = await VisibleProductAsync(caller, snapshot, sku, cancellationToken) ?? throw Problems.NotFound("The product");
        var pricing = await PricingAsync(caller, cancellationToken);
        // A service is in no warehouse, so it has no availability to show.
        var availability = product.IsService ? [] : snapshot.Warehouses
            .Select(w => new AvailabilityView(w.Id, w.Name, product.Stock.TryGetValue(w.Id, out var q) ? q : 0m))
            .ToList();
        return new ProductView(product.Sku, product.Name, product.Description, product.CategoryId, snapshot.CategoryName(product.CategoryId),
            product.Unit, product.UnitPrecision, product.Characteristics, pricing.PriceOf(product), availability, product.DefaultWarehouseId, product.Kind);
    }

    /// <summary>
    /// The products with these SKUs that the caller may see, in the order given, as the catalog lists them; the rest are
    /// left out (hidden or withdrawn meanwhile). For lists other features keep (favourites, recently ordered).
    /// </summary>
    public async Task<List<ProductSummaryView>> SummariesAsync(Caller caller, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var allowed = await access.AllowedCategoriesAsync(caller, cancellationToken);
        var pricing = await PricingAsync(caller, cancellationToken);
        return skus
            .Select(sku => snapshot.ProductsBySku.GetValueOrDefault(sku))
            .Where(p => p is { Active: true } && (allowed is null || allowed.Contains(p.CategoryId)))
            .Select(p => Summary(snapshot, pricing, p!))
            .ToList();
    }

    private static ProductSummaryView Summary(CatalogSnapshot snapshot, Pricing pricing, Product p) =>
        new(p.Sku, p.Name, p.CategoryId, snapshot.CategoryName(p.CategoryId), p.Unit, pricing.PriceOf(p), p.AvailableQuantity, p.DefaultWarehouseId, p.Kind);

    /// <summary>Side by side: the union of the products' characteristics plus price, and which rows differ.</summary>
    public async Task<ComparisonView> CompareAsync(Caller caller, string? skus, CancellationToken cancellationToken)
    {
        var list = (skus ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count is < 2 or > 10)
        {
            throw Problems.Validation("skus", "Choose 2 to 10 different products to compare.");
        }
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var products = new List<Product>();
        foreach (var sku in list)
        {
            products.Add(await VisibleProductAsync(caller, snapshot, sku, cancellationToken) ?? throw Problems.NotFound($"Product {sku}"));
        }
        var pricing = await PricingAsync(caller, cancellationToken);
        var prices = products.Select(pricing.PriceOf).ToList();

        var rows = new List<ComparisonRowView>
        {
            Row("Price", prices.Select(p => (string?)$"{p.Amount:0.00} {p.Currency}").ToList()),
            Row("Unit", products.Select(p => (string?)p.Unit).ToList()),
            Row("Category", products.Select(p => (string?)snapshot.CategoryName(p.CategoryId)).ToList()),
        };
        // Characteristic names in the order they first appear, so related rows stay together.
        var names = products.SelectMany(p => p.Characteristics.Select(c => c.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var name in names)
        {
            rows.Add(Row(name, products.Select(p => p.Characteristics.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Value).ToList()));
        }
        return new ComparisonView(products.Zip(prices, (p, price) => new ComparisonProductView(p.Sku, p.Name, p.Unit, price)).ToList(), rows);

        static ComparisonRowView Row(string name, List<string?> values) =>
            new(name, values, values.Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1);
    }

    /// <summary>
    /// The product and its price for this counterparty, for putting into a cart or an order; or why it cannot be
    /// ordered. Used by the Ordering feature so that it never reads catalog tables itself.
    /// </summary>
    public async Task<OrderableLookup> LookupOrderableAsync(Caller caller, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var allowed = await access.AllowedCategoriesAsync(caller, cancellationToken);
        var pricing = await PricingAsync(caller, cancellationToken);
        return new OrderableLookup(snapshot, allowed, pricing);
    }

    private async Task<Product?> VisibleProductAsync(Caller caller, CatalogSnapshot snapshot, string sku, CancellationToken cancellationToken) =>
        snapshot.ProductsBySku.TryGetValue(sku, out var product) && product.Active && await access.IsAllowedAsync(caller, product.CategoryId, cancellationToken)
            ? product
            : null;

    private async Task<Pricing> PricingAsync(Caller caller, CancellationToken cancellationToken)
    {
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        var prices = caller.CounterpartyId is null
            ? new Dictionary<string, decimal>()
            : await store.GetPricesAsync(caller.CounterpartyId, cancellationToken);
        return new Pricing(prices, currency);
    }

    private static int DecodeOffset(string? continuation)
    {
        if (string.IsNullOrEmpty(continuation))
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(continuation));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }
        throw Problems.Validation("continuation", "This continuation token is not valid; start again from the first page.");
    }

    private static string EncodeOffset(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + offset));
}

public sealed record Pricing(IReadOnlyDictionary<string, decimal> CounterpartyPrices, string Currency)
{
    public Money PriceOf(Product product) =>
        new(CounterpartyPrices.TryGetValue(product.Sku, out var own) ? own : product.ListPrice, Currency);
}

/// <summary>Answers "can this caller order this product, at what price?" against one catalog snapshot.</summary>
public sealed class OrderableLookup(CatalogSnapshot snapshot, IReadOnlySet<string>? allowedCategories, Pricing pricing)
{
    public CatalogSnapshot Snapshot => snapshot;
    public string Currency => pricing.Currency;

    public Orderable Find(string sku)
    {
        if (!snapshot.ProductsBySku.TryGetValue(sku, out var product) || (allowedCategories is not null && !allowedCategories.Contains(product.CategoryId)))
        {
            return new Orderable(null, null, "This product is not in your catalog.");
        }
        if (!product.Active)
        {
            return new Orderable(product, null, "This product has been withdrawn.");
        }
        return new Orderable(product, pricing.PriceOf(product), null);
    }
}

public sealed record Orderable(Product? Product, Money? Price, string? Problem)
{
    public bool IsOrderable => Problem is null;
}
