using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Tests.Shared.OpenApiSamples.Features.Billing;
using Portal.Core.Tests.Shared.OpenApiSamples.Features.Operations;
using Portal.Core.Tests.Shared.OpenApiSamples.Features.Ordering;

namespace Portal.Core.Tests.Shared;

public sealed class OpenApiDocumentTests
{
    private static readonly Type[] Samples = [typeof(SampleOrderFunctions), typeof(SampleHealthFunctions)];

    private static readonly JsonObject Document = OpenApiDocument.Build(Samples, "Sample API", "1.2.3");

    private static JsonObject Operation(string path, string verb) => Document["paths"]![path]![verb]!.AsObject();

    private static JsonObject Schema(string name) => Document["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Parameter(JsonObject operation, string name) =>
        operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!.AsObject();

    private static JsonNode Ref(string name) => new JsonObject { ["$ref"] = "#/components/schemas/" + name };

    private static JsonNode NullableRef(string name) => new JsonObject { ["anyOf"] = new JsonArray(Ref(name), new JsonObject { ["type"] = "null" }) };

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}, got {actual?.ToJsonString()}");

    private static void AssertJson(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void The_document_is_OpenAPI_3_1_JSON_with_title_version_and_a_description_of_session_and_CSRF()
    {
        var text = OpenApiDocument.Serialize(Document);

        using var parsed = JsonDocument.Parse(text);
        Assert.Equal("3.1.0", parsed.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("Sample API", parsed.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("1.2.3", parsed.RootElement.GetProperty("info").GetProperty("version").GetString());
        var description = parsed.RootElement.GetProperty("info").GetProperty("description").GetString()!;
        Assert.Contains("__Host-portal-session", description);
        Assert.Contains("X-CSRF-Token", description);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void Every_HTTP_function_is_a_path_under_api_with_its_verbs_and_the_function_name_as_operation_id()
    {
        var paths = Document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(
        [
            "/api/sample/cart/lines/{lineNumber}/{slug}",
            "/api/sample/checkouts",
            "/api/sample/health",
            "/api/sample/invoices/{number}/file",
            "/api/sample/orders",
            "/api/sample/orders/{id}",
            "/api/sample/products/import",
            "/api/sample/tree",
            "/api/sample/undeclared",
        ], paths);
        Assert.Equal(["get"], Document["paths"]!["/api/sample/orders"]!.AsObject().Select(v => v.Key));
        Assert.Equal("ListSampleOrders", Operation("/api/sample/orders", "get")["operationId"]!.GetValue<string>());
        Assert.Equal("The orders, newest first", Operation("/api/sample/orders", "get")["summary"]!.GetValue<string>());
        Assert.Equal("StartSampleCheckout", Operation("/api/sample/checkouts", "post")["operationId"]!.GetValue<string>());
        // One function, two verbs: two operations, whose ids must differ.
        Assert.Equal(["delete", "patch"], Document["paths"]!["/api/sample/cart/lines/{lineNumber}/{slug}"]!.AsObject().Select(v => v.Key));
        Assert.Equal("ChangeSampleLinePatch", Operation("/api/sample/cart/lines/{lineNumber}/{slug}", "patch")["operationId"]!.GetValue<string>());
        // A [Function] without an HTTP trigger (a queue function) is not part of the HTTP API.
        Assert.DoesNotContain("ProcessSampleMessage", OpenApiDocument.Serialize(Document));
    }

    [Fact]
    public void The_feature_folder_of_the_function_class_is_the_tag()
    {
        Assert.Equal(["Ordering"], Strings(Operation("/api/sample/orders", "get")["tags"]));
        Assert.Equal(["Operations"], Strings(Operation("/api/sample/health", "get")["tags"]));
        Assert.Equal(["Operations", "Ordering"], Document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Route_parameters_are_required_path_parameters_typed_by_their_constraint()
    {
        var order = Operation("/api/sample/orders/{id}", "get");
        AssertJson("""{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}""", Parameter(order, "id"));

        var line = Operation("/api/sample/cart/lines/{lineNumber}/{slug}", "patch");
        AssertJson("""{"type":"integer","format":"int32"}""", Parameter(line, "lineNumber")["schema"]);
        var slug = Parameter(line, "slug");
        Assert.True(slug["required"]!.GetValue<bool>());
        AssertJson("""{"type":"string","pattern":"^[A-Za-z]+$"}""", slug["schema"]);
        Assert.Contains("left out", slug["description"]!.GetValue<string>());

        AssertJson("""{"type":"string"}""", Parameter(Operation("/api/sample/invoices/{number}/file", "get"), "number")["schema"]);
    }

    [Fact]
    public void Query_and_header_parameters_come_from_the_attributes_with_schemas_from_their_types()
    {
        var list = Operation("/api/sample/orders", "get");
        Assert.Equal(["status", "from", "pageSize", "continuation"], list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        var status = Parameter(list, "status");
        Assert.Equal("query", status["in"]!.GetValue<string>());
        Assert.Equal("Only orders in this status", status["description"]!.GetValue<string>());
        Assert.False(status.ContainsKey("required"));
        AssertJson(Ref("SampleStatus"), status["schema"]);
        AssertJson("""{"type":"string","format":"date"}""", Parameter(list, "from")["schema"]);
        AssertJson("""{"type":"integer"}""", Parameter(list, "pageSize")["schema"]);
        AssertJson("""{"type":"string"}""", Parameter(list, "continuation")["schema"]);

        var checkout = Operation("/api/sample/checkouts", "post");
        AssertJson("""{"name":"If-Match","in":"header","description":"The cart version you reviewed","required":true,"schema":{"type":"string"}}""",
            Parameter(checkout, "If-Match"));
        Assert.False(Parameter(checkout, "Idempotency-Key").ContainsKey("required"));
    }

    [Fact]
    public void Request_bodies_and_responses_reference_named_component_schemas()
    {
        var checkout = Operation("/api/sample/checkouts", "post");
        Assert.True(checkout["requestBody"]!["required"]!.GetValue<bool>());
        AssertJson(Ref("SampleCheckoutRequest"), checkout["requestBody"]!["content"]!["application/json"]!["schema"]);

        var responses = checkout["responses"]!.AsObject();
        Assert.Equal(["202", "400", "401", "409", "default"], responses.Select(r => r.Key));
        AssertJson(Ref("SampleOrderView"), responses["202"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(responses["202"]!["headers"]!["Location"]);
        Assert.Equal("The cart is empty", responses["409"]!["description"]!.GetValue<string>());
        AssertJson(Ref("ProblemDetails"), responses["409"]!["content"]!["application/problem+json"]!["schema"]);
        AssertJson("""{"$ref":"#/components/responses/Problem"}""", responses["default"]);

        AssertJson(Ref("ListPageOfSampleSummary"), Operation("/api/sample/orders", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
        // A collection is described inline, its items by reference.
        AssertJson(new JsonObject { ["type"] = "array", ["items"] = Ref("SampleLine") },
            Operation("/api/sample/products/import", "post")["responses"]!["200"]!["content"]!["application/json"]!["schema"]);

        var redirect = Operation("/api/sample/invoices/{number}/file", "get")["responses"]!["302"]!.AsObject();
        Assert.Equal("Redirect to a short-lived download URL", redirect["description"]!.GetValue<string>());
        Assert.False(redirect.ContainsKey("content"));
        Assert.Equal("No Content", Operation("/api/sample/cart/lines/{lineNumber}/{slug}", "delete")["responses"]!["204"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Every_operation_has_the_problem_default_and_the_standard_400_and_401_where_they_can_happen()
    {
        foreach (var (_, item) in Document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                AssertJson("""{"$ref":"#/components/responses/Problem"}""", operation!["responses"]!["default"]);
            }
        }
        // Input (a body or query values) can be invalid; a session can be missing unless the function needs none.
        Assert.NotNull(Operation("/api/sample/orders", "get")["responses"]!["400"]);
        Assert.Null(Operation("/api/sample/orders/{id}", "get")["responses"]!["400"]);
        Assert.NotNull(Operation("/api/sample/orders/{id}", "get")["responses"]!["401"]);
        Assert.Null(Operation("/api/sample/health", "get")["responses"]!["401"]);

        var problem = Schema("ProblemDetails");
        Assert.Equal(["type", "title", "status", "detail", "instance", "errors"], problem["properties"]!.AsObject().Select(p => p.Key));
        AssertJson("""{"type":"array","items":{"type":"string"}}""", problem["properties"]!["errors"]!["additionalProperties"]);
    }

    [Fact]
    public void Line_format_request_bodies_are_strings_whose_rows_or_lines_follow_the_item_schema()
    {
        var body = Operation("/api/sample/products/import", "post")["requestBody"]!.AsObject();

        Assert.Equal(["text/csv", "application/x-ndjson"], body["content"]!.AsObject().Select(c => c.Key));
        foreach (var (_, media) in body["content"]!.AsObject())
        {
            AssertJson("""{"type":"string"}""", media!["schema"]);
            AssertJson(Ref("SampleImport"), media["x-item-schema"]);
        }
        var description = body["description"]!.GetValue<string>();
        Assert.Contains("one row per `SampleImport`", description);
        Assert.Contains("one JSON object per line", description);
        Assert.Contains("Checked whole first.", description);
        Assert.NotNull(Schema("SampleImport"));
    }

    [Fact]
    public void Enums_are_named_string_schemas_of_their_camelCase_names()
    {
        AssertJson("""{"type":"string","enum":["sent","inProgress","completed"]}""", Schema("SampleStatus"));
        AssertJson(Ref("SampleStatus"), Schema("SampleOrderView")["properties"]!["status"]);
    }

    [Fact]
    public void Nullability_is_the_serializers_and_nullable_references_to_components_are_anyOf_with_null()
    {
        var order = Schema("SampleOrderView")["properties"]!.AsObject();

        AssertJson(Ref("SampleMoney"), order["total"]);
        AssertJson(NullableRef("SampleMoney"), order["discount"]);
        AssertJson(NullableRef("SampleStatus"), order["previousStatus"]);
        AssertJson("""{"type":["string","null"]}""", order["customerReference"]);
        AssertJson("""{"type":"string","format":"date"}""", order["date"]);
        AssertJson("""{"type":"string","format":"date-time"}""", order["createdAt"]);
        AssertJson("""{"type":"integer"}""", order["lineCount"]);
        // Elements keep their own annotation: IReadOnlyList<SampleLine> has no null items, IReadOnlyList<string?> may.
        AssertJson(new JsonObject { ["type"] = "array", ["items"] = Ref("SampleLine") }, order["lines"]);
        AssertJson("""{"type":"array","items":{"type":["string","null"]}}""", order["tags"]);
        Assert.Equal("One order with its lines.", Schema("SampleOrderView")["description"]!.GetValue<string>());
        Assert.False(Schema("SampleOrderView")["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Required_says_what_is_always_written_in_answers_and_what_must_be_sent_in_requests()
    {
        // Answered only: everything not nullable is always written (null is left out, so it cannot be required).
        Assert.Equal(["id", "status", "date", "createdAt", "total", "lines", "tags", "lineCount"], Strings(Schema("SampleOrderView")["required"]));
        // Read: only what the deserializer insists on ([JsonRequired]); Priority has a default.
        Assert.Equal(["reference"], Strings(Schema("SampleCheckoutRequest")["required"]));
        AssertJson("""{"description":"Shown to the warehouse.","type":["string","null"]}""", Schema("SampleCheckoutRequest")["properties"]!["comment"]);
        // Read as part of a request and written as part of an answer: the reading rule holds both ways.
        Assert.False(Schema("SampleLine").ContainsKey("required"));
    }

    [Fact]
    public void Generic_types_get_readable_names_and_their_type_argument_by_reference()
    {
        var page = Schema("ListPageOfSampleSummary");

        AssertJson(new JsonObject { ["type"] = "array", ["items"] = Ref("SampleSummary") }, page["properties"]!["items"]);
        AssertJson("""{"type":["string","null"]}""", page["properties"]!["continuation"]);
        Assert.Equal(["items"], Strings(page["required"]));
    }

    [Fact]
    public void A_type_that_contains_itself_refers_to_its_own_component()
    {
        var node = Schema("SampleNode")["properties"]!.AsObject();

        AssertJson(new JsonObject { ["type"] = "array", ["items"] = Ref("SampleNode") }, node["children"]);
        AssertJson(NullableRef("SampleNode"), node["parent"]);
    }

    [Fact]
    public void Every_reference_in_the_document_resolves()
    {
        var references = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == "$ref")
                        {
                            references.Add(value!.GetValue<string>());
                        }
                        Walk(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var value in a)
                    {
                        Walk(value);
                    }
                    break;
            }
        }
        Walk(Document);

        Assert.NotEmpty(references);
        foreach (var reference in references.Distinct())
        {
            Assert.StartsWith("#/components/", reference);
            JsonNode? target = Document;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/").Replace("~0", "~")];
            }
            Assert.True(target is not null, $"{reference} does not resolve.");
        }
        // And every named schema is used (nothing stale).
        var schemas = Document["components"]!["schemas"]!.AsObject().Select(s => "#/components/schemas/" + s.Key);
        Assert.Empty(schemas.Except(references));
    }

    [Fact]
    public void Security_needs_the_session_cookie_and_on_state_changing_requests_the_CSRF_token()
    {
        AssertJson("""[{"session":[]},{"localSession":[]}]""", Operation("/api/sample/orders", "get")["security"]);
        AssertJson("""[{"session":[],"csrfToken":[]},{"localSession":[],"csrfToken":[]}]""", Operation("/api/sample/checkouts", "post")["security"]);
        AssertJson("[]", Operation("/api/sample/health", "get")["security"]);

        var schemes = Document["components"]!["securitySchemes"]!;
        AssertJson("""{"type":"apiKey","in":"cookie","name":"__Host-portal-session"}""", Without(schemes["session"], "description"));
        AssertJson("""{"type":"apiKey","in":"cookie","name":"portal-session"}""", Without(schemes["localSession"], "description"));
        AssertJson("""{"type":"apiKey","in":"header","name":"X-CSRF-Token"}""", Without(schemes["csrfToken"], "description"));
    }

    private static JsonNode Without(JsonNode? node, string key)
    {
        var copy = node!.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    [Fact]
    public void Two_builds_give_the_same_bytes_whatever_the_order_the_functions_come_in()
    {
        var first = OpenApiDocument.Serialize(OpenApiDocument.Build(Samples, "Sample API", "1.2.3"));
        var second = OpenApiDocument.Serialize(OpenApiDocument.Build(Samples.Reverse(), "Sample API", "1.2.3"));

        Assert.Equal(first, second);
        Assert.Equal(first, OpenApiDocument.Serialize(Document));
        // Sorted: paths and schemas in ordinal order.
        var schemaNames = Document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Equal(schemaNames.Order(StringComparer.Ordinal), schemaNames);
    }

    [Fact]
    public void Two_types_with_one_name_in_different_namespaces_are_refused_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            OpenApiDocument.Build([typeof(SampleOrderFunctions), typeof(CollidingFunctions)], "Sample API", "1"));

        Assert.Contains("'SampleMoney'", error.Message);
        Assert.Contains("Portal.Core.Tests.Shared.OpenApiSamples.Features.Ordering.SampleMoney", error.Message);
        Assert.Contains("Portal.Core.Tests.Shared.OpenApiSamples.Features.Billing.SampleMoney", error.Message);
    }

    [Fact]
    public void A_status_declared_twice_is_refused_naming_the_function()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenApiDocument.Build([typeof(TwiceDeclaredFunctions)], "Sample API", "1"));

        Assert.Contains("'TwiceDeclared'", error.Message);
        Assert.Contains("ApiResponse(200)", error.Message);
    }

    [Fact]
    public async Task The_ProblemDetails_schema_describes_what_ApiResult_writes_for_a_problem()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var problem = ApiResult.Problem(Problems.Validation("lines[0].quantity", "Enter a quantity above zero."), "/api/cart/lines");

        await problem.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        var written = JsonNode.Parse(((MemoryStream)context.Response.Body).ToArray())!.AsObject();
        var schema = Schema("ProblemDetails");
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.All(written.Select(p => p.Key), name => Assert.Contains(name, properties));
        Assert.All(Strings(schema["required"]), name => Assert.True(written.ContainsKey(name), $"ApiResult wrote no '{name}'."));
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
    }
}
