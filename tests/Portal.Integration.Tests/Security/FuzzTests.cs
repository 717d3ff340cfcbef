using Xunit.Abstractions;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Integration.Tests.Security;

/// <summary>A portal of its own: the fuzzer's accepted requests change settings, users and orders that other tests rely on.</summary>
public sealed class FuzzFixture : PortalFixture;

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzFixture>
{
    public const string Name = "fuzz";
}

/// <summary>
/// Every operation in the API's own description (GET /api/openapi.json, generated from the functions), so a new
/// route is fuzzed without anyone writing a line here: as its intended caller and as the wrong ones, with bodies
/// derived from the request schema and then broken one field at a time (wrong types, nulls, boundaries, oversized
/// and hostile values, unknown fields), hostile path values and headers. Whatever is sent, the answer is never a
/// 5xx, and a refusal is a problem+json that wrote nothing.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(FuzzFixture fixture, ITestOutputHelper output)
{
    private static readonly JsonNode?[] HostileStrings =
        ["", " ", new string('x', 5_000), "a/b\\c#d?e", "\u0000\u001b[31m\u0007", "../../etc/passwd", "<script>alert(1)</script>", "'; DROP TABLE x; --", "𝔘ñí©ødé \u202e", "%00%2F"];

    private static readonly JsonNode?[] HostileNumbers =
        [-1, 0, 0.0000001m, 1e20, decimal.MaxValue, 2147483648L, -2147483649L, 1.5m];

    private static readonly string[] HostileDates = ["2026-02-30", "0001-01-01", "9999-12-31", "yesterday", "2026-13-01"];

    private sealed record Operation(string Verb, string Path, JsonObject Item, JsonObject? BodySchema, string[] MediaTypes);

    /// <summary>Refusals that write on purpose: a wrong password counts toward the account's lockout.</summary>
    private static readonly string[] RecordsFailedAttempts = ["POST /api/auth/sign-in", "POST /api/me/password"];

    private sealed class Findings
    {
        private readonly List<string> _items = [];
        public int Sent { get; private set; }
        public Dictionary<int, int> ByStatus { get; } = [];

        public async Task CheckAsync(string what, HttpResponseMessage response)
        {
            Sent++;
            var status = (int)response.StatusCode;
            ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                _items.Add($"{what} → {status}: {Truncate(await response.Content.ReadAsStringAsync())}");
            }
            else if (status >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    _items.Add($"{what} → {status} without a problem body");
                }
                if (response.StorageWrites() != 0 && !RecordsFailedAttempts.Any(what.StartsWith))
                {
                    _items.Add($"{what} → {status} but wrote {response.StorageWrites()} time(s)");
                }
            }
        }

        public void AssertNone() => Assert.True(_items.Count == 0,
            $"{_items.Count} finding(s) in {Sent} requests:\n" + string.Join('\n', _items.Take(25)));

        private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
    }

    [Fact]
    public async Task No_input_to_any_operation_gets_a_5xx_and_every_refusal_is_a_problem_that_wrote_nothing()
    {
        using var anonymous = fixture.CreateClient();
        var document = JsonNode.Parse(await (await anonymous.GetAsync("/api/openapi.json")).Content.ReadAsStringAsync())!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 40, "The API description lists the operations.");

        var user = await fixture.CreateCustomerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var values = await KnownValuesAsync(customer);
        var findings = new Findings();

        // Customers' operations first: the staff's accepted requests may switch external access off.
        foreach (var operation in operations.OrderBy(o => o.Path.StartsWith("/api/manage/", StringComparison.Ordinal)))
        {
            if (operation.Path == "/api/auth/sign-out")
            {
                continue; // It would end the sessions the fuzzer uses; RouteAccessTests covers it.
            }
            var own = operation.Path.StartsWith("/api/manage/", StringComparison.Ordinal) ? staff : customer;
            var path = Fill(operation.Path, values);
            var baseline = operation.BodySchema is null ? null : Sample(operation.BodySchema, schemas, 0);

            // The wrong callers, once each.
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("customer", customer), ("staff", staff) }.Where(c => c.Item2 != own))
            {
                await findings.CheckAsync($"{operation.Verb} {path} as {who}", await SendAsync(client, operation, path, baseline?.ToJsonString()));
            }

            // Hostile path values, one parameter at a time.
            foreach (var parameter in Regex.Matches(operation.Path, "{([^}]+)}").Select(m => m.Groups[1].Value).Where(p => p is not "type" and not "path"))
            {
                foreach (var hostile in new[] { "a%2Fb", "a%23b", "%07", new string('k', 600) })
                {
                    var hostilePath = Fill(operation.Path, new Dictionary<string, string>(values) { [parameter] = hostile });
                    await findings.CheckAsync($"{operation.Verb} {hostilePath}", await SendAsync(own, operation, hostilePath, baseline?.ToJsonString()));
                }
            }

            // Hostile headers.
            foreach (var (header, value) in new[] { ("Idempotency-Key", "a/b#c"), ("Idempotency-Key", new string('k', 300)), ("If-Match", "garbage"), ("If-Match", "W/\"a b\"") })
            {
                await findings.CheckAsync($"{operation.Verb} {path} with {header}: {Short(value)}",
                    await SendAsync(own, operation, path, baseline?.ToJsonString(), r => r.Headers.TryAddWithoutValidation(header, value)));
            }

            // Hostile query values.
            foreach (var query in operation.Item["parameters"]?.AsArray().Where(p => (string?)p?["in"] == "query").Select(p => (string)p!["name"]!) ?? [])
            {
                foreach (var value in new[] { "%00", "-1", "99999999999999999999", "2026-02-30", new string('q', 3000), "a/b#" })
                {
                    await findings.CheckAsync($"{operation.Verb} {path}?{query}={Short(value)}", await SendAsync(own, operation, $"{path}?{query}={value}", null));
                }
            }

            if (operation.BodySchema is null)
            {
                continue;
            }
            if (!operation.MediaTypes.Contains("application/json"))
            {
                foreach (var (body, mediaType) in TextFiles(operation.MediaTypes))
                {
                    await findings.CheckAsync($"{operation.Verb} {path} with {mediaType} {Short(body)}", await SendAsync(own, operation, path, body, mediaType: mediaType));
                }
                continue;
            }

            // The body, broken one field at a time (top level and inside the first item of each list).
            foreach (var (field, broken) in Mutations(baseline!, operation.BodySchema, schemas))
            {
                await findings.CheckAsync($"{operation.Verb} {path} with {field} = {Short(broken)}", await SendAsync(own, operation, path, broken));
            }
        }

        output.WriteLine($"{findings.Sent} requests to {operations.Count} operations: " +
            string.Join(", ", findings.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}")));
        findings.AssertNone();
    }

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (path == "/api/{path}")
            {
                continue; // The catch-all; HostileKeyTests sends it unknown addresses.
            }
            foreach (var (verb, operation) in item!.AsObject())
            {
                var content = operation?["requestBody"]?["content"]?.AsObject();
                var schema = content?.Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);
                yield return new Operation(verb.ToUpperInvariant(), path, operation!.AsObject(), schema?.AsObject(), content?.Select(c => c.Key).ToArray() ?? []);
            }
        }
    }

    /// <summary>Real values where a path needs them, so requests get past "not found" into the code behind.</summary>
    private static async Task<Dictionary<string, string>> KnownValuesAsync(PortalClient customer)
    {
        var me = await (await customer.GetAsync("/api/me")).ReadJsonAsync();
        var orders = await (await customer.GetAsync("/api/orders")).ReadJsonAsync();
        var orderId = orders.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).FirstOrDefault() ?? "no-order";
        var (cart, _) = await Ordering.OrderingHelpers.AddToCartAsync(customer, "HT-SPAN-01", 1);
        return new Dictionary<string, string>
        {
            ["type"] = "invoices",
            ["counterpartyId"] = me.GetProperty("counterparty").GetProperty("id").GetString()!,
            ["id"] = orderId,
            ["orderId"] = orderId,
            ["userId"] = "fuzz-user",
            ["sku"] = "HT-SPAN-01",
            ["lineId"] = cart.GetProperty("lines")[0].GetProperty("id").GetString()!,
            ["number"] = "FZ-1",
        };
    }

    private static string Fill(string path, IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(path, "{([^}:]+)(:[^}]*)?}", m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "fuzz-id");

    private static Task<HttpResponseMessage> SendAsync(PortalClient client, Operation operation, string path, string? body,
        Action<HttpRequestMessage>? adjust = null, string mediaType = "application/json")
    {
        var send = operation.BodySchema is not null || operation.Verb is "POST" or "PUT" or "PATCH";
        // Where the operation takes If-Match, a well-formed (stale) one gets the request past 428 to the checks behind it.
        var ifMatch = operation.Item["parameters"]?.AsArray().Any(p => (string?)p?["name"] == "If-Match") == true ? "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"" : null;
        return client.SendRawAsync(new HttpMethod(operation.Verb), path, send ? body ?? "{}" : null, send ? mediaType : null, ifMatch: adjust is null ? ifMatch : null, adjust: adjust);
    }

    private static JsonObject Resolve(JsonObject schema, JsonObject schemas) =>
        schema["$ref"] is JsonValue reference ? schemas[((string)reference!).Split('/')[^1]]!.AsObject() : schema;

    private static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue value => (string)value!,
        JsonArray types => types.Select(t => (string)t!).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema["properties"] is not null ? "object" : schema["enum"] is not null ? "string" : "any",
    };

    /// <summary>A plausible value of the schema: what a well-meaning client would send.</summary>
    private static JsonNode? Sample(JsonObject schema, JsonObject schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }
        return TypeOf(schema) switch
        {
            "object" when depth < 4 => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!.AsObject(), schemas, depth + 1)))),
            "object" => new JsonObject(),
            "array" when depth < 4 && schema["items"] is JsonObject items => new JsonArray(Sample(items, schemas, depth + 1)),
            "array" => new JsonArray(),
            "string" => (string?)schema["format"] switch
            {
                "date" => "2026-11-02",
                "date-time" => "2026-11-02T10:00:00Z",
                _ => "FZ-1",
            },
            "integer" => 1,
            "number" => 2,
            "boolean" => true,
            _ => "FZ-1",
        };
    }

    /// <summary>The baseline with one field broken: at the top level, and inside the first item of each list.</summary>
    private static IEnumerable<(string Field, string Body)> Mutations(JsonNode baseline, JsonObject schema, JsonObject schemas)
    {
        yield return ("(whole body)", "{\"unexpected\":true}");
        yield return ("(whole body)", "[]");
        if (baseline is not JsonObject root)
        {
            yield break;
        }
        var properties = Resolve(schema, schemas)["properties"]?.AsObject() ?? [];
        foreach (var (name, propertySchema) in properties)
        {
            var resolved = Resolve(propertySchema!.AsObject(), schemas);
            foreach (var value in BrokenValues(resolved))
            {
                var copy = root.DeepClone().AsObject();
                copy[name] = value?.DeepClone();
                yield return (name, copy.ToJsonString());
            }
            if (TypeOf(resolved) == "array" && resolved["items"] is JsonObject itemSchema && root[name] is JsonArray { Count: > 0 } list && list[0] is JsonObject item)
            {
                var itemProperties = Resolve(itemSchema, schemas)["properties"]?.AsObject() ?? [];
                foreach (var (itemName, itemPropertySchema) in itemProperties)
                {
                    foreach (var value in BrokenValues(Resolve(itemPropertySchema!.AsObject(), schemas)))
                    {
                        var copy = root.DeepClone().AsObject();
                        var brokenItem = item.DeepClone().AsObject();
                        brokenItem[itemName] = value?.DeepClone();
                        copy[name] = new JsonArray(brokenItem);
                        yield return ($"{name}[0].{itemName}", copy.ToJsonString());
                    }
                }
                // Many items at once.
                var many = root.DeepClone().AsObject();
                many[name] = new JsonArray(Enumerable.Range(0, 1_500).Select(_ => item.DeepClone()).ToArray());
                yield return ($"{name} × 1500", many.ToJsonString());
            }
        }
    }

    private static IEnumerable<JsonNode?> BrokenValues(JsonObject schema)
    {
        yield return null;
        switch (TypeOf(schema))
        {
            case "string":
                yield return 12345;
                yield return new JsonArray();
                foreach (var value in (string?)schema["format"] is "date" or "date-time" ? HostileDates.Select(d => (JsonNode?)d) : HostileStrings)
                {
                    yield return value;
                }
                break;
            case "integer" or "number":
                yield return "twelve";
                yield return true;
                foreach (var value in HostileNumbers)
                {
                    yield return value;
                }
                break;
            case "boolean":
                yield return "yes";
                yield return 1;
                break;
            case "array":
                yield return new JsonObject();
                yield return "list";
                yield return new JsonArray(JsonValue.Create("x"), JsonValue.Create(1), null);
                break;
            case "object":
                yield return new JsonArray();
                yield return "object";
                yield return new JsonObject { ["unknown"] = 1 };
                break;
        }
    }

    private static IEnumerable<(string Body, string MediaType)> TextFiles(string[] mediaTypes)
    {
        foreach (var mediaType in mediaTypes)
        {
            if (mediaType.StartsWith("text/csv", StringComparison.Ordinal))
            {
                yield return ("sku,name\n", mediaType);
                yield return ("sku,price,counterpartyId,unitPrecision\nA/B#,99999999999999999999999999999,northwind,99999999999\n", mediaType);
                yield return ("\"unterminated,quote\nx,y\n", mediaType);
                yield return (string.Join(',', Enumerable.Range(0, 2_000).Select(i => $"c{i}")) + "\n" + string.Join(',', Enumerable.Range(0, 2_000)) + "\n", mediaType);
                yield return ("sku,name\n\u0000\u0007,\u001b\n", mediaType);
            }
            else
            {
                yield return ("{\"sku\":12}\n", mediaType);
                yield return ("{}\n{}\n", mediaType);
                yield return ("[1,2]\n", mediaType);
                yield return ("{\"counterpartyId\":\"a/b\",\"type\":\"invoices\",\"number\":\"#\",\"document\":{\"date\":\"2026-02-30\"}}\n", mediaType);
                yield return (new StringBuilder().Insert(0, "{\"price\":1e400}\n", 50).ToString(), mediaType);
            }
        }
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
