using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Portal.Core.Shared.Http;

/// <summary>Which way a type travels: what the API reads differs from what it writes (see <see cref="OpenApiSchemas"/>).</summary>
[Flags]
internal enum Direction
{
    Request = 1,
    Response = 2,
}

/// <summary>
/// JSON Schemas of request and response types for the OpenAPI document, from <see cref="JsonSchemaExporter"/> over
/// <see cref="PortalJson.Options"/>. Types in <c>Portal.*</c> namespaces that serialize as objects, and enums, become
/// named components referenced with <c>$ref</c>; the rest is inline.
/// </summary>
/// <remarks>
/// <para>Nullability is the exporter's (nullable reference annotations on properties, <see cref="Nullable{T}"/>),
/// plus the annotations of collection elements and dictionary values, which the exporter cannot see. A nullable
/// reference to a component is <c>{"anyOf": [{"$ref": …}, {"type": "null"}]}</c>, which openapi-typescript turns
/// into <c>X | null</c>.</para>
/// <para><c>required</c> says what each direction really guarantees. The serializer writes every property but null
/// ones (<c>WhenWritingNull</c>), so in a type only ever answered, every property whose schema is not nullable is
/// required. The deserializer insists only on <c>[JsonRequired]</c> and <c>required</c> members, so in a type that is
/// ever read, only those are. A type used both ways gets the reading rule, which is true both ways.</para>
/// </remarks>
internal sealed class OpenApiSchemas
{
    public const string ProblemDetailsName = "ProblemDetails";
    private const string ComponentsPrefix = "#/components/schemas/";

    private static readonly JsonSerializerOptions Json = PortalJson.Options;

    private readonly Dictionary<string, Type?> _names = new(StringComparer.Ordinal) { [ProblemDetailsName] = null };
    private readonly Dictionary<Type, Component> _components = [];
    private readonly HashSet<Type> _inlining = [];
    private readonly NullabilityInfoContext _nullability = new();

    private sealed class Component(Type type)
    {
        public Type Type { get; } = type;
        public Direction Directions { get; set; }
        public JsonObject? Definition { get; set; }
        public List<Type> Uses { get; } = [];
    }

    /// <summary>Types that get a named schema: enums, and Portal types that serialize as JSON objects.</summary>
    public static bool IsComponent(Type type)
    {
        if (type.IsEnum)
        {
            return true;
        }
        if (type.Namespace is not { } ns || !(ns == "Portal" || ns.StartsWith("Portal.", StringComparison.Ordinal)) || type.IsGenericTypeDefinition)
        {
            return false;
        }
        return Json.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object;
    }

    /// <summary>The component name: the type's name; generic arguments spelled out (ListPage&lt;OrderView&gt; → ListPageOfOrderView).</summary>
    public static string SchemaName(Type type)
    {
        if (type.IsArray)
        {
            return SchemaName(type.GetElementType()!) + "Array";
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return "Nullable" + SchemaName(underlying);
        }
        if (!type.IsGenericType)
        {
            return type.Name;
        }
        var tick = type.Name.IndexOf('`');
        return (tick < 0 ? type.Name : type.Name[..tick]) + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaName));
    }

    /// <summary>The schema of a body or parameter of this type: a <c>$ref</c> for a component, else inline.</summary>
    public JsonNode For(Type type, Direction direction)
    {
        if (IsComponent(type))
        {
            Use(type, direction);
            return Ref(type);
        }
        var uses = new List<Type>();
        var schema = CheckNoRecursion(Export(type, definitionOf: null, uses));
        foreach (var used in uses)
        {
            Use(used, direction);
        }
        // The exporter says `true` for "anything"; `{}` says the same and every tool reads it.
        return schema is JsonValue { } value && value.GetValueKind() == JsonValueKind.True ? new JsonObject() : schema;
    }

    /// <summary>components/schemas, sorted by name, with ProblemDetails.</summary>
    public JsonObject Components()
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal) { [ProblemDetailsName] = ProblemDetails() };
        foreach (var component in _components.Values)
        {
            schemas[SchemaName(component.Type)] = Finish(component);
        }
        var result = new JsonObject();
        foreach (var (name, schema) in schemas)
        {
            result[name] = schema;
        }
        return result;
    }

    private void Use(Type type, Direction direction)
    {
        Register(type);
        if (!_components.TryGetValue(type, out var component))
        {
            _components[type] = component = new Component(type);
        }
        if ((component.Directions & direction) == direction)
        {
            return;
        }
        component.Directions |= direction;
        if (component.Definition is null)
        {
            var definition = CheckNoRecursion(Export(type, definitionOf: type, component.Uses));
            component.Definition = type.IsEnum ? EnumDefinition(type, definition) : (JsonObject)definition;
            if (type.GetCustomAttribute<DescriptionAttribute>() is { Description: { Length: > 0 } description })
            {
                component.Definition = Prepend(component.Definition, "description", description);
            }
        }
        // Set before following the uses, so a type that (indirectly) contains itself ends the walk.
        foreach (var used in component.Uses.ToList())
        {
            Use(used, direction);
        }
    }

    private void Register(Type type)
    {
        var name = SchemaName(type);
        if (_names.TryGetValue(name, out var existing))
        {
            if (existing != type)
            {
                throw new InvalidOperationException(
                    $"Two types would have the same OpenAPI schema name '{name}': {(existing is null ? "the built-in problem details schema" : TypeNames.DisplayFull(existing))} " +
                    $"and {TypeNames.DisplayFull(type)}. Schema names must be unique across namespaces; rename one of the types.");
            }
            return;
        }
        _names[name] = type;
    }

    private static JsonObject Ref(Type type) => new() { ["$ref"] = ComponentsPrefix + SchemaName(type) };

    private JsonNode Export(Type type, Type? definitionOf, List<Type> uses)
    {
        var options = new JsonSchemaExporterOptions
        {
            // Only properties carry nullable annotations; a root or an element without any is not nullable (elements
            // get their annotations in FixElements).
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context, node, definitionOf, uses),
        };
        return Json.GetJsonSchemaAsNode(type, options);
    }

    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode node, Type? definitionOf, List<Type> uses)
    {
        var type = context.TypeInfo.Type;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var isNullableValue = target != type;
        var isRoot = context.Path.IsEmpty;
        JsonNode result;
        if (IsComponent(target) && !(isRoot && target == definitionOf))
        {
            Register(target);
            uses.Add(target);
            // The exporter points at an earlier copy of a schema it has already written ("#/properties/x"); such a
            // pointer carries no nullability, so take it from the property.
            var nullable = IsPointer(node) ? isNullableValue || IsNullableProperty(context.PropertyInfo) : IsNullable(node);
            result = nullable ? NullableRef(target) : Ref(target);
        }
        else if (IsPointer(node))
        {
            // The copy pointed at may sit inside a schema replaced by a $ref, and pointers would not resolve inside
            // the OpenAPI document anyway: write the schema again.
            if (!_inlining.Add(target))
            {
                // Met again while being written: usually inside a component's copy that becomes a $ref anyway.
                // If the marker survives, the type really contains itself inline (CheckNoRecursion).
                result = new JsonObject { [RecursionMarker] = TypeNames.DisplayFull(target) };
            }
            else
            {
                try
                {
                    result = Export(target, definitionOf: null, uses);
                }
                finally
                {
                    _inlining.Remove(target);
                }
                if (isNullableValue || IsNullableProperty(context.PropertyInfo))
                {
                    result = MakeNullable(result);
                }
            }
        }
        else
        {
            result = node;
        }

        if (context.PropertyInfo is { } property)
        {
            result = FixElements(property, result);
            if (property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true) is [DescriptionAttribute { Description: { Length: > 0 } text }, ..])
            {
                result = Prepend(result is JsonObject o ? o : new JsonObject(), "description", text);
            }
        }
        return result;
    }

    private const string RecursionMarker = "x-recursion";

    private static JsonNode CheckNoRecursion(JsonNode schema)
    {
        switch (schema)
        {
            case JsonObject o when o[RecursionMarker] is { } type:
                throw new InvalidOperationException(
                    $"{type} contains itself but has no named schema; only Portal types that serialize as JSON objects can, so wrap it in one.");
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    if (value is not null)
                    {
                        CheckNoRecursion(value);
                    }
                }
                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    if (value is not null)
                    {
                        CheckNoRecursion(value);
                    }
                }
                break;
        }
        return schema;
    }

    private static bool IsPointer(JsonNode node) =>
        node is JsonObject o && o["$ref"] is JsonValue value && value.GetValue<string>() is var pointer && pointer.StartsWith('#') &&
        !pointer.StartsWith(ComponentsPrefix, StringComparison.Ordinal);

    private static bool IsNullableProperty(JsonPropertyInfo? property) => property is { IsGetNullable: true } or { IsSetNullable: true };

    /// <summary>IReadOnlyList&lt;string?&gt;, string?[], Dictionary&lt;string, X?&gt;: the element's annotation, which the exporter does not read.</summary>
    private JsonNode FixElements(JsonPropertyInfo property, JsonNode schema)
    {
        NullabilityInfo? info = property.AttributeProvider switch
        {
            PropertyInfo p => _nullability.Create(p),
            FieldInfo f => _nullability.Create(f),
            _ => null,
        };
        if (info is null || schema is not JsonObject obj || ElementIsTypeParameter((MemberInfo)property.AttributeProvider!))
        {
            return schema;
        }
        var kind = Json.GetTypeInfo(property.PropertyType).Kind;
        var (element, key) = kind switch
        {
            JsonTypeInfoKind.Enumerable when info.ElementType is { } e => (e, "items"),
            JsonTypeInfoKind.Enumerable when info.GenericTypeArguments is [var e] => (e, "items"),
            JsonTypeInfoKind.Dictionary when info.GenericTypeArguments is [_, var v] => (v, "additionalProperties"),
            _ => ((NullabilityInfo?)null, ""),
        };
        if (element is { ReadState: NullabilityState.Nullable } && !element.Type.IsValueType && obj[key] is { } inner && !IsNullable(inner))
        {
            obj[key] = MakeNullable(inner.DeepClone());
        }
        return obj;
    }

    /// <summary>
    /// ListPage&lt;T&gt;.Items is IReadOnlyList&lt;T&gt;: T's annotation belongs to the place that closes the generic, which
    /// reflection cannot see, so such an element is taken as not nullable (as the exporter takes unannotated types).
    /// </summary>
    private static bool ElementIsTypeParameter(MemberInfo member)
    {
        if (member.DeclaringType is not { IsGenericType: true, IsGenericTypeDefinition: false } declaring)
        {
            return false;
        }
        var open = declaring.GetGenericTypeDefinition()
            .GetMember(member.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .FirstOrDefault();
        var openType = open switch
        {
            PropertyInfo p => p.PropertyType,
            FieldInfo f => f.FieldType,
            _ => null,
        };
        var element = openType switch
        {
            null => null,
            { IsArray: true } => openType.GetElementType(),
            { IsGenericType: true } => openType.GetGenericArguments()[^1],
            _ => null,
        };
        return element is { IsGenericParameter: true };
    }

    private static JsonObject NullableRef(Type type) => new()
    {
        ["anyOf"] = new JsonArray(Ref(type), new JsonObject { ["type"] = "null" }),
    };

    /// <summary>Whether the schema allows null.</summary>
    public static bool IsNullable(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonValue value:
                return value.GetValueKind() == JsonValueKind.True;
            case JsonObject o:
                if (o["type"] is JsonValue type)
                {
                    return type.GetValue<string>() == "null";
                }
                if (o["type"] is JsonArray types)
                {
                    return types.Any(t => t?.GetValue<string>() == "null");
                }
                if (o["enum"] is JsonArray values)
                {
                    return values.Any(v => v is null);
                }
                if ((o["anyOf"] ?? o["oneOf"]) is JsonArray branches)
                {
                    return branches.Any(IsNullable);
                }
                // No type and no reference: anything, null included.
                return !o.ContainsKey("$ref") && !o.ContainsKey("properties") && !o.ContainsKey("items");
            default:
                return false;
        }
    }

    private static JsonNode MakeNullable(JsonNode schema)
    {
        if (IsNullable(schema))
        {
            return schema;
        }
        var o = (JsonObject)(schema.Parent is null ? schema : schema.DeepClone());
        if (o["type"] is JsonValue type)
        {
            o["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (o["enum"] is JsonArray values)
            {
                values.Add(null);
            }
            return o;
        }
        if (o["type"] is JsonArray types)
        {
            types.Add("null");
            return o;
        }
        if (o["enum"] is JsonArray enumValues)
        {
            enumValues.Add(null);
            return o;
        }
        return new JsonObject { ["anyOf"] = new JsonArray(o, new JsonObject { ["type"] = "null" }) };
    }

    /// <summary>An enum with the string converter: its camelCase names, as a string schema.</summary>
    private static JsonObject EnumDefinition(Type type, JsonNode exported)
    {
        var values = (exported as JsonObject)?["enum"] as JsonArray
                     ?? throw new InvalidOperationException($"{TypeNames.DisplayFull(type)} did not export as an enum; it needs a converter that writes names.");
        var names = values.Where(v => v is not null).Select(v => v!.DeepClone()).ToArray();
        var kind = names.All(v => v.GetValueKind() == JsonValueKind.String) ? "string" : "integer";
        return new JsonObject { ["type"] = kind, ["enum"] = new JsonArray(names) };
    }

    /// <summary>The component as written: its required properties now that it is known which way it travels.</summary>
    private JsonObject Finish(Component component)
    {
        var definition = (JsonObject)component.Definition!.DeepClone();
        if (definition["properties"] is not JsonObject properties)
        {
            return definition;
        }
        var info = Json.GetTypeInfo(component.Type);
        var read = component.Directions.HasFlag(Direction.Request);
        var required = new JsonArray();
        foreach (var (name, schema) in properties)
        {
            var property = info.Properties.FirstOrDefault(p => p.Name == name);
            var isRequired = read
                ? property is { IsRequired: true } ||
                  (Json.RespectRequiredConstructorParameters && property?.AssociatedParameter is { HasDefaultValue: false })
                : property is { Get: not null } && !IsNullable(schema);
            if (isRequired)
            {
                required.Add(name);
            }
        }
        // Rebuilt so that "required" always follows "properties".
        var result = new JsonObject();
        foreach (var (key, value) in definition.ToList())
        {
            if (key == "required")
            {
                continue;
            }
            definition.Remove(key);
            result[key] = value;
            if (key == "properties" && required.Count > 0)
            {
                result["required"] = required;
            }
        }
        return result;
    }

    private static JsonObject Prepend(JsonObject o, string key, string value)
    {
        var result = new JsonObject { [key] = value };
        foreach (var (k, v) in o.ToList())
        {
            o.Remove(k);
            if (k != key)
            {
                result[k] = v;
            }
        }
        return result;
    }

    /// <summary>What ApiResult.Problem writes (RFC 9457 with the portal's `errors` extension).</summary>
    private static JsonObject ProblemDetails() => new()
    {
        ["description"] = "RFC 9457 problem details. `type` is a stable URI a client may switch on; `title` and `detail` are for people.",
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["instance"] = new JsonObject { ["type"] = "string" },
            ["errors"] = new JsonObject
            {
                ["description"] = "Invalid fields: the camelCase field name (`lines[2].quantity`) and what is wrong with it.",
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
        ["required"] = new JsonArray("type", "title", "status"),
    };
}
