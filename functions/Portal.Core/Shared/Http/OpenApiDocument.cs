using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Core.Shared.Http;

/// <summary>One HTTP function as the Worker SDK describes it: its name, verbs and route (without the route prefix).</summary>
public sealed record HttpFunctionMetadata(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Verbs);

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API, built from what the functions declare: the <c>[Function]</c> name, the
/// <c>[HttpTrigger]</c> verbs and route, and the contract attributes (<see cref="ApiResponseAttribute"/> and the
/// rest). Bodies are described with <see cref="JsonSchemaExporter"/> over <see cref="PortalJson.Options"/>, so the
/// schemas say what the serializer really reads and writes. The output is deterministic (paths, verbs and schemas
/// sorted; properties in declaration order), so it can be committed and compared byte for byte.
/// </summary>
/// <remarks>
/// Core does not reference the Worker SDK, so the function attributes are recognised by their full type names, as
/// the SDK's own source generator does. Types in <c>Portal.*</c> namespaces that serialize as JSON objects, and
/// all enums, become named schemas under <c>components/schemas</c>; everything else is described inline.
/// </remarks>
public static partial class OpenApiDocument
{
    public const string OpenApiVersion = "3.1.0";

    /// <summary>The session cookie over HTTPS (<c>__Host-</c> prefixed: Secure, no Domain, Path=/).</summary>
    public const string SessionCookie = "__Host-portal-session";

    /// <summary>The same session on plain-http localhost, where a <c>__Host-</c> cookie cannot be set.</summary>
    public const string LocalSessionCookie = "portal-session";

    internal const string FunctionAttributeName = "Microsoft.Azure.Functions.Worker.FunctionAttribute";
    internal const string HttpTriggerAttributeName = "Microsoft.Azure.Functions.Worker.HttpTriggerAttribute";

    /// <summary>The verbs of an HTTP trigger that names none, as the Functions host maps it.</summary>
    private static readonly string[] AllVerbs = ["get", "post", "put", "patch", "delete", "head", "options"];

    /// <summary>Operations in a path item, in the order the OpenAPI specification lists them.</summary>
    private static readonly string[] VerbOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public const string DefaultDescription =
        "The customer portal's HTTP API. JSON bodies use camelCase names, enums are camelCase strings and dates are " +
        "ISO 8601. Every failure is an RFC 9457 problem (`application/problem+json`, schema `ProblemDetails`).\n\n" +
        "**Session.** Signing in sets an HttpOnly, SameSite=Strict session cookie: `" + SessionCookie + "` over HTTPS, `" +
        LocalSessionCookie + "` on plain-http localhost. Send it with every request (a browser does). Operations " +
        "without a security requirement need no session.\n\n" +
        "**CSRF.** A state-changing request (POST, PUT, PATCH, DELETE) of a signed-in caller must carry the session's " +
        "token in the `" + PortalEndpoint.CsrfHeader + "` header; sign-in and `GET /api/me` return it. State-changing " +
        "requests that a browser marks as cross-site (`Sec-Fetch-Site`, `Origin`) are refused with 403, signed in or not.";

    /// <summary>The document for every HTTP function in the assemblies' public classes.</summary>
    /// <example>In a function: <c>OpenApiDocument.Build([typeof(MyFunctions).Assembly], "Customer Portal API", version)</c>.</example>
    public static JsonObject Build(IEnumerable<Assembly> functionAssemblies, string title, string version,
        string routePrefix = "api", string? description = null) =>
        Build(functionAssemblies.SelectMany(a => a.GetExportedTypes()), title, version, routePrefix, description);

    /// <summary>The document for every HTTP function in the given classes.</summary>
    public static JsonObject Build(IEnumerable<Type> functionClasses, string title, string version,
        string routePrefix = "api", string? description = null) =>
        Build(FindHttpFunctions(functionClasses), title, version, routePrefix, description);

    /// <summary>The document for these functions.</summary>
    public static JsonObject Build(IEnumerable<HttpFunctionMetadata> functions, string title, string version,
        string routePrefix = "api", string? description = null) =>
        new Builder(routePrefix).Build(functions, title, version, description ?? DefaultDescription);

    /// <summary>
    /// The methods with <c>[Function]</c> whose trigger is <c>[HttpTrigger]</c>, in public non-abstract classes (as
    /// LocalHost and the Worker SDK find them). Queue and other functions are left out.
    /// </summary>
    public static IReadOnlyList<HttpFunctionMetadata> FindHttpFunctions(IEnumerable<Type> types)
    {
        var functions = new List<HttpFunctionMetadata>();
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttributes(inherit: false).FirstOrDefault(a => a.GetType().FullName == FunctionAttributeName);
                if (function is null)
                {
                    continue;
                }
                var trigger = method.GetParameters()
                    .SelectMany(p => p.GetCustomAttributes(inherit: false))
                    .FirstOrDefault(a => a.GetType().FullName == HttpTriggerAttributeName);
                if (trigger is null)
                {
                    continue;
                }
                var name = (string)Property(function, "Name")!;
                var route = Property(trigger, "Route") as string;
                var verbs = Property(trigger, "Methods") is string[] { Length: > 0 } methods ? methods : AllVerbs;
                functions.Add(new HttpFunctionMetadata(name, method, route ?? name,
                    verbs.Select(v => v.ToLowerInvariant()).Distinct().ToList()));
            }
        }
        return functions;
    }

    /// <summary>Indented with two spaces, <c>\n</c> line endings and a final newline: the same bytes on every machine.</summary>
    public static string Serialize(JsonNode document) => document.ToJsonString(WriteOptions) + "\n";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static object? Property(object attribute, string name) =>
        attribute.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(attribute);

    private static bool IsUnsafe(string verb) => verb is not ("get" or "head" or "options" or "trace");

    private sealed class Builder(string routePrefix)
    {
        private readonly OpenApiSchemas _schemas = new();

        public JsonObject Build(IEnumerable<HttpFunctionMetadata> functions, string title, string version, string description)
        {
            var operations = new SortedDictionary<string, SortedDictionary<int, (string Verb, JsonObject Operation)>>(StringComparer.Ordinal);
            var tags = new SortedSet<string>(StringComparer.Ordinal);
            var operationIds = new Dictionary<string, HttpFunctionMetadata>(StringComparer.Ordinal);

            // Sorted first, so that an error (a name collision) is the same on every run.
            foreach (var function in functions.OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
            {
                var route = RouteTemplate.Parse(function);
                var path = "/" + string.Join('/', new[] { routePrefix.Trim('/'), route.Path.Trim('/') }.Where(s => s.Length > 0));
                var contract = ApiContract.For(function.Name, function.Method);
                var tag = Tag(function.Method.DeclaringType!);
                tags.Add(tag);
                foreach (var verb in function.Verbs)
                {
                    var order = Array.IndexOf(VerbOrder, verb);
                    if (order < 0)
                    {
                        throw new InvalidOperationException($"Function '{function.Name}' uses the verb '{verb}', which OpenAPI cannot describe.");
                    }
                    var operationId = function.Verbs.Count == 1 ? function.Name : function.Name + char.ToUpperInvariant(verb[0]) + verb[1..];
                    if (!operationIds.TryAdd(operationId, function))
                    {
                        throw new InvalidOperationException($"Functions '{operationIds[operationId].Name}' and '{function.Name}' both give the operation id '{operationId}'.");
                    }
                    var item = operations.TryGetValue(path, out var existing) ? existing : operations[path] = [];
                    if (item.TryGetValue(order, out var taken))
                    {
                        throw new InvalidOperationException(
                            $"Functions '{taken.Operation["operationId"]}' and '{function.Name}' both answer {verb.ToUpperInvariant()} {path}.");
                    }
                    item[order] = (verb, Operation(function, contract, route, verb, operationId, tag));
                }
            }

            var paths = new JsonObject();
            foreach (var (path, item) in operations)
            {
                var pathItem = new JsonObject();
                foreach (var (verb, operation) in item.Values)
                {
                    pathItem[verb] = operation;
                }
                paths[path] = pathItem;
            }

            return new JsonObject
            {
                ["openapi"] = OpenApiVersion,
                ["info"] = new JsonObject { ["title"] = title, ["version"] = version, ["description"] = description },
                // Same origin as the front end (Static Web Apps forwards /api), so the paths are relative to the page's.
                ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
                ["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["name"] = t }).ToArray()),
                ["paths"] = paths,
                ["components"] = new JsonObject
                {
                    ["schemas"] = _schemas.Components(),
                    ["responses"] = StandardResponses(),
                    ["securitySchemes"] = SecuritySchemes(),
                },
            };
        }

        private JsonObject Operation(HttpFunctionMetadata function, ApiContract contract, RouteTemplate route, string verb, string operationId, string tag)
        {
            var method = function.Method;
            var operation = new JsonObject { ["tags"] = new JsonArray(tag) };
            if (method.GetCustomAttribute<ApiSummaryAttribute>() is { } summary)
            {
                operation["summary"] = summary.Summary;
            }
            operation["operationId"] = operationId;

            var parameters = new JsonArray();
            var seen = new HashSet<(string, string)>();
            void Add(string name, string location, JsonObject parameter)
            {
                if (!seen.Add((location, location == "header" ? name.ToLowerInvariant() : name)))
                {
                    throw new InvalidOperationException($"Function '{function.Name}' declares the {location} parameter '{name}' more than once.");
                }
                parameters.Add(parameter);
            }

            foreach (var segment in route.Parameters)
            {
                var boundTo = method.GetParameters().FirstOrDefault(p => string.Equals(p.Name, segment.Name, StringComparison.OrdinalIgnoreCase));
                var parameter = new JsonObject { ["name"] = segment.Name, ["in"] = "path", ["required"] = true };
                if (segment.Optional)
                {
                    parameter["description"] = "May be left out: the route also matches without this segment.";
                }
                parameter["schema"] = segment.Schema(boundTo is null ? null
                    : _schemas.For(Nullable.GetUnderlyingType(boundTo.ParameterType) ?? boundTo.ParameterType, Direction.Request));
                Add(segment.Name, "path", parameter);
            }
            var queries = method.GetCustomAttributes<ApiQueryAttribute>().ToList();
            foreach (var query in queries)
            {
                Add(query.Name, "query", new JsonObject
                {
                    ["name"] = query.Name,
                    ["in"] = "query",
                    ["description"] = query.Description,
                    ["schema"] = _schemas.For(Nullable.GetUnderlyingType(query.Type) ?? query.Type, Direction.Request),
                });
            }
            foreach (var header in method.GetCustomAttributes<ApiHeaderAttribute>())
            {
                var parameter = new JsonObject { ["name"] = header.Name, ["in"] = "header", ["description"] = header.Description };
                if (header.Required)
                {
                    parameter["required"] = true;
                }
                parameter["schema"] = new JsonObject { ["type"] = "string" };
                Add(header.Name, "header", parameter);
            }
            if (parameters.Count > 0)
            {
                operation["parameters"] = parameters;
            }

            var request = method.GetCustomAttribute<ApiRequestAttribute>();
            if (request is not null)
            {
                operation["requestBody"] = RequestBody(function, request);
            }

            var responses = new JsonObject();
            foreach (var response in contract.Responses)
            {
                responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(response);
            }
            var declared = contract.Responses.Select(r => r.Status).ToHashSet();
            var standard = new SortedDictionary<int, string>();
            if ((request is not null || queries.Count > 0) && !declared.Contains(400))
            {
                standard[400] = "BadRequest";
            }
            if (!contract.Anonymous && !declared.Contains(401))
            {
                standard[401] = "Unauthenticated";
            }
            foreach (var (status, name) in standard)
            {
                responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["$ref"] = "#/components/responses/" + name };
            }
            // Statuses as the keys of one sorted object: declared and standard ones interleave by number.
            operation["responses"] = SortResponses(responses);

            operation["security"] = contract.Anonymous ? new JsonArray() : Security(IsUnsafe(verb));
            return operation;
        }

        private JsonObject RequestBody(HttpFunctionMetadata function, ApiRequestAttribute request)
        {
            var content = new JsonObject();
            var notes = new List<string>();
            var itemName = OpenApiSchemas.IsComponent(request.Body) ? OpenApiSchemas.SchemaName(request.Body) : TypeNames.Display(request.Body);
            if (request.ContentTypes.Length == 0)
            {
                throw new InvalidOperationException($"Function '{function.Name}' declares [ApiRequest] with no content types.");
            }
            foreach (var contentType in request.ContentTypes)
            {
                switch (MediaKind(contentType))
                {
                    case Media.Json:
                        content[contentType] = new JsonObject { ["schema"] = _schemas.For(request.Body, Direction.Request) };
                        break;
                    case Media.Csv:
                        notes.Add($"`{contentType}`: a header row naming the columns (the camelCase property names of `{itemName}`), then one row per `{itemName}`.");
                        content[contentType] = LineFormat(request.Body);
                        break;
                    case Media.JsonLines:
                        notes.Add($"`{contentType}`: one JSON object per line, each a `{itemName}`.");
                        content[contentType] = LineFormat(request.Body);
                        break;
                    default:
                        content[contentType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["contentMediaType"] = contentType } };
                        break;
                }
            }
            if (request.Description is { Length: > 0 } more)
            {
                notes.Add(more);
            }
            var body = new JsonObject();
            if (notes.Count > 0)
            {
                body["description"] = string.Join("\n\n", notes);
            }
            body["required"] = true;
            body["content"] = content;
            return body;
        }

        // A file of rows or lines is a string on the wire; x-item-schema names the schema of one row or line.
        private JsonObject LineFormat(Type item) => new()
        {
            ["schema"] = new JsonObject { ["type"] = "string" },
            ["x-item-schema"] = _schemas.For(item, Direction.Request),
        };

        private JsonObject Response(ApiResponseAttribute response)
        {
            var result = new JsonObject
            {
                ["description"] = response.Description ?? (ReasonPhrases.GetReasonPhrase(response.Status) is { Length: > 0 } reason ? reason : $"Status {response.Status}"),
            };
            if (response.Status is 201 or 202 or (>= 300 and < 400 and not 304))
            {
                result["headers"] = new JsonObject
                {
                    ["Location"] = new JsonObject
                    {
                        ["description"] = response.Status < 300 ? "Where the created or accepted resource can be read." : "Where to go next.",
                        ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "uri-reference" },
                    },
                };
            }
            if (response.Body is not null)
            {
                result["content"] = new JsonObject { [response.ContentType] = new JsonObject { ["schema"] = _schemas.For(response.Body, Direction.Response) } };
            }
            else if (response.Status >= 400)
            {
                result["content"] = ProblemContent();
            }
            return result;
        }

        private static JsonObject SortResponses(JsonObject responses)
        {
            var sorted = new JsonObject();
            foreach (var key in responses.Select(r => r.Key).OrderBy(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToList())
            {
                var value = responses[key]!;
                responses.Remove(key);
                sorted[key] = value;
            }
            sorted["default"] = new JsonObject { ["$ref"] = "#/components/responses/Problem" };
            return sorted;
        }

        private static JsonArray Security(bool unsafeVerb)
        {
            JsonObject Requirement(string session)
            {
                var requirement = new JsonObject { [session] = new JsonArray() };
                if (unsafeVerb)
                {
                    requirement["csrfToken"] = new JsonArray();
                }
                return requirement;
            }
            // Either cookie (alternatives), each with the CSRF token on state-changing requests.
            return [Requirement("session"), Requirement("localSession")];
        }

        private static JsonObject ProblemContent() => new()
        {
            ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + OpenApiSchemas.ProblemDetailsName } },
        };

        private static JsonObject StandardResponses() => new()
        {
            ["BadRequest"] = new JsonObject
            {
                ["description"] = "The request has invalid fields (`errors` lists them by camelCase field name) or a body that could not be read.",
                ["content"] = ProblemContent(),
            },
            ["Problem"] = new JsonObject
            {
                ["description"] = "A problem (RFC 9457); `type` identifies it. 400 invalid request, 401 not signed in, 403 not allowed " +
                                  "(wrong kind of user, external access off, cross-site or without the CSRF token), 404 not found or not " +
                                  "yours, 409 conflicts with the current state, 412 changed since the ETag in If-Match, 413 body too large, " +
                                  "415 wrong media type, 422 the same Idempotency-Key with a different request, 428 If-Match missing, " +
                                  "429 too many attempts, 500 a failure on the server's side, 503 storage unreachable.",
                ["content"] = ProblemContent(),
            },
            ["Unauthenticated"] = new JsonObject
            {
                ["description"] = "No session, or it has ended: sign in again.",
                ["content"] = ProblemContent(),
            },
        };

        private static JsonObject SecuritySchemes() => new()
        {
            ["csrfToken"] = new JsonObject
            {
                ["type"] = "apiKey",
                ["in"] = "header",
                ["name"] = PortalEndpoint.CsrfHeader,
                ["description"] = "The session's CSRF token, returned by sign-in and `GET /api/me`; required on state-changing requests of a signed-in caller.",
            },
            ["localSession"] = new JsonObject
            {
                ["type"] = "apiKey",
                ["in"] = "cookie",
                ["name"] = LocalSessionCookie,
                ["description"] = "The session cookie on plain-http localhost, where a `__Host-` cookie cannot be set.",
            },
            ["session"] = new JsonObject
            {
                ["type"] = "apiKey",
                ["in"] = "cookie",
                ["name"] = SessionCookie,
                ["description"] = "The session cookie set by sign-in (HttpOnly, Secure, SameSite=Strict); it lasts 8 hours at most.",
            },
        };

        /// <summary>The feature folder: Portal.Functions.Features.Ordering → Ordering.</summary>
        private static string Tag(Type type)
        {
            var parts = (type.Namespace ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries);
            var features = Array.LastIndexOf(parts, "Features");
            return features >= 0 && features + 1 < parts.Length ? parts[features + 1]
                : parts.Length > 0 ? parts[^1]
                : type.Name;
        }
    }

    private enum Media
    {
        Json,
        Csv,
        JsonLines,
        Other,
    }

    private static Media MediaKind(string contentType)
    {
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" => Media.Json,
            _ when media.EndsWith("+json", StringComparison.Ordinal) => Media.Json,
            "text/csv" => Media.Csv,
            "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => Media.JsonLines,
            _ => Media.Other,
        };
    }

    /// <summary>A route template: its OpenAPI path (constraints, defaults and optional marks removed) and parameters.</summary>
    private sealed partial record RouteTemplate(string Path, IReadOnlyList<RouteParameter> Parameters)
    {
        [GeneratedRegex(@"\{(?<body>(?:[^{}]|\{\{|\}\})+)\}")]
        private static partial Regex Token();

        public static RouteTemplate Parse(HttpFunctionMetadata function)
        {
            var parameters = new List<RouteParameter>();
            var path = Token().Replace(function.Route, match =>
            {
                var parameter = RouteParameter.Parse(match.Groups["body"].Value);
                if (parameters.Any(p => p.Name == parameter.Name))
                {
                    throw new InvalidOperationException($"Function '{function.Name}' names the route parameter '{parameter.Name}' twice.");
                }
                parameters.Add(parameter);
                return "{" + parameter.Name + "}";
            });
            return new RouteTemplate(path, parameters);
        }
    }

    private sealed record RouteParameter(string Name, IReadOnlyList<string> Constraints, bool Optional)
    {
        /// <summary>"id:int", "slug:alpha?", "*rest", "code:length(3)", "page=1".</summary>
        public static RouteParameter Parse(string body)
        {
            var name = new string(body.TrimStart('*').TakeWhile(c => c is not (':' or '=' or '?')).ToArray());
            var rest = body.TrimStart('*')[name.Length..];
            var optional = rest.EndsWith('?');
            if (optional)
            {
                rest = rest[..^1];
            }
            var equals = IndexOutsideParentheses(rest, '=');
            if (equals >= 0)
            {
                rest = rest[..equals];
            }
            var constraints = new List<string>();
            var depth = 0;
            var start = -1;
            for (var i = 0; i < rest.Length; i++)
            {
                switch (rest[i])
                {
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                    case ':' when depth == 0:
                        if (start >= 0)
                        {
                            constraints.Add(rest[start..i]);
                        }
                        start = i + 1;
                        break;
                }
            }
            if (start >= 0 && start <= rest.Length)
            {
                constraints.Add(rest[start..]);
            }
            return new RouteParameter(name, constraints.Where(c => c.Length > 0).ToList(), optional);
        }

        private static int IndexOutsideParentheses(string text, char c)
        {
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
                if (depth == 0 && text[i] == c)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>The route constraint's type wins; else the type of the method parameter bound to it; else string.</summary>
        public JsonNode Schema(JsonNode? fromParameter)
        {
            var schema = fromParameter as JsonObject ?? new JsonObject { ["type"] = "string" };
            foreach (var constraint in Constraints)
            {
                var open = constraint.IndexOf('(');
                var kind = (open < 0 ? constraint : constraint[..open]).ToLowerInvariant();
                var args = open < 0 ? [] : constraint[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
                switch (kind)
                {
                    case "int":
                        schema = new JsonObject { ["type"] = "integer", ["format"] = "int32" };
                        break;
                    case "long":
                        schema = new JsonObject { ["type"] = "integer", ["format"] = "int64" };
                        break;
                    case "bool":
                        schema = new JsonObject { ["type"] = "boolean" };
                        break;
                    case "guid":
                        schema = new JsonObject { ["type"] = "string", ["format"] = "uuid" };
                        break;
                    case "decimal" or "double" or "float":
                        schema = new JsonObject { ["type"] = "number" };
                        break;
                    case "datetime":
                        schema = new JsonObject { ["type"] = "string", ["format"] = "date-time" };
                        break;
                    case "alpha":
                        schema["pattern"] = "^[A-Za-z]+$";
                        break;
                    case "minlength":
                        schema["minLength"] = Number(args[0]);
                        break;
                    case "maxlength":
                        schema["maxLength"] = Number(args[0]);
                        break;
                    case "length":
                        schema["minLength"] = Number(args[0]);
                        schema["maxLength"] = Number(args[^1]);
                        break;
                    case "min":
                        schema["minimum"] = Number(args[0]);
                        break;
                    case "max":
                        schema["maximum"] = Number(args[0]);
                        break;
                    case "range":
                        schema["minimum"] = Number(args[0]);
                        schema["maximum"] = Number(args[^1]);
                        break;
                    case "regex":
                        schema["pattern"] = constraint[(open + 1)..^1];
                        break;
                }
            }
            return schema;
        }

        private static long Number(string value) => long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
