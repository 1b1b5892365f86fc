using System.Diagnostics;
using HubDsl.Cli.Input;
using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// Builds the imported project in a temporary copy (so nothing but the sources lands in the output folder) and
/// compares what the build wrote with the input, file by file, by meaning (<see cref="ManifestMeaning"/>).
/// </summary>
internal static class RoundTrip
{
    /// <summary>How long the build may take.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>One input file's verdict: equal, or the differences (those under a listed omission marked as such).</summary>
    public sealed record FileResult(string File, IReadOnlyList<string> Differences, IReadOnlyList<string> Expected)
    {
        public bool Same => Differences.Count == 0;
    }

    /// <summary>The verdicts, or the build's errors when it failed.</summary>
    public sealed record Result(IReadOnlyList<FileResult> Files, string? BuildFailure);

    public static async Task<Result> RunAsync(ImportProject project, ImportedFleet fleet, IReadOnlyList<(string File, YamlMapping Object)> appSets, IReadOnlyList<(string File, YamlMapping Object)> secrets,
        IReadOnlyList<ImportOmission> listed, bool localReference, CancellationToken cancellation)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-import-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        try
        {
            foreach (var (relative, text) in project.Files.Concat(project.ChartFiles.Where(c => !project.Files.ContainsKey(c.Key))))
            {
                var path = Path.Combine(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellation);
            }

            var failure = await BuildAsync(Path.Combine(folder, project.ProjectName + ".csproj"), localReference, cancellation);
            if (failure is not null) return new Result(Array.Empty<FileResult>(), failure);
            return new Result(Compare(folder, fleet, appSets, secrets, listed), null);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static List<FileResult> Compare(string folder, ImportedFleet fleet, IReadOnlyList<(string File, YamlMapping Object)> appSets, IReadOnlyList<(string File, YamlMapping Object)> secrets, IReadOnlyList<ImportOmission> listed)
    {
        var results = new List<FileResult>();
        foreach (var appSet in fleet.AppSets)
        {
            var input = appSets.First(a => a.File == appSet.SourceFile && (a.Object["metadata"] as YamlMapping)?["name"]?.AsString() == appSet.Name).Object;
            var written = Read(folder, FleetManifests.ApplicationSetFile(appSet.Name));
            results.Add(Verdict(appSet.SourceFile + " (ApplicationSet " + appSet.Name + ")", appSet.SourceFile, ManifestMeaning.ApplicationSet(input), written is null ? null : ManifestMeaning.ApplicationSet(written), listed));
        }

        foreach (var cluster in fleet.Clusters)
        {
            var input = secrets.First(s => s.File == cluster.SourceFile && ((s.Object["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty) == cluster.SecretName).Object;
            var written = Read(folder, FleetManifests.ClusterSecretFile(cluster.Cluster.Name));
            var label = cluster.SourceFile + (cluster.SecretName.Length > 0 ? " (Secret " + cluster.SecretName + ")" : string.Empty);
            results.Add(Verdict(label, cluster.SourceFile, ManifestMeaning.ClusterSecret(input), written is null ? null : ManifestMeaning.ClusterSecret(written), listed));
        }

        foreach (var appSet in fleet.AppSets)
        {
            if (appSet.Values is not { } values) continue;
            var chart = ValuesFiles.ChartFolder(appSet.Template.Source.Path.Original);
            var prefix = chart.Length == 0 ? string.Empty : chart + "/";
            var writtenDefaults = Read(folder, prefix + "values.yaml") ?? new YamlMapping();
            var defaultsFile = Path.Combine(values.Folder, "values.yaml");
            if (values.Chart is null)
            {
                results.Add(Verdict(defaultsFile, defaultsFile, ManifestMeaning.Values(values.Defaults), ManifestMeaning.Values(writtenDefaults), listed));
            }
            else if (values.Chart.FleetFile is { } fleetFile)
            {
                // Chart-typed: values.yaml is the chart's own, never written; the fleet's defaults are the build's file over it.
                var writtenFleet = Read(folder, prefix + fleetFile.Name);
                defaultsFile = Path.Combine(values.Folder, fleetFile.Name);
                results.Add(Verdict(defaultsFile + " (merged over values.yaml, as Helm does)", defaultsFile, ManifestMeaning.Values(values.Defaults),
                    writtenFleet is null ? null : ManifestMeaning.Values(ManifestMeaning.Merge(writtenDefaults, writtenFleet)), listed));
                if (writtenFleet is not null) writtenDefaults = ManifestMeaning.Merge(writtenDefaults, writtenFleet);
            }

            var pattern = appSet.Template.Source.EnvironmentFiles!;
            foreach (var (environment, file, merged) in values.Environments)
            {
                var writtenEnvironment = Read(folder, prefix + pattern.FileFor(environment));
                results.Add(Verdict(file + (values.Chart?.FleetFile is { } fleetDefaults ? " (merged over values.yaml and " + fleetDefaults.Name + ", as Helm does)" : " (merged over values.yaml, as Helm does)"), file, ManifestMeaning.Values(merged),
                    writtenEnvironment is null ? null : ManifestMeaning.Values(ManifestMeaning.Merge(writtenDefaults, writtenEnvironment)),
                    listed.Concat(listed.Where(o => o.File == defaultsFile).Select(o => o with { File = file })).ToList()));
            }
        }

        return results;
    }

    private static FileResult Verdict(string label, string file, YamlNode expected, YamlNode? actual, IReadOnlyList<ImportOmission> listed)
    {
        if (actual is null) return new FileResult(label, new[] { "the build did not write it" }, Array.Empty<string>());
        var differences = ManifestMeaning.Differences(expected, actual, limit: 50);
        var paths = listed.Where(o => o.FieldPath.Length > 0 && (o.File == file || o.File.StartsWith(file + " (", StringComparison.Ordinal))).Select(o => MeaningPath(o.FieldPath)).ToList();
        bool Listed(string difference)
        {
            var path = difference.Substring(0, difference.IndexOf(": ", StringComparison.Ordinal));
            return paths.Any(p => path == p || path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[", StringComparison.Ordinal) || p.StartsWith(path + ".", StringComparison.Ordinal));
        }

        return new FileResult(label, differences.Where(d => !Listed(d)).ToList(), differences.Where(Listed).ToList());
    }

    // Cluster Secrets compare by what Argo CD reads from them: the Secret's own name is "secretName" there.
    private static string MeaningPath(string fieldPath) => fieldPath == "metadata.name" ? "secretName" : fieldPath;

    private static YamlMapping? Read(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        if (!File.Exists(path)) return null;
        return ManifestFiles.Parse(File.ReadAllText(path), path).FirstOrDefault() ?? (YamlReader.Parse(File.ReadAllText(path)) as YamlMapping) ?? new YamlMapping();
    }

    private static async Task<string?> BuildAsync(string projectFile, bool localReference, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
        };
        // A clone's local build: its projects are built already (and may be in use by a parallel build).
        foreach (var arg in new[] { "build", projectFile, "-nologo", "-v:q", "-nodeReuse:false", "-clp:NoSummary;ErrorsOnly" }.Concat(localReference ? new[] { "--no-dependencies" } : Array.Empty<string>()))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "cannot run dotnet build (" + e.Message + "); the .NET SDK is needed for the round-trip check";
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var error = process.StandardError.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(BuildTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                if (cancellation.IsCancellationRequested) throw;
                return "dotnet build did not finish in " + BuildTimeout.TotalMinutes + " minutes";
            }

            if (process.ExitCode == 0) return null;
            var lines = ((await output) + "\n" + (await error)).Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(20).ToList();
            return "dotnet build of the imported project failed:\n" + string.Join("\n", lines.Select(l => "  " + l));
        }
    }
}
