namespace Portal.Infra.Tests;

/// <summary>Every template compiles and passes the linter with the rules in infra/bicep/bicepconfig.json.</summary>
public sealed class BicepLintTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(BicepCli.BicepDirectory, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(BicepCli.BicepDirectory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Template_lints_without_findings(string file)
    {
        var result = await BicepCli.RunAsync("lint", file);

        result.AssertClean();
    }

    [Fact]
    public async Task Main_template_builds_without_findings()
    {
        var result = await BicepCli.RunAsync("build", "main.bicep", "--stdout");

        result.AssertClean();
        Assert.StartsWith("{", result.Output.TrimStart());
    }

    [Fact]
    public async Task Parameter_file_builds_without_findings()
    {
        var result = await BicepCli.RunAsync("build-params", "main.bicepparam", "--stdout");

        result.AssertClean();
        Assert.Contains("parametersJson", result.Output);
    }

    [Fact]
    public async Task Findings_fail_the_check()
    {
        // Guards the check itself: with a broken bicepconfig.json, or a CLI that prints diagnostics differently,
        // everything above would pass. The probe lives outside the repository and uses the repository's config.
        var directory = Directory.CreateTempSubdirectory("bicep-probe-");
        try
        {
            var probe = Path.Combine(directory.FullName, "probe.bicep");
            await File.WriteAllTextAsync(probe, """
                param unusedValue string

                resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
                  name: 'probe'
                  location: 'westeurope'
                  kind: 'StorageV2'
                  sku: {
                    name: 'Standard_LRS'
                  }
                  properties: {
                    notAProperty: true
                  }
                }
                """);

            var result = await BicepCli.RunAsync("lint", probe, "--config", Path.Combine(BicepCli.BicepDirectory, "bicepconfig.json"));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.Findings, f => f.Contains("Error no-unused-params", StringComparison.Ordinal));
            Assert.Contains(result.Findings, f => f.Contains("Error no-hardcoded-location", StringComparison.Ordinal));
            // Not an error in Bicep, and not configurable: the check counts it anyway.
            Assert.Contains(result.Findings, f => f.Contains("Warning BCP037", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
