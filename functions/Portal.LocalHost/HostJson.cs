using System.Text.Json;

namespace Portal.LocalHost;

/// <summary>The parts of the Function App's host.json that change how triggers behave, with the host's defaults.</summary>
public sealed record HostJson(string RoutePrefix, QueueSettings Queues)
{
    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HostJson("api", new QueueSettings());
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = document.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var prefix = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var p)
            ? p.GetString() ?? "api"
            : "api";
        var queues = new QueueSettings();
        if (extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("queues", out var q))
        {
            queues = new QueueSettings
            {
                BatchSize = Int(q, "batchSize") ?? queues.BatchSize,
                NewBatchThreshold = Int(q, "newBatchThreshold") ?? -1,
                MaxDequeueCount = Int(q, "maxDequeueCount") ?? queues.MaxDequeueCount,
                MaxPollingInterval = Time(q, "maxPollingInterval") ?? queues.MaxPollingInterval,
                VisibilityTimeout = Time(q, "visibilityTimeout") ?? queues.VisibilityTimeout,
                MessageEncoding = q.TryGetProperty("messageEncoding", out var enc) ? enc.GetString() ?? "base64" : "base64",
            };
        }
        if (queues.NewBatchThreshold < 0)
        {
            queues = queues with { NewBatchThreshold = Math.Max(1, queues.BatchSize / 2) };
        }
        return new HostJson(prefix, queues);
    }

    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : null;

    private static TimeSpan? Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && TimeSpan.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null;
}

/// <summary>Queue trigger settings; defaults are the Functions host's (extensions.queues in host.json).</summary>
public sealed record QueueSettings
{
    public int BatchSize { get; init; } = 16;
    public int NewBatchThreshold { get; init; } = 8;
    public int MaxDequeueCount { get; init; } = 5;
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public string MessageEncoding { get; init; } = "base64";
}
