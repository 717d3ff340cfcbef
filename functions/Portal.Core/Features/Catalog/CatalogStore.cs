using Azure;
using Portal.Core.Shared.Tables;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Catalog;

/// <summary>
/// The Catalog table and its in-memory snapshot. Reads on the hot path (product list, product, cart pricing)
/// cost no storage request: once loaded, a snapshot older than <see cref="SnapshotLifetime"/> is still served
/// while a fresh one loads in the background, so no request waits for (or pays the storage requests of) a reload,
/// however large the catalog. A change made through this instance drops the snapshot, so it is seen at once.
/// </summary>
public sealed class CatalogStore(TableServiceClient tables, TimeProvider clock, ILogger<CatalogStore> logger)
{
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(30);

    private readonly TableClient _table = tables.GetTableClient(CatalogTables.Catalog);
    private readonly RefreshingCache<string, IReadOnlyDictionary<string, decimal>> _prices = new(SnapshotLifetime, clock, logger);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private CatalogSnapshot? _snapshot;
    private int _refreshing;
    // Bumped by every change: a background load that started before it must not put back what it read.
    private int _version;

    public async Task<CatalogSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null)
        {
            if (clock.GetUtcNow() - current.LoadedAt >= SnapshotLifetime)
            {
                RefreshInBackground();
            }
            return current;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }
            var version = Volatile.Read(ref _version);
            var fresh = await LoadAsync(cancellationToken);
            if (version == Volatile.Read(ref _version))
            {
                _snapshot = fresh;
            }
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    private void RefreshInBackground()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }
        var version = Volatile.Read(ref _version);
        // Not on the caller's execution context: the reload's storage requests are nobody's request.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    var fresh = await LoadAsync(CancellationToken.None);
                    if (version == Volatile.Read(ref _version))
                    {
                        _snapshot = fresh;
                    }
                }
                catch (Exception ex)
                {
                    // The old snapshot keeps serving; the next request past its lifetime tries again.
                    logger.LogWarning(ex, "Refreshing the catalog snapshot failed");
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            });
        }
    }

    /// <summary>A counterparty's own prices (sku → price), served from memory and refreshed like the snapshot.</summary>
    public Task<IReadOnlyDictionary<string, decimal>> GetPricesAsync(string counterpartyId, CancellationToken cancellationToken) =>
        _prices.GetAsync(counterpartyId, async ct =>
        {
            var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var partition = PriceEntity.PartitionFor(counterpartyId);
            await foreach (var row in _table.QueryAsync<PriceEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
            {
                prices[row.RowKey] = Money.Read(row.Price);
            }
            return (IReadOnlyDictionary<string, decimal>)prices;
        }, cancellationToken);

    /// <summary>Writes the products 100 at a time; when a chunk fails, says how many were written before it.</summary>
    public async Task UpsertProductsAsync(IReadOnlyList<ProductEntity> products, CancellationToken cancellationToken)
    {
        var written = 0;
        try
        {
            foreach (var chunk in products.Chunk(100))
            {
                await _table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)), cancellationToken);
                written += chunk.Length;
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or StorageLimitException)
        {
            throw new PartialImportException(written, ex);
        }
        finally
        {
            Invalidate();
        }
    }

    public async Task UpsertAsync(ITableEntity entity, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        Invalidate();
    }

    /// <summary>
    /// Writes a reference row (category, warehouse) as the caller's <see cref="WriteCondition"/> says (create only,
    /// the version read only, or upsert) and forgets the cached catalog. Returns the new ETag.
    /// </summary>
    public async Task<string> SaveAsync(TableRow entity, WriteCondition condition, string noun, CancellationToken cancellationToken)
    {
        try
        {
            var etag = await _table.WriteAsync(entity, condition,
                $"A {noun} with the id '{entity.RowKey}' exists already; edit that one or choose another id.", cancellationToken);
            return etag.ToString();
        }
        finally
        {
            Invalidate();
        }
    }

    /// <summary>Every row of a reference partition read fresh from storage (with ETags), for staff to edit: one query.</summary>
    public async Task<List<T>> ListFreshAsync<T>(string partition, CancellationToken cancellationToken) where T : TableRow, new() =>
        await _table.QueryAsync<T>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    /// <summary>
    /// Sets or removes a counterparty's own prices. Removing a price it does not have is nothing to do (read fresh,
    /// not from the cache), so the same file can be sent again; when a chunk fails, says how many rows were done.
    /// </summary>
    public async Task UpsertPricesAsync(string counterpartyId, IReadOnlyList<(string Sku, decimal? Price)> prices, CancellationToken cancellationToken)
    {
        var partition = PriceEntity.PartitionFor(counterpartyId);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            existing.Add(row.RowKey);
        }
        var done = prices.Count(p => p.Price is null && !existing.Contains(p.Sku));
        try
        {
            foreach (var chunk in prices.Where(p => p.Price is not null || existing.Contains(p.Sku)).Chunk(100))
            {
                await _table.SubmitTransactionAsync(chunk.Select(p => p.Price is { } price
                    ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, new PriceEntity { PartitionKey = partition, RowKey = p.Sku, Price = Money.Store(price) })
                    : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, p.Sku), Azure.ETag.All)), cancellationToken);
                done += chunk.Length;
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or StorageLimitException)
        {
            throw new PartialImportException(done, ex);
        }
        finally
        {
            _prices.Invalidate(counterpartyId);
        }
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _snapshot = null;
    }

    private async Task<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        var categories = new List<Category>();
        var warehouses = new List<Warehouse>();
        // Three single-partition queries; prices live in their own partitions and are read per counterparty.
        await foreach (var p in _table.QueryAsync<ProductEntity>(e => e.PartitionKey == ProductEntity.Partition, cancellationToken: cancellationToken))
        {
            products.Add(new Product(p.RowKey, p.Name, p.Description, p.CategoryId, p.Unit, p.UnitPrecision, Money.Read(p.Price),
                p.DefaultWarehouseId,
                JsonSerializer.Deserialize<List<Characteristic>>(p.Characteristics, PortalJson.Options) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, decimal>>(p.Stock, PortalJson.Options) ?? [],
                p.Active,
                Enum.TryParse<ProductKind>(p.Kind, out var kind) ? kind : ProductKind.Goods));
        }
        await foreach (var c in _table.QueryAsync<CategoryEntity>(e => e.PartitionKey == CategoryEntity.Partition, cancellationToken: cancellationToken))
        {
            categories.Add(new Category(c.RowKey, c.Name, c.SortOrder));
        }
        await foreach (var w in _table.QueryAsync<WarehouseEntity>(e => e.PartitionKey == WarehouseEntity.Partition, cancellationToken: cancellationToken))
        {
            warehouses.Add(new Warehouse(w.RowKey, w.Name, w.City));
        }
        return new CatalogSnapshot(products, categories, warehouses, clock.GetUtcNow());
    }
}

/// <summary>The catalog at one moment, indexed for the lookups requests make.</summary>
public sealed class CatalogSnapshot
{
    public CatalogSnapshot(IEnumerable<Product> products, IEnumerable<Category> categories, IEnumerable<Warehouse> warehouses, DateTimeOffset loadedAt)
    {
        LoadedAt = loadedAt;
        Categories = categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        CategoriesById = Categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Warehouses = warehouses.OrderBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        WarehousesById = Warehouses.ToDictionary(w => w.Id, StringComparer.Ordinal);
        ProductsByName = products.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Sku, StringComparer.Ordinal).ToList();
        ProductsBySku = ProductsByName.ToDictionary(p => p.Sku, StringComparer.OrdinalIgnoreCase);
    }

    public DateTimeOffset LoadedAt { get; }
    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyDictionary<string, Category> CategoriesById { get; }
    public IReadOnlyList<Warehouse> Warehouses { get; }
    public IReadOnlyDictionary<string, Warehouse> WarehousesById { get; }
    public IReadOnlyList<Product> ProductsByName { get; }
    public IReadOnlyDictionary<string, Product> ProductsBySku { get; }

    public string CategoryName(string id) => CategoriesById.TryGetValue(id, out var c) ? c.Name : id;

    public string WarehouseName(string id) => WarehousesById.TryGetValue(id, out var w) ? w.Name : id;
}

/// <summary>How a staff save of a reference row treats an existing row.</summary>

/// <summary>An import failed after some of its rows were written: how many, so the answer can say so.</summary>
public sealed class PartialImportException(int written, Exception inner) : Exception($"{written} rows were written before the import failed.", inner)
{
    public int Written { get; } = written;
}
