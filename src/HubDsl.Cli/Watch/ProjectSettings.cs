using System.Diagnostics;
using System.Text.Json;

namespace HubDsl.Cli.Watch;

/// <summary>
/// The build settings <c>hubdsl watch</c> needs that are not compiler inputs, read from MSBuild's evaluation of
/// the project (<c>dotnet msbuild -getProperty</c>), so they are exactly what the build's HubDslWriteManifests
/// target sees: where manifests go (HubDslOutputPath, 'none' or empty for nowhere) and HubDslAdoptExisting.
/// </summary>
internal sealed record ProjectSettings(string? OutputRoot, bool AdoptExisting, string ProjectAssetsFile)
{
    private static readonly string[] Properties = ["HubDslOutputPath", "HubDslAdoptExisting", "ProjectAssetsFile", "MSBuildProjectDirectory"];

    public static async Task<ProjectSettings> ReadAsync(string projectFile, CancellationToken cancellation)
    {
        var arguments = new List<string> { "msbuild", projectFile, "-nologo" };
        arguments.AddRange(Properties.Select(p => "-getProperty:" + p));
        var (exitCode, output) = await DotnetProcess.RunAsync(Path.GetDirectoryName(projectFile)!, arguments, cancellation);
        if (exitCode != 0) throw new UserInputException("MSBuild could not evaluate '" + projectFile + "': " + DotnetProcess.FirstError(output));
        JsonElement values;
        try
        {
            values = JsonDocument.Parse(output).RootElement.GetProperty("Properties");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UserInputException("MSBuild's evaluation of '" + projectFile + "' could not be read: " + DotnetProcess.FirstError(output));
        }

        string Get(string name) => values.TryGetProperty(name, out var v) ? v.GetString() ?? string.Empty : string.Empty;
        var output_ = Get("HubDslOutputPath");
        // HubDsl.targets: 'none' disables writing; a relative path is relative to the project folder, as MSBuild's tasks resolve it.
        string? root = output_.Length == 0 || output_.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(output_, Get("MSBuildProjectDirectory"));
        // MSBuild reads booleans without case, and 'yes'/'on' as true.
        var adopt = Get("HubDslAdoptExisting").Trim().ToLowerInvariant() is "true" or "yes" or "on";
        return new ProjectSettings(root, adopt, Get("ProjectAssetsFile"));
    }
}
