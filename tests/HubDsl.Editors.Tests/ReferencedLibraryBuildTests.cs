namespace HubDsl.Editors.Tests;

/// <summary>
/// The <c>dotnet build</c> side of the fleet + library layout: the fleet compiles against the library's compiled
/// assembly, where initializers are gone, and reads the values the library's generator recorded. What it writes
/// must be what an editor computes from the library's source; a library that records nothing fails the fleet's
/// build with HUB024 naming the property to set.
/// </summary>
public sealed class ReferencedLibraryBuildTests
{
    [Fact]
    public async Task Dotnet_build_writes_the_manifests_the_editor_host_computes()
    {
        using var layout = FleetWithLibrary.Create();
        var restore = layout.Restore();
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);

        var build = layout.Build();
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        var written = layout.WrittenManifests();

        // The library's record defaults (one read from another member, a nested record) and its shared clusters.
        Assert.Contains("replicas: 2", written["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("image: ghcr.io/example/agent:1.4.2", written["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("policy: IfNotPresent", written["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("retries: 3", written["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("https://prod.example.com", written["argocd/clusters/prod.yaml"], StringComparison.Ordinal);
        Assert.Contains("https://staging.example.com", written["argocd/clusters/staging.yaml"], StringComparison.Ordinal);

        var editor = await EditorHost.OpenAsync(layout.FleetProject);
        Assert.Empty(editor.Diagnostics);
        Assert.Equal(editor.Manifests, written);
    }

    [Fact]
    public void A_library_that_declares_a_fleet_records_no_values_until_asked_and_HUB024_says_so()
    {
        using var layout = FleetWithLibrary.Create();
        layout.Write("Shared/OwnFleet.cs", "namespace Shared;\n\n[HubDsl.Fleet]\npublic static class OwnClusters\n{\n    public static readonly HubDsl.Cluster Dev = new(\"dev\", \"https://dev.example.com\");\n}\n");
        var restore = layout.Restore();
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);

        var refused = layout.Build();
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(
            "error HUB024: 'SharedClusters.Prod', declared in the referenced assembly 'Shared', cannot be evaluated: its project declares a fleet ([Fleet], [ApplicationSet] or [Hub]), and such a project records no values for other projects unless asked. Add <HubDslRecordValues>true</HubDslRecordValues> to a PropertyGroup of the project that builds 'Shared'",
            refused.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", refused.Output, StringComparison.Ordinal);

        // The fix the message names.
        var project = layout.Read("Shared/Shared.csproj");
        layout.Write("Shared/Shared.csproj", project.Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <HubDslRecordValues>true</HubDslRecordValues>", StringComparison.Ordinal));
        var fixedBuild = layout.Build();
        Assert.True(fixedBuild.ExitCode == 0, "dotnet build failed after the fix:\n" + fixedBuild.Output);
        Assert.Contains("image: ghcr.io/example/agent:1.4.2", layout.WrittenManifests()["helm/values.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_HubDslRecordValues_that_is_not_a_boolean_is_refused()
    {
        using var layout = FleetWithLibrary.Create(libraryProperties: "<HubDslRecordValues>maybe</HubDslRecordValues>");
        var restore = layout.Restore();
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);

        var build = layout.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("HubDslRecordValues is 'maybe'; set it to true or false, or remove it", build.Output, StringComparison.Ordinal);
    }
}
