using Portal.Core.Features.Accounts;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// The demo catalog and order history: 65 products in 6 categories plus two services, with characteristics worth
/// comparing, 3 warehouses, per-counterparty prices, quotations (one expired), a year of completed, invoiced and
/// mostly paid orders (<see cref="DemoHistory"/>) and today's orders in every status, some partly shipped.
/// Built through the same services the API uses, so the demo data obeys the same rules as real data.
/// </summary>
public static class DemoCatalog
{
    private static readonly (string Id, string Name, string City)[] Warehouses =
    [
        ("central", "Central warehouse", "Birmingham"),
        ("north", "North depot", "Leeds"),
        ("south", "South depot", "Southampton"),
    ];

    private static readonly (string Id, string Name)[] Categories =
    [
        ("hand-tools", "Hand tools"),
        ("power-tools", "Power tools"),
        ("safety", "Safety equipment"),
        ("fasteners", "Fasteners"),
        ("electrical", "Electrical"),
        ("plumbing", "Plumbing"),
    ];

    private sealed record Spec(string Sku, string Name, string Category, string Unit, int Precision, decimal Price, string Warehouse, params (string Name, string Value)[] Characteristics);

    private static IEnumerable<Spec> Products()
    {
        var sizes = new[] { "8 mm", "10 mm", "13 mm", "17 mm", "19 mm" };
        for (var i = 0; i < sizes.Length; i++)
        {
            yield return new($"HT-SPAN-{i + 1:D2}", $"Combination spanner {sizes[i]}", "hand-tools", "pcs", 0, 6.40m + i * 1.15m, "central",
                ("Size", sizes[i]), ("Material", "Chrome vanadium steel"), ("Finish", i % 2 == 0 ? "Satin chrome" : "Polished chrome"), ("Warranty", "Lifetime"));
        }
        var hammers = new[] { ("Claw hammer 16 oz", "450 g", "Fibreglass"), ("Claw hammer 20 oz", "570 g", "Steel"), ("Club hammer 2.5 lb", "1130 g", "Hickory"),
            ("Ball-pein hammer 12 oz", "340 g", "Hickory"), ("Rubber mallet 24 oz", "680 g", "Fibreglass") };
        for (var i = 0; i < hammers.Length; i++)
        {
            yield return new($"HT-HAM-{i + 1:D2}", hammers[i].Item1, "hand-tools", "pcs", 0, 14.90m + i * 3.25m, i < 3 ? "central" : "north",
                ("Head weight", hammers[i].Item2), ("Handle", hammers[i].Item3), ("Warranty", "5 years"));
        }
        yield return new("HT-SCR-SET", "Screwdriver set, 12 pieces", "hand-tools", "set", 0, 24.50m, "central", ("Pieces", "12"), ("Tips", "Slotted, PH, PZ"), ("Handle", "Two-component"));
        yield return new("HT-PLIERS-01", "Combination pliers 200 mm", "hand-tools", "pcs", 0, 17.80m, "south", ("Length", "200 mm"), ("Insulated", "1000 V"), ("Material", "Chrome vanadium steel"));

        var drills = new[] { ("Cordless drill driver 18 V", "18 V", "2.0 Ah", "45 Nm", "1.4 kg"), ("Cordless combi drill 18 V", "18 V", "4.0 Ah", "60 Nm", "1.7 kg"),
            ("Cordless drill driver 12 V", "12 V", "2.0 Ah", "30 Nm", "1.0 kg"), ("Hammer drill 850 W", "230 V", "—", "n/a", "2.6 kg"),
            ("SDS-plus rotary hammer", "230 V", "—", "n/a", "3.1 kg"), ("Cordless impact driver 18 V", "18 V", "4.0 Ah", "180 Nm", "1.3 kg") };
        for (var i = 0; i < drills.Length; i++)
        {
            yield return new($"PT-DRILL-{i + 1:D2}", drills[i].Item1, "power-tools", "pcs", 0, 89m + i * 24.5m, i % 2 == 0 ? "central" : "north",
                ("Voltage", drills[i].Item2), ("Battery", drills[i].Item3), ("Max torque", drills[i].Item4), ("Weight", drills[i].Item5), ("Warranty", "3 years"));
        }
        var saws = new[] { ("Circular saw 190 mm", "1400 W", "190 mm"), ("Jigsaw 650 W", "650 W", "n/a"), ("Mitre saw 254 mm", "1800 W", "254 mm"), ("Reciprocating saw 1100 W", "1100 W", "n/a") };
        for (var i = 0; i < saws.Length; i++)
        {
            yield return new($"PT-SAW-{i + 1:D2}", saws[i].Item1, "power-tools", "pcs", 0, 79m + i * 41m, "south", ("Power", saws[i].Item2), ("Blade", saws[i].Item3), ("Warranty", "2 years"));
        }
        yield return new("PT-GRIND-01", "Angle grinder 125 mm", "power-tools", "pcs", 0, 64.90m, "central", ("Power", "900 W"), ("Disc", "125 mm"), ("Warranty", "2 years"));

        var helmets = new[] { "White", "Yellow", "Blue", "Red" };
        for (var i = 0; i < helmets.Length; i++)
        {
            yield return new($"SF-HELM-{i + 1:D2}", $"Safety helmet, {helmets[i].ToLowerInvariant()}", "safety", "pcs", 0, 9.95m, "north",
                ("Colour", helmets[i]), ("Standard", "EN 397"), ("Ventilated", i % 2 == 0 ? "Yes" : "No"));
        }
        var gloves = new[] { ("Work gloves, cut level B, size 9", "9", "B"), ("Work gloves, cut level B, size 10", "10", "B"), ("Work gloves, cut level D, size 9", "9", "D"), ("Work gloves, cut level D, size 10", "10", "D") };
        for (var i = 0; i < gloves.Length; i++)
        {
            yield return new($"SF-GLOVE-{i + 1:D2}", gloves[i].Item1, "safety", "pair", 0, 3.20m + (gloves[i].Item3 == "D" ? 2.10m : 0m), "central",
                ("Size", gloves[i].Item2), ("Cut level", gloves[i].Item3), ("Standard", "EN 388"));
        }
        yield return new("SF-GOGG-01", "Safety goggles, anti-fog", "safety", "pcs", 0, 6.75m, "south", ("Lens", "Polycarbonate"), ("Standard", "EN 166"), ("Anti-fog", "Yes"));
        yield return new("SF-EAR-01", "Ear defenders SNR 30 dB", "safety", "pcs", 0, 12.40m, "north", ("Attenuation", "SNR 30 dB"), ("Standard", "EN 352-1"));
        yield return new("SF-VEST-01", "High-visibility vest, class 2", "safety", "pcs", 0, 4.60m, "central", ("Colour", "Yellow"), ("Standard", "EN ISO 20471"));

        var screws = new[] { ("3.5 × 30", 0.020m), ("4 × 40", 0.026m), ("4 × 50", 0.031m), ("5 × 60", 0.042m), ("5 × 80", 0.055m), ("6 × 100", 0.081m) };
        for (var i = 0; i < screws.Length; i++)
        {
            yield return new($"FX-WS-{i + 1:D2}", $"Wood screws {screws[i].Item1} mm, box of 200", "fasteners", "box", 0, Math.Round(screws[i].Item2 * 200 * 1.1m, 2), "central",
                ("Size", screws[i].Item1 + " mm"), ("Head", "Countersunk PZ2"), ("Finish", "Yellow zinc"), ("Pieces", "200"));
        }
        yield return new("FX-NAIL-KG", "Round wire nails 75 mm, loose", "fasteners", "kg", 3, 3.85m, "north", ("Length", "75 mm"), ("Finish", "Bright"), ("Sold by", "Weight"));
        yield return new("FX-ANCH-01", "Nylon wall plugs 6 mm, box of 100", "fasteners", "box", 0, 2.90m, "central", ("Diameter", "6 mm"), ("Material", "Nylon"), ("Pieces", "100"));
        yield return new("FX-BOLT-01", "Hex bolts M10 × 50, box of 50", "fasteners", "box", 0, 11.20m, "south", ("Size", "M10 × 50"), ("Grade", "8.8"), ("Finish", "Zinc plated"), ("Pieces", "50"));
        yield return new("FX-CHEM-01", "Chemical anchor resin 300 ml", "fasteners", "pcs", 0, 13.70m, "central", ("Volume", "300 ml"), ("Base", "Polyester"));

        var cables = new[] { ("1.5 mm²", 0.62m), ("2.5 mm²", 0.94m), ("4 mm²", 1.48m), ("6 mm²", 2.15m) };
        for (var i = 0; i < cables.Length; i++)
        {
            yield return new($"EL-CAB-{i + 1:D2}", $"Twin and earth cable {cables[i].Item1}", "electrical", "m", 1, cables[i].Item2, "north",
                ("Cross-section", cables[i].Item1), ("Cores", "2 + earth"), ("Standard", "BS 6004"));
        }
        yield return new("EL-SOCK-01", "Double socket outlet, switched, white", "electrical", "pcs", 0, 4.95m, "central", ("Gangs", "2"), ("Rating", "13 A"), ("Finish", "White"));
        yield return new("EL-SOCK-02", "Double socket outlet with USB, white", "electrical", "pcs", 0, 17.40m, "central", ("Gangs", "2"), ("Rating", "13 A"), ("USB", "2 × USB-A"), ("Finish", "White"));
        yield return new("EL-SW-01", "Light switch, 1 gang 2 way", "electrical", "pcs", 0, 2.85m, "south", ("Gangs", "1"), ("Rating", "10 A"), ("Finish", "White"));
        yield return new("EL-LED-01", "LED panel 600 × 600, 36 W", "electrical", "pcs", 0, 29.90m, "north", ("Power", "36 W"), ("Light", "3600 lm, 4000 K"), ("Size", "600 × 600 mm"));
        yield return new("EL-TEST-01", "Voltage tester, two-pole", "electrical", "pcs", 0, 38.50m, "central", ("Range", "12–690 V"), ("Category", "CAT IV 600 V"));
        yield return new("EL-TAPE-01", "Insulating tape 19 mm, 10 rolls", "electrical", "pack", 0, 6.10m, "south", ("Width", "19 mm"), ("Rolls", "10"));

        var pipes = new[] { ("15 mm", 3.20m), ("22 mm", 5.90m), ("28 mm", 9.40m) };
        for (var i = 0; i < pipes.Length; i++)
        {
            yield return new($"PL-CU-{i + 1:D2}", $"Copper pipe {pipes[i].Item1} × 3 m", "plumbing", "pcs", 0, pipes[i].Item2 * 3, "south",
                ("Diameter", pipes[i].Item1), ("Length", "3 m"), ("Standard", "EN 1057"));
        }
        var fittings = new[] { "Elbow 15 mm", "Elbow 22 mm", "Tee 15 mm", "Tee 22 mm", "Straight coupler 15 mm", "Straight coupler 22 mm" };
        for (var i = 0; i < fittings.Length; i++)
        {
            yield return new($"PL-FIT-{i + 1:D2}", $"Push-fit {fittings[i].ToLowerInvariant()}", "plumbing", "pcs", 0, 1.95m + (fittings[i].Contains("22") ? 0.80m : 0m), i % 3 == 0 ? "central" : "south",
                ("Type", fittings[i].Split(' ')[0]), ("Diameter", fittings[i].Split(' ')[^2] + " mm"), ("Material", "Brass"));
        }
        yield return new("PL-VALVE-01", "Isolating valve 15 mm", "plumbing", "pcs", 0, 3.40m, "south", ("Diameter", "15 mm"), ("Type", "Quarter turn"), ("Material", "Brass"));
        yield return new("PL-PTFE-01", "PTFE thread tape, 10 rolls", "plumbing", "pack", 0, 2.40m, "north", ("Width", "12 mm"), ("Rolls", "10"));
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var admin = services.GetRequiredService<CatalogAdminService>();
        var snapshot = await services.GetRequiredService<CatalogStore>().GetSnapshotAsync(cancellationToken);
        if (snapshot.ProductsByName.Count == 0)
        {
            foreach (var (id, name, city) in Warehouses)
            {
                await admin.UpsertWarehouseAsync(new WarehouseImport { Id = id, Name = name, City = city }, cancellationToken);
            }
            for (var i = 0; i < Categories.Length; i++)
            {
                await admin.UpsertCategoryAsync(new CategoryImport { Id = Categories[i].Id, Name = Categories[i].Name, SortOrder = i }, cancellationToken);
            }
            var n = 0;
            await admin.ImportProductsAsync(Products().Select(p => new ProductImport
            {
                Sku = p.Sku, Name = p.Name, CategoryId = p.Category, Unit = p.Unit, UnitPrecision = p.Precision, Price = p.Price, DefaultWarehouseId = p.Warehouse,
                Description = $"{p.Name}. Supplied by Tailspin Supplies; see the characteristics for details.",
                Characteristics = p.Characteristics.Select(c => new Characteristic(c.Name, c.Value)).ToList(),
                // Stock varies by warehouse so availability differs between products and depots.
                Stock = Warehouses.ToDictionary(w => w.Id, w => (decimal)((++n * 37 + w.Id.Length * 11) % 140)),
            }).ToList(), cancellationToken);
            // Contoso negotiated 10% off power tools; Fabrikam has its own price for cable.
            await admin.ImportPricesAsync(
                Products().Where(p => p.Category == "power-tools").Select(p => new PriceImport { CounterpartyId = "contoso", Sku = p.Sku, Price = decimal.Round(p.Price * 0.9m, 2) })
                    .Concat(Products().Where(p => p.Category == "electrical" && p.Unit == "m").Select(p => new PriceImport { CounterpartyId = "fabrikam", Sku = p.Sku, Price = decimal.Round(p.Price * 0.85m, 2) }))
                    .ToList(),
                cancellationToken);
        }

        await SeedServicesAsync(services, cancellationToken);
        await SeedQuotationsAsync(services, cancellationToken);
        await SeedOrdersAsync(services, cancellationToken);
        await SeedDocumentsAsync(services, cancellationToken);
    }

    /// <summary>Two services (no stock, no warehouse): fitting work by the hour and a fixed-price installation.</summary>
    private static async Task SeedServicesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var admin = services.GetRequiredService<CatalogAdminService>();
        if ((await services.GetRequiredService<CatalogStore>().GetSnapshotAsync(cancellationToken)).ProductsBySku.ContainsKey("SV-FIT-HOUR"))
        {
            return;
        }
        await admin.UpsertCategoryAsync(new CategoryImport { Id = "services", Name = "Services", SortOrder = Categories.Length }, cancellationToken);
        await admin.ImportProductsAsync(
        [
            new ProductImport
            {
                Sku = "SV-FIT-HOUR", Name = "Fitter on site, per hour", CategoryId = "services", Unit = "hour", UnitPrecision = 1, Price = 48m,
                Kind = ProductKind.Service, Description = "A qualified fitter at your site, charged by the half hour.",
                Characteristics = [new("Charged", "Per started half hour"), new("Lead time", "3 working days")],
            },
            new ProductImport
            {
                Sku = "SV-INSTALL-LED", Name = "LED panel installation", CategoryId = "services", Unit = "pcs", Price = 35m,
                Kind = ProductKind.Service, Description = "Fitting one LED panel into a suspended ceiling, old panel taken away.",
                Characteristics = [new("Charged", "Per panel"), new("Lead time", "5 working days")],
            },
        ], cancellationToken);
    }

    private static async Task SeedQuotationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<DocumentService>();
        if ((await documents.ListAsync(Clerk.ScopeFor("northwind"), DocumentTypes.Quotations, new DocumentQuery(null, null, null, null, null), null, 1, cancellationToken))
            .Items.Count > 0)
        {
            return;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DocumentLineRequest Line(string sku, string name, string unit, decimal quantity, decimal price) =>
            new() { Sku = sku, Name = name, Unit = unit, Quantity = quantity, UnitPrice = price };
        await documents.UpsertAsync(Clerk.ScopeFor("northwind"), DocumentTypes.Quotations, "QT-2026-0041", new DocumentRequest
        {
            Date = today.AddDays(-3), ValidUntil = today.AddDays(27), Notes = "Site fit-out, phase 2. Prices include delivery to site.",
            Lines = [Line("PT-DRILL-02", "Cordless combi drill 18 V", "pcs", 4, 105m), Line("SF-HELM-02", "Safety helmet, yellow", "pcs", 20, 8.90m),
                Line("SF-GLOVE-03", "Work gloves, cut level D, size 9", "pair", 40, 4.80m), Line("FX-WS-03", "Wood screws 4 × 50 mm, box of 200", "box", 10, 6.50m)],
        }, cancellationToken);
        await documents.UpsertAsync(Clerk.ScopeFor("northwind"), DocumentTypes.Quotations, "QT-2026-0017", new DocumentRequest
        {
            Date = today.AddDays(-60), ValidUntil = today.AddDays(-30), Notes = "Spring promotion (expired).",
            Lines = [Line("PT-SAW-01", "Circular saw 190 mm", "pcs", 2, 72m), Line("PT-GRIND-01", "Angle grinder 125 mm", "pcs", 3, 58m)],
        }, cancellationToken);
        await documents.UpsertAsync(Clerk.ScopeFor("contoso"), DocumentTypes.Quotations, "QT-2026-0052", new DocumentRequest
        {
            Date = today.AddDays(-1), ValidUntil = today.AddDays(14),
            Lines = [Line("EL-SOCK-02", "Double socket outlet with USB, white", "pcs", 50, 15.90m), Line("EL-CAB-02", "Twin and earth cable 2.5 mm²", "m", 200, 0.89m)],
        }, cancellationToken);
    }

    /// <summary>
    /// Northwind's invoices (paid, due, overdue) for its orders, with a tax invoice, and a reconciliation statement
    /// (the goods return and credit note come of a demo RMA request: DemoReturns); invoice files and two materials are
    /// uploaded to Blob Storage the way a supplier's tool would, so they arrive through the blob-events queue like any
    /// upload.
    /// </summary>
    private static async Task SeedDocumentsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<DocumentService>();
        var northwind = Clerk.ScopeFor("northwind");
        // The year of history has invoices of its own; these are the current ones, numbered from 0001.
        try
        {
            await documents.GetAsync(northwind, DocumentTypes.Invoices, DocumentKeys.Id("northwind", DocumentTypes.Invoices, "INV-2026-0001"), cancellationToken);
            return;
        }
        catch (Portal.Core.Shared.PortalProblemException ex) when (ex.Status == 404)
        {
            // Not seeded yet.
        }
        // The current orders (placed today), not the year of history before them, which has its own invoices.
        var orders = (await services.GetRequiredService<OrderService>().ListAsync(northwind, null, null, null, null, 100, cancellationToken)).Items
            .Where(o => o.Status != OrderStatus.Canceled && o.Date > DateTimeOffset.UtcNow.AddDays(-7)).OrderBy(o => o.Number).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var invoiceNumber = 0;
        foreach (var order in orders.Take(4))
        {
            var detail = await services.GetRequiredService<OrderService>().GetAsync(northwind, order.Id, cancellationToken);
            var number = $"INV-2026-{++invoiceNumber:D4}";
            var date = DateOnly.FromDateTime(order.Date.UtcDateTime);
            var (status, due) = invoiceNumber switch
            {
                1 => (DocumentStatus.Paid, date.AddDays(30)),
                2 => (DocumentStatus.Unpaid, today.AddDays(-5)),
                3 => (DocumentStatus.PartiallyPaid, today.AddDays(12)),
                _ => (DocumentStatus.Unpaid, today.AddDays(25)),
            };
            var lines = detail.Lines.Select(l => new DocumentLineRequest { Sku = l.Sku, Name = l.Name, Unit = l.Unit, Quantity = l.Ordered, UnitPrice = l.UnitPrice.Amount })
                .ToList();
            var net = detail.Total.Amount;
            await documents.UpsertAsync(northwind, DocumentTypes.Invoices, number, new DocumentRequest
            {
                Date = date, DueDate = due, Status = status, Lines = lines, TaxTotal = decimal.Round(net * 0.2m, 2), Total = decimal.Round(net * 1.2m, 2),
                Related = [new() { Type = DocumentTypes.Orders, Number = order.Number }, new() { Type = DocumentTypes.TaxInvoices, Number = $"TI-2026-{invoiceNumber:D4}" },
                    .. detail.Shipments.Select(s => new RelatedDocumentRequest { Type = DocumentTypes.GoodsIssues, Number = s.Number })],
            }, cancellationToken);
            await documents.UpsertAsync(northwind, DocumentTypes.TaxInvoices, $"TI-2026-{invoiceNumber:D4}", new DocumentRequest
            {
                Date = date, Lines = lines, TaxTotal = decimal.Round(net * 0.2m, 2), Total = decimal.Round(net * 1.2m, 2),
                Related = [new() { Type = DocumentTypes.Invoices, Number = number }],
            }, cancellationToken);
        }
        var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await documents.UpsertAsync(northwind, DocumentTypes.ReconciliationStatements, $"RS-{monthStart:yyyy-MM}", new DocumentRequest
        {
            Date = monthStart.AddMonths(1), PeriodFrom = monthStart, PeriodTo = monthStart.AddMonths(1).AddDays(-1),
            Notes = "Please confirm the balance or tell us what differs.",
        }, cancellationToken);

        var blobs = services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>();
        var files = blobs.GetBlobContainerClient(DocumentsTables.DocumentsContainer);
        for (var i = 1; i <= Math.Min(3, invoiceNumber); i++)
        {
            await files.GetBlobClient($"northwind/invoices/INV-2026-{i:D4}.pdf")
                .UploadAsync(BinaryData.FromBytes(DemoPdf.Make($"Invoice INV-2026-{i:D4}", "Tailspin Supplies Ltd - Northwind Traders")), overwrite: true, cancellationToken);
        }
        var materials = blobs.GetBlobContainerClient(DocumentsTables.MaterialsContainer);
        await materials.GetBlobClient("catalogues/spring-catalogue-2026.pdf").UploadAsync(BinaryData.FromBytes(DemoPdf.Make("Spring catalogue 2026", "All product lines")),
            new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { ["title"] = "Spring catalogue 2026", ["description"] = "Every product line with this season's prices." },
            }, cancellationToken);
        await materials.GetBlobClient("safety/ppe-guide.pdf").UploadAsync(BinaryData.FromBytes(DemoPdf.Make("Choosing safety gear", "Helmets, gloves, goggles")),
            new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                Metadata = new Dictionary<string, string>
                {
                    ["title"] = "Choosing safety gear", ["description"] = "A guide to personal protective equipment.", ["accessgroups"] = "tools-and-safety",
                },
            }, cancellationToken);
    }

    /// <summary>The demo's back-office clerk, who issues quotations and moves orders along.</summary>
    private static readonly Caller Clerk = new(CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");

    /// <summary>Orders in every status, some split by warehouse and partly shipped, placed through the real checkout.</summary>
    private static async Task SeedOrdersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var orders = services.GetRequiredService<OrderService>();
        var carts = services.GetRequiredService<CartService>();
        var checkouts = services.GetRequiredService<CheckoutService>();
        var store = services.GetRequiredService<AccountStore>();
        var plans = new (string User, (string Sku, decimal Quantity, string? Warehouse)[] Lines, string Outcome)[]
        {
            ("anna@northwind.example", [("HT-HAM-01", 6, null), ("SF-HELM-02", 12, null)], "completed"),
            ("anna@northwind.example", [("PT-DRILL-01", 2, null), ("FX-WS-02", 5, null), ("EL-CAB-02", 150.5m, null)], "partly-shipped"),
            ("anna@northwind.example", [("SF-GLOVE-01", 30, null), ("SF-GOGG-01", 10, null)], "in-progress"),
            ("anna@northwind.example", [("PL-CU-01", 8, null)], "canceled"),
            ("anna@northwind.example", [("HT-SCR-SET", 3, null), ("HT-PLIERS-01", 3, "central")], "sent"),
            ("ben@contoso.example", [("EL-SOCK-01", 40, null), ("EL-SW-01", 40, null)], "partly-shipped"),
            ("ben@contoso.example", [("PT-SAW-02", 1, null)], "sent"),
            ("carla@fabrikam.example", [("FX-BOLT-01", 12, null), ("FX-CHEM-01", 6, null)], "in-progress"),
        };
        // Customers without orders get the year of history first, then the current orders, so numbers rise with time.
        var fresh = new Dictionary<string, Caller>();
        foreach (var username in plans.Select(p => p.User).Distinct())
        {
            var user = await store.FindByUsernameAsync(username, cancellationToken);
            if (user is not null && (await orders.ListAsync(Clerk.ScopeFor(user.CounterpartyId!), null, null, null, null, 1, cancellationToken)).Items.Count == 0)
            {
                fresh[username] = new Caller(CallerKind.Customer, user.UserId, user.Username, user.CounterpartyId, user.AccessGroupId, "", "");
            }
        }
        await DemoHistory.SeedAsync(services, fresh, cancellationToken);
        // A fixed seed: the same customer references on every run.
        var random = new Random(2026);
        foreach (var group in plans.GroupBy(p => p.User))
        {
            if (!fresh.TryGetValue(group.Key, out var caller))
            {
                continue;
            }
            var counterpartyId = caller.CounterpartyId!;
            var shipment = 0;
            foreach (var plan in group)
            {
                var cart = await carts.ClearAsync(caller, null, cancellationToken);
                foreach (var (sku, quantity, warehouse) in plan.Lines)
                {
                    cart = await carts.AddLineAsync(caller, new AddCartLineRequest { Sku = sku, Quantity = quantity, WarehouseId = warehouse }, null, cancellationToken);
                }
                var (started, _) = await checkouts.StartAsync(caller, new CheckoutRequest { CustomerReference = $"PO-{random.Next(10000, 99999)}" }, cart.Version, null, cancellationToken);
                // Run the checkout work now rather than waiting for the queue, so the demo is complete at start-up.
                await checkouts.ProcessAsync(new CheckoutWork(counterpartyId, started.Id), cancellationToken);
                var done = await checkouts.GetAsync(caller, started.Id, cancellationToken);
                foreach (var order in done.Orders)
                {
                    switch (plan.Outcome)
                    {
                        case "in-progress":
                            await orders.AcceptAsync(Clerk.ScopeFor(counterpartyId), order.Id, "clerk", null, cancellationToken);
                            break;
                        case "partly-shipped" or "completed":
                            var (detail, _) = await orders.AcceptAsync(Clerk.ScopeFor(counterpartyId), order.Id, "clerk", null, cancellationToken);
                            await orders.RecordShipmentAsync(Clerk.ScopeFor(counterpartyId), order.Id, new ShipmentRequest
                            {
                                Number = $"GI-{counterpartyId}-{++shipment:D4}",
                                Date = DateOnly.FromDateTime(DateTime.UtcNow),
                                Lines = detail.Lines.Select(l => new ShipmentLine(l.Sku, plan.Outcome == "completed" ? l.Ordered : Math.Floor(l.Ordered / 2))).Where(l => l.Quantity > 0).ToList(),
                            }, "clerk", null, cancellationToken);
                            if (plan.Outcome == "completed")
                            {
                                await orders.CompleteAsync(Clerk.ScopeFor(counterpartyId), order.Id, "clerk", null, cancellationToken);
                            }
                            break;
                        case "canceled":
                            await orders.CancelAsync(Clerk.ScopeFor(counterpartyId), order.Id, "clerk", "Replaced by a larger order.", null, cancellationToken);
                            break;
                    }
                }
            }
        }
        // Orders seeded before the staff desk existed are put on it once (a marker row records that it was done).
        await orders.BackfillDeskOnceAsync(cancellationToken);
        // Users written before the user list's filter properties existed get them once (a marker row records that it was done).
        await services.GetRequiredService<AccountService>().BackfillUserSummariesOnceAsync(cancellationToken);
    }
}
