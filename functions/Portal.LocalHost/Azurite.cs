using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.LocalHost;

/// <summary>
/// Starts the Azurite storage emulator from the repository's own node_modules (package.json pins the version),
/// bound to 127.0.0.1, and stops it when disposed. Used by LocalHost when nothing listens on the development
/// storage ports, and by the tests (random ports, in memory).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private readonly Process _process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite. <paramref name="dataFolder"/> null keeps data in memory only.</summary>
    public static async Task<Azurite> StartAsync(string repositoryRoot, int blobPort, int queuePort, int tablePort, string? dataFolder, CancellationToken cancellationToken)
    {
        var entry = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entry))
        {
            await InstallAsync(repositoryRoot, cancellationToken);
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     entry, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", blobPort.ToString(), "--queuePort", queuePort.ToString(), "--tablePort", tablePort.ToString(),
                     // Azurite 3.37 refuses the API versions the current SDKs send unless told not to check.
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node to run Azurite.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new Azurite(process, blobPort, queuePort, tablePort);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(IsListening(blobPort) && IsListening(queuePort) && IsListening(tablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                string text;
                lock (output) { text = output.ToString(); }
                throw new InvalidOperationException($"Azurite did not start on ports {blobPort}/{queuePort}/{tablePort}:{Environment.NewLine}{text}");
            }
            await Task.Delay(100, cancellationToken);
        }
        return azurite;
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts Azurite on three free loopback ports. A port that was free when chosen can be taken before Azurite binds
    /// it (tests running beside it open connections all the time), so a start that fails is tried again on new ports.
    /// </summary>
    public static async Task<Azurite> StartOnFreePortsAsync(string repositoryRoot, string? dataFolder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(repositoryRoot, FreePort(), FreePort(), FreePort(), dataFolder, cancellationToken);
            }
            catch (InvalidOperationException ex) when (attempt < 5 && ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task InstallAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = repositoryRoot, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(arg);
        }
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not run npm to install Azurite.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' in {repositoryRoot} failed with exit code {process.ExitCode}; Azurite is not installed.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    /// <summary>The folder that holds package.json and Portal.sln, found by walking up from <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Could not find the repository root (Portal.sln and package.json) above {start}.");
    }
}
