using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Import;
using HubDsl.Cli.Input;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl import</c>: an existing fleet (ApplicationSets, cluster Secrets, values files) as a HubDsl project that
/// builds, checked by building it and comparing the manifests with the input. Exit 0 when everything was imported
/// and means the same after the build, 1 when something was left out or differs (listed), 2 on bad input.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var appSets = new Option<string[]>("--appset") { Description = "A YAML file or folder with ApplicationSets (repeatable).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var clusters = new Option<string[]>("--clusters") { Description = "A YAML file or folder with the hub's cluster Secrets (repeatable). Credentials are never read into the code.", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var fromHub = new Option<bool>("--from-hub") { Description = "Read the cluster Secrets from the hub through the kubeconfig, as 'cluster list' does." };
        var values = new Option<string[]>("--values") { Description = "A chart folder with values.yaml and values-<env>.yaml (repeatable); it belongs to the ApplicationSet whose source path it is.", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        // Checked when the command runs, so a bad value of another option is reported first, by name.
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write the fleet project to (required)." };
        var codeNamespace = new Option<string?>("--namespace") { Description = "The C# namespace of the generated code (default: from the output folder's name)." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist in the output folder." };
        var version = new Option<string?>("--hubdsl-version") { Description = "The HubDsl package version the project references (default: this tool's version)." };
        var local = new Option<string?>("--hubdsl-local") { Description = "Reference a HubDsl clone instead of the package: the path of its src/HubDsl/build/HubDsl.Local.props (its projects must be built)." };
        var common = new CommonOptions();
        var command = new Command("import", "Import an existing Argo CD fleet (ApplicationSets, cluster Secrets, values files) as a HubDsl C# project, and check that it builds the same manifests.")
        {
            appSets, clusters, fromHub, values, output, codeNamespace, force, version, local,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, () => RunAsync(console, new Request(
            parse.GetValue(appSets) ?? Array.Empty<string>(), parse.GetValue(clusters) ?? Array.Empty<string>(), parse.GetValue(fromHub),
            parse.GetValue(values) ?? Array.Empty<string>(), parse.GetValue(output), parse.GetValue(codeNamespace), parse.GetValue(force),
            parse.GetValue(version), parse.GetValue(local)), parse.GetValue(fromHub) ? common.Read(parse, console) : null, ct)));
        return command;
    }

    private sealed record Request(string[] AppSets, string[] Clusters, bool FromHub, string[] Values, string? Output, string? Namespace, bool Force, string? Version, string? Local);

    private static async Task<int> RunAsync(RuntimeConsole console, Request request, HubConnectionOptions? hub, CancellationToken cancellation)
    {
        if (request.Output is null) throw new UserInputException("-o: give the folder to write the fleet project to (-o fleet)");
        if (request.FromHub && request.Clusters.Length > 0) throw new UserInputException("--clusters and --from-hub do not go together: give the Secrets as files, or read them from the hub");
        foreach (var folder in request.Values)
        {
            if (!Directory.Exists(folder)) throw new UserInputException("--values: '" + folder + "' is not a folder; give the chart folder that holds values.yaml");
        }

        if (request.AppSets.Length == 0 && request.Clusters.Length == 0 && !request.FromHub) throw new UserInputException("nothing to import: give --appset, --clusters or --from-hub");
        if (request.Local is not null && !File.Exists(request.Local)) throw new UserInputException("--hubdsl-local: '" + request.Local + "' does not exist; give the path of a HubDsl clone's src/HubDsl/build/HubDsl.Local.props");

        var watch = Stopwatch.StartNew();
        var appSetObjects = ReadObjects("--appset", request.AppSets, "argoproj.io/v1alpha1", "ApplicationSet", out var otherObjects);
        var secretObjects = hub is null ? ReadObjects("--clusters", request.Clusters, "v1", "Secret", out _) : await HubSecretsAsync(hub, cancellation);
        var fleet = FleetImporter.Import(appSetObjects, secretObjects, request.Values);
        var omissions = otherObjects.Concat(fleet.Omissions).ToList();

        var outputFolder = Path.GetFullPath(request.Output);
        var projectName = ProjectName(outputFolder);
        var codeNamespace = request.Namespace ?? projectName;
        if (!IsNamespace(codeNamespace)) throw new UserInputException("--namespace: '" + codeNamespace + "' is not a C# namespace (dotted identifiers)");
        var reference = new ImportProject.HubDslReference(request.Version, request.Local is null ? null : Path.GetFullPath(request.Local));
        var project = ImportProject.Emit(fleet, projectName, codeNamespace, reference, outputFolder);
        omissions.AddRange(project.Placeholders);

        ImportFiles.Write(outputFolder, project.Files, request.Force);
        var importTime = watch.Elapsed;
        await console.Output.WriteLineAsync("hubdsl: wrote " + project.Files.Count + " file(s) to " + outputFolder + ": " + string.Join(", ", project.Files.Keys) + " (" + fleet.Clusters.Count + " cluster(s), " + fleet.AppSets.Count + " ApplicationSet(s), " + fleet.AppSets.Count(a => a.Values is not null) + " chart(s) of values)");

        if (project.ChartTyped.Count > 0) await console.Output.WriteLineAsync("values records typed from their chart ([ChartValues]): " + string.Join(", ", project.ChartTyped));
        if (project.ValuesTyped.Count > 0) await console.Output.WriteLineAsync("values records typed from the values files: " + string.Join("; ", project.ValuesTyped));
        if (omissions.Count > 0)
        {
            await console.Output.WriteLineAsync("left out (" + omissions.Count + "):");
            foreach (var omission in omissions) await console.Output.WriteLineAsync("  " + omission);
        }

        var roundTrip = await RoundTrip.RunAsync(project, fleet, appSetObjects, secretObjects, omissions, request.Local is not null, cancellation);
        var problems = omissions.Count > 0;
        if (roundTrip.BuildFailure is not null)
        {
            await console.Output.WriteLineAsync("round trip: " + roundTrip.BuildFailure);
            problems = true;
        }
        else
        {
            await console.Output.WriteLineAsync("round trip (dotnet build of the imported project, compared by meaning):");
            foreach (var file in roundTrip.Files)
            {
                var verdict = file.Same ? (file.Expected.Count == 0 ? "same" : "same, except what is left out (" + file.Expected.Count + ")") : "DIFFERS";
                await console.Output.WriteLineAsync("  " + verdict + "  " + file.File);
                foreach (var difference in file.Differences) await console.Output.WriteLineAsync("      " + difference);
                problems |= !file.Same;
            }
        }

        await console.Output.WriteLineAsync("hubdsl: import " + (problems ? "incomplete" : "complete") + " (imported in " + importTime.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms, checked in " +
            (watch.Elapsed - importTime).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s)");
        return problems ? ExitCodes.Problems : ExitCodes.Success;
    }

    // Every object of the kind in the given files and folders; other Kubernetes objects are listed, files that are
    // not manifests at all (Chart.yaml, values) are not. A path that holds none of the kind is a mistake.
    private static List<(string File, YamlMapping Object)> ReadObjects(string option, string[] paths, string apiVersion, string kind, out List<ImportOmission> others)
    {
        var found = new List<(string, YamlMapping)>();
        others = new List<ImportOmission>();
        foreach (var path in paths)
        {
            var before = found.Count;
            IReadOnlyList<string> files;
            try
            {
                files = ManifestFiles.Expand(path).ToList();
            }
            catch (UserInputException e)
            {
                throw new UserInputException(option + ": " + e.Message);
            }

            foreach (var file in files)
            {
                IReadOnlyList<YamlMapping> objects;
                try
                {
                    objects = ManifestFiles.Read(file);
                }
                catch (UserInputException e)
                {
                    throw new UserInputException(option + ": " + e.Message);
                }

                foreach (var item in objects)
                {
                    if (ManifestFiles.IsKind(item, apiVersion, kind)) found.Add((file, item));
                    else if (item["kind"]?.AsString() is { } other && item["apiVersion"] is not null) others.Add(new ImportOmission(file, string.Empty, "a " + other + " given to " + option + ", which reads " + kind + "s; not imported"));
                }
            }

            if (found.Count == before) throw new UserInputException(option + ": '" + path + "' holds no " + apiVersion + " " + kind + " (" + files.Count + " YAML file(s))");
        }

        return found;
    }

    // The hub's cluster Secrets as cluster list reads them, without their credentials.
    private static async Task<List<(string File, YamlMapping Object)>> HubSecretsAsync(HubConnectionOptions options, CancellationToken cancellation)
    {
        using var hub = HubClient.Connect(options);
        var listing = await hub.ReadClustersAsync(cancellation);
        var secrets = new List<(string, YamlMapping)>();
        foreach (var cluster in listing.Clusters)
        {
            if (JsonYaml.ToYaml(cluster.WithoutCredentials) is YamlMapping secret) secrets.Add(("hub Secret " + options.ArgoCdNamespace + "/" + cluster.SecretName, secret));
        }

        if (listing.Problems.Count > 0) throw new UserInputException("the hub has cluster Secrets that cannot be read: " + string.Join("; ", listing.Problems));
        if (secrets.Count == 0) throw new UserInputException("--from-hub: the hub has no cluster Secret in namespace " + options.ArgoCdNamespace);
        return secrets;
    }

    // The project's name from its folder: "fleet" gives Fleet.csproj (the name also names the build's record).
    private static string ProjectName(string folder)
    {
        var name = Identifiers.Pascal(Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)));
        return name is "Fleet" or "HubDsl" or "System" ? name + "Project" : name;
    }

    private static bool IsNamespace(string text) =>
        text.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_')) && !Identifiers.IsKeyword(part));
}
