using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Portal.Infra.Tests;

/// <summary>Runs the Bicep CLI from the NuGet package that restore downloaded (see the project file).</summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BicepDirectory { get; } = Path.Combine(RepositoryRoot, "infra", "bicep");

    private static readonly Lazy<string> Executable = new(() =>
    {
        var path = Metadata("BicepCliPath");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Bicep CLI not found at '{path}'; restore this project first.", path);
        }
        if (!OperatingSystem.IsLinux())
        {
            // CI and the developers' machines run Linux; the project downloads the linux-x64 CLI only.
            throw new PlatformNotSupportedException("The infrastructure checks use the linux-x64 Bicep CLI.");
        }
        // NuGet does not always keep the executable bit when it extracts a package.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return path;
    });

    /// <summary>Runs bicep with the arguments; stdout is the command's output (e.g. JSON), stderr its diagnostics.</summary>
    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = BicepDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The parameter file reads the session key from here; CI must not depend on the machine's value.
        start.Environment.Remove("PORTAL_SESSION_KEY");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
        return new BicepResult(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; it is written by the project file.");

    [GeneratedRegex(@"^.*\) : (Error|Warning) [^:]+:.*$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticLine();
}

internal sealed record BicepResult(string Command, int ExitCode, string Output, string Diagnostics)
{
    /// <summary>
    /// Errors and warnings alike: warnings include BCP037 (a property the resource type does not have), which
    /// bicepconfig.json cannot raise to an error, and which Azure would reject or silently ignore.
    /// </summary>
    public IReadOnlyList<string> Findings =>
        BicepCli.DiagnosticLine().Matches(Diagnostics).Select(m => m.Value.Trim()).ToList();

    public void AssertClean()
    {
        Assert.True(
            ExitCode == 0 && Findings.Count == 0,
            $"bicep {Command} exited with {ExitCode} and reported {Findings.Count} finding(s):{Environment.NewLine}{Diagnostics}");
    }
}
