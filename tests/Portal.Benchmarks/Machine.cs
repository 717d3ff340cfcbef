using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Portal.Benchmarks;

/// <summary>What the run ran on, so figures from different machines are not compared blindly.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadFirst("/proc/meminfo", "MemTotal") is { } line && long.TryParse(line.Split(':', 2)[1].Trim().Split(' ')[0], out var kb)
            ? $"{kb / 1024.0 / 1024.0:F1} GiB RAM"
            : "RAM unknown";
        var os = ReadFirst("/etc/os-release", "PRETTY_NAME=")?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory}, {os} (kernel {Environment.OSVersion.Version}), {RuntimeInformation.FrameworkDescription}";
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static double LoadAverage1() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var l) ? l : 0;

    public static string AzuriteVersion(string repositoryRoot)
    {
        var file = Path.Combine(repositoryRoot, "node_modules", "azurite", "package.json");
        if (!File.Exists(file))
        {
            return "unknown";
        }
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("version").GetString() ?? "unknown";
    }

    private static string? ReadFirst(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}

/// <summary>Where the machine's CPU time went during one phase: this process (benchmark clients and portal), Azurite, anything else.</summary>
public sealed record CpuShare(string Phase, TimeSpan Wall, double MachineBusy, double ThisProcess, double Azurite)
{
    /// <summary>Busy CPU not spent by this process or Azurite: other work on the machine, in % of all cores.</summary>
    public double Other => Math.Max(0, MachineBusy - ThisProcess - Azurite);
}

/// <summary>Reads /proc/stat and process CPU times at the start and end of each phase.</summary>
public sealed class CpuMeter(int? azuritePid)
{
    private (long Busy, long Total)? _machine;
    private TimeSpan _self;
    private TimeSpan _azurite;
    private long _started;
    private string _phase = "";

    public List<CpuShare> Phases { get; } = [];

    public static int? FindAzurite(int tablePort)
    {
        foreach (var dir in Directory.Exists("/proc") ? Directory.GetDirectories("/proc") : [])
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var index = Array.IndexOf(args, "--tablePort");
                if (args.Any(a => a.EndsWith("azurite.js", StringComparison.Ordinal)) && index >= 0 && index + 1 < args.Length &&
                    args[index + 1] == tablePort.ToString(CultureInfo.InvariantCulture))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    public void Start(string phase)
    {
        _phase = phase;
        _machine = ReadMachine();
        _self = Process.GetCurrentProcess().TotalProcessorTime;
        _azurite = AzuriteTime();
        _started = Stopwatch.GetTimestamp();
    }

    public CpuShare Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var machine = ReadMachine();
        var cores = Environment.ProcessorCount;
        var capacity = wall.TotalSeconds * cores;
        double busy = 0;
        if (_machine is { } before && machine is { } after && after.Total > before.Total)
        {
            busy = 100.0 * (after.Busy - before.Busy) / (after.Total - before.Total);
        }
        var self = 100.0 * (Process.GetCurrentProcess().TotalProcessorTime - _self).TotalSeconds / capacity;
        var azurite = 100.0 * (AzuriteTime() - _azurite).TotalSeconds / capacity;
        var share = new CpuShare(_phase, wall, busy, self, azurite);
        Phases.Add(share);
        return share;
    }

    private TimeSpan AzuriteTime()
    {
        if (azuritePid is not { } pid)
        {
            return TimeSpan.Zero;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    private static (long Busy, long Total)? ReadMachine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user).
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
