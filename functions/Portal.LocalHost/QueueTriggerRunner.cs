using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Portal.Core.Shared;

namespace Portal.LocalHost;

/// <summary>
/// Runs every queue function from its Storage queue with the Functions host's semantics (host.json
/// extensions.queues): messages fetched in batches of batchSize and a new batch once in-flight work drops to
/// newBatchThreshold; base64 payloads; polling that backs off to maxPollingInterval when the queue is empty;
/// a failed message becomes visible again after visibilityTimeout; after maxDequeueCount failed deliveries it
/// moves to "{queue}-poison". Delivery is at least once, so functions must be idempotent — as in Azure.
/// </summary>
public sealed class QueueTriggerRunner(
    IEnumerable<QueueFunction> functions,
    QueueSettings settings,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    ILogger<QueueTriggerRunner> logger) : BackgroundService
{
    /// <summary>How long a message stays invisible while a function works on it (the host's default lease).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    // Raw client: the payload encoding is decided here, from host.json, as the host does.
    private readonly QueueServiceClient _queues = PortalStorage.CreateQueueServiceClient(configuration, QueueMessageEncoding.None);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Select(f => RunAsync(f, stoppingToken)));

    private async Task RunAsync(QueueFunction function, CancellationToken stoppingToken)
    {
        var queue = _queues.GetQueueClient(function.QueueName);
        var poison = _queues.GetQueueClient(function.QueueName + "-poison");
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);

        var inFlight = 0;
        var delay = MinPollingInterval;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Volatile.Read(ref inFlight) > settings.NewBatchThreshold)
                {
                    await Task.Delay(MinPollingInterval, stoppingToken);
                    continue;
                }
                QueueMessage[] batch = (await queue.ReceiveMessagesAsync(settings.BatchSize, Lease, stoppingToken)).Value;
                if (batch.Length == 0)
                {
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }
                delay = MinPollingInterval;
                running.RemoveAll(t => t.IsCompleted);
                foreach (var message in batch)
                {
                    Interlocked.Increment(ref inFlight);
                    running.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await ProcessAsync(function, queue, poison, message, stoppingToken);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref inFlight);
                        }
                    }, CancellationToken.None));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling queue {Queue} failed; retrying", function.QueueName);
                await Task.Delay(settings.MaxPollingInterval, CancellationToken.None);
            }
        }
        // Let in-flight invocations finish their storage calls; unfinished messages reappear after the lease, as in Azure.
        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        using var storage = StorageRequestCounter.Begin();
        try
        {
            var payload = Decode(message.Body.ToString());
            await using (var scope = scopes.CreateAsyncScope())
            {
                var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.ClassType);
                var arguments = function.Method.GetParameters()
                    .Select(p => p.Position == function.Trigger.Position ? payload : (object)stoppingToken)
                    .ToArray();
                var returned = function.Method.Invoke(instance, arguments);
                switch (returned)
                {
                    case Task task:
                        await task;
                        break;
                    case ValueTask valueTask:
                        await valueTask;
                        break;
                }
            }
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            logger.LogInformation("{Function} processed message {MessageId} from {Queue} (delivery {DequeueCount}), {StorageRequests} storage requests",
                function.Name, message.MessageId, function.QueueName, message.DequeueCount, storage.Count);
        }
        catch (Exception ex)
        {
            var error = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                // The poison queue gets the message exactly as it was, so it can be inspected and re-queued as is.
                await poison.SendMessageAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                logger.LogError(error, "{Function} failed on message {MessageId} {DequeueCount} times; moved to {Queue}-poison",
                    function.Name, message.MessageId, message.DequeueCount, function.QueueName);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                logger.LogWarning(error, "{Function} failed on message {MessageId} (delivery {DequeueCount} of {Max}); it will be retried",
                    function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            }
        }
    }

    private string Decode(string body)
    {
        if (!string.Equals(settings.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("The message is not base64 as host.json messageEncoding requires.", ex);
        }
    }
}
