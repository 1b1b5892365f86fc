using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.Input;
using HubDsl.Cli.Output;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl preview</c>: what Argo CD's ApplicationSet controller will generate, rendered offline with the
/// same renderer the analyzers use, for an ApplicationSet YAML file or for the HubDsl project's manifests.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(TextWriter output)
    {
        var appSet = new Option<string?>("--appset") { Description = "A YAML file holding one argoproj.io/v1alpha1 ApplicationSet. Without it, the HubDsl project's generated ApplicationSets are previewed." };
        var clusters = new Option<string[]>("--clusters") { Description = "YAML files or folders with cluster Secrets as stored in the hub (repeatable).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var inCluster = new Option<bool>("--in-cluster") { Description = "Whether the hub's local in-cluster cluster exists (default true, as in a default Argo CD install).", DefaultValueFactory = _ => true, Arity = ArgumentArity.ExactlyOne };
        var showParams = new Option<bool>("--params") { Description = "Show the parameter sets the template is rendered with." };
        var format = new Option<string>("--output", "-o") { Description = "table, yaml or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "yaml", "json");
        var project = new Option<string?>("--project") { Description = "The HubDsl project folder (default: the current folder)." };

        var command = new Command("preview", "Render ApplicationSets offline with Argo CD's exact semantics.") { appSet, clusters, inCluster, showParams, format, project };
        var repositories = new PreviewRepositoryOptions();
        repositories.AddTo(command);
        command.SetAction(parse => Run(
            parse.GetValue(appSet), parse.GetValue(clusters) ?? Array.Empty<string>(), parse.GetValue(inCluster), parse.GetValue(showParams),
            parse.GetValue(format)!, parse.GetValue(project), repositories.Read(parse), output));
        return command;
    }

    private static int Run(string? appSetFile, string[] clusterPaths, bool inCluster, bool showParams, string format, string? project, PreviewRepositoryOptions.Values repositories, TextWriter output)
    {
        var (appSets, secrets) = appSetFile is null ? FromProject(project ?? Directory.GetCurrentDirectory(), clusterPaths) : (new[] { LoadApplicationSet(appSetFile) }, LoadSecrets(clusterPaths));
        var options = new RenderOptions { IncludeInCluster = inCluster };
        List<(RenderResult Result, IReadOnlyList<RenderError> Errors, IReadOnlyList<string> Warnings)> previews;
        using (repositories.Apply(options))
        {
            previews = appSets.Select(a => Preview(a, secrets, options)).ToList();
        }

        var results = previews.Select(p => p.Result).ToList();
        var errors = previews.SelectMany(p => p.Errors).ToList();
        var warnings = previews.SelectMany(p => p.Warnings).ToList();
        var groups = ErrorGroup.Of(errors);

        if (showParams)
        {
            var paramSets = results.SelectMany(r => r.ParamSets).Select(p => JsonConvert.FromParam(p)).ToArray();
            if (format == "json")
            {
                output.WriteLine(JsonLimits.Write(new JsonObject { ["paramSets"] = new JsonArray(paramSets), ["errors"] = ErrorsJson(groups), ["warnings"] = WarningsJson(warnings) }, indented: true, "-o json: the parameter sets"));
            }
            else if (format == "yaml")
            {
                output.Write(string.Join("---\n", paramSets.Select(p => YamlWriter.Write(Runtime.JsonYaml.ToYaml(p)))));
                WriteCommentLines(groups, warnings, output);
            }
            else
            {
                WriteParamsTable(results, groups, warnings, output);
            }

            return ExitCode(errors);
        }

        var applications = results.SelectMany(r => r.Applications).ToList();
        switch (format)
        {
            case "json":
                var json = new JsonObject
                {
                    ["applications"] = new JsonArray(applications.Select(WritableApplication).ToArray()),
                    ["errors"] = ErrorsJson(groups),
                    ["warnings"] = WarningsJson(warnings),
                };
                output.WriteLine(JsonLimits.Write(json, indented: true, "-o json: the preview"));
                break;
            case "yaml":
                output.Write(string.Join("---\n", applications.Select(a => YamlWriter.Write(a))));
                WriteCommentLines(groups, warnings, output);
                break;
            default:
                WriteTable(applications, groups, warnings, secrets, output);
                break;
        }

        return ExitCode(errors);
    }

    // Errors Argo CD would report are exit 1; an ApplicationSet the API server would refuse is bad input, exit 2.
    private static int ExitCode(IReadOnlyList<RenderError> errors) =>
        errors.Any(e => e.Reason == RenderErrorReasons.InvalidApplicationSet) ? ExitCodes.BadInput
        : errors.Count > 0 ? ExitCodes.Problems : ExitCodes.Success;

    /// <summary>One ApplicationSet: the API server's checks first (an object it refuses is never rendered), then the render.</summary>
    private static (RenderResult Result, IReadOnlyList<RenderError> Errors, IReadOnlyList<string> Warnings) Preview(YamlMapping appSet, IReadOnlyList<YamlMapping> secrets, RenderOptions options)
    {
        var name = (appSet["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty;
        var validation = Core.Schema.ApplicationSetValidation.Validate(appSet);
        var warnings = validation.UnknownFields
            .Select(f => "ApplicationSet \"" + name + "\": " + f + " is not a field of Argo CD's ApplicationSet (v3.5): the API server drops it (kubectl apply --validate=strict refuses it), so it has no effect")
            .ToList();
        if (validation.Errors.Count > 0)
        {
            var refused = validation.Errors.Select(e => new RenderError(RenderErrorReasons.InvalidApplicationSet, "The ApplicationSet \"" + name + "\" is invalid: " + e)).ToList();
            return (new RenderResult(Array.Empty<YamlMapping>(), refused, Array.Empty<IReadOnlyDictionary<string, object?>>(), Array.Empty<UnresolvedParameter>()), refused, warnings);
        }

        var result = ApplicationSetRenderer.Render(appSet, secrets, options);
        for (var i = 0; i < result.GeneratorParamCounts.Count; i++)
        {
            if (result.GeneratorParamCounts[i] == 0)
            {
                warnings.Add("ApplicationSet \"" + name + "\": spec.generators[" + i + "] generated no parameter sets, so no Application comes from it");
            }
        }

        return (result, result.Errors, warnings);
    }

    private static JsonArray ErrorsJson(IReadOnlyList<ErrorGroup> groups) => new(groups.Select(g =>
    {
        var error = new JsonObject { ["reason"] = g.Reason, ["message"] = g.Message };
        if (g.Generator is not null) error["generator"] = g.Generator;
        if (g.ParameterSets.Count > 0) error["parameterSets"] = new JsonArray(g.ParameterSets.Select(p => (JsonNode)p).ToArray());
        error["count"] = g.Count;
        return (JsonNode)error;
    }).ToArray());

    private static JsonArray WarningsJson(IReadOnlyList<string> warnings) => new(warnings.Select(w => (JsonNode)w).ToArray());

    private static void WriteCommentLines(IReadOnlyList<ErrorGroup> groups, IReadOnlyList<string> warnings, TextWriter output)
    {
        foreach (var g in groups) output.WriteLine("# error " + g.Line().Replace("\n", " "));
        foreach (var w in warnings) output.WriteLine("# warning " + w.Replace("\n", " "));
    }

    // An Application as JSON, refused by name (before anything is written) when it nests deeper than the
    // JSON output holds inside its {"applications": [...]} envelope.
    private static JsonNode? WritableApplication(YamlMapping application)
    {
        var node = JsonConvert.From(application);
        var depth = JsonLimits.Depth(node);
        var allowed = JsonLimits.MaxDepth - JsonLimits.EnvelopeDepth;
        if (depth > allowed)
        {
            var name = (application["metadata"] as YamlMapping)?["name"]?.AsString() ?? "(unnamed)";
            throw new UserInputException("-o json: Application '" + name + "' nests " + depth + " levels deep; JSON output holds Applications up to " + allowed + " levels (use -o yaml)");
        }

        return node;
    }

    private static YamlMapping LoadApplicationSet(string file)
    {
        var documents = Read("--appset", file);
        var objects = documents.Select(d => d.Object).ToList();
        var appSets = objects.Where(o => ManifestFiles.IsKind(o, "argoproj.io/v1alpha1", "ApplicationSet")).ToList();
        if (appSets.Count == 1) return appSets[0];
        if (appSets.Count > 1) throw new UserInputException("--appset: '" + file + "' holds " + appSets.Count + " ApplicationSets; give one per file.");
        if (objects.Count == 0)
        {
            var empty = File.ReadAllText(file).Trim().Length == 0;
            throw new UserInputException("--appset: '" + file + "' " + (empty ? "is empty" : "holds no Kubernetes object (no YAML mapping with apiVersion and kind)") + "; give a file with one argoproj.io/v1alpha1 ApplicationSet.");
        }

        // An ApplicationSet missing its apiVersion or kind says exactly which is missing, as kubectl would.
        foreach (var (o, document) in documents)
        {
            var apiVersion = o["apiVersion"]?.AsString();
            var kind = o["kind"]?.AsString();
            if (kind == "ApplicationSet" && string.IsNullOrEmpty(apiVersion))
            {
                throw new UserInputException("--appset: '" + file + "' document " + document + ": the ApplicationSet has no apiVersion; add 'apiVersion: argoproj.io/v1alpha1'.");
            }

            if (string.IsNullOrEmpty(kind) && apiVersion?.StartsWith("argoproj.io/", StringComparison.Ordinal) == true)
            {
                throw new UserInputException("--appset: '" + file + "' document " + document + ": the object (apiVersion " + apiVersion + ") has no kind; add 'kind: ApplicationSet'.");
            }

            if (kind == "ApplicationSet" && apiVersion != "argoproj.io/v1alpha1")
            {
                throw new UserInputException("--appset: '" + file + "' document " + document + ": the ApplicationSet has apiVersion " + apiVersion + "; Argo CD serves only argoproj.io/v1alpha1.");
            }
        }

        var kinds = objects.Select(o => (o["apiVersion"]?.AsString() ?? "(no apiVersion)") + " " + (o["kind"]?.AsString() ?? "(no kind)")).ToList();
        throw new UserInputException("--appset: '" + file + "' holds no argoproj.io/v1alpha1 ApplicationSet (found " + string.Join(", ", kinds) + ").");
    }

    // Each --clusters path must contribute: a path with no Secret in it is a mistake, not an empty fleet.
    private static List<YamlMapping> LoadSecrets(IEnumerable<string> paths)
    {
        var secrets = new List<YamlMapping>();
        foreach (var path in paths)
        {
            var files = Expand("--clusters", path).ToList();
            var found = new List<YamlMapping>();
            foreach (var file in files)
            {
                foreach (var (o, document) in Read("--clusters", file))
                {
                    if (!ManifestFiles.IsKind(o, "v1", "Secret")) continue;
                    ClusterSecretInput.Check("--clusters", file, document, o);
                    found.Add(o);
                }
            }

            if (found.Count == 0)
            {
                var what = Directory.Exists(path) ? "holds no v1 Secret (" + files.Count + " YAML file(s) under it)"
                    : File.ReadAllText(path).Trim().Length == 0 ? "is empty" : "holds no v1 Secret";
                throw new UserInputException("--clusters: '" + path + "' " + what + "; give the cluster Secrets as stored in the hub.");
            }

            secrets.AddRange(found);
        }

        return secrets;
    }

    // A problem with a file given on the command line names the option it came from.
    // Hand-written input is read as kubectl and Argo CD read it: YAML 1.1 scalars (yes/no/on/off, 010, 1_000).
    private static IReadOnlyList<ManifestObject> Read(string option, string file)
    {
        try
        {
            return ManifestFiles.ReadDocuments(file, YamlResolution.Yaml11);
        }
        catch (UserInputException e)
        {
            throw new UserInputException(option + ": " + e.Message);
        }
    }

    private static IReadOnlyList<string> Expand(string option, string path)
    {
        try
        {
            return ManifestFiles.Expand(path).ToList();
        }
        catch (UserInputException e)
        {
            throw new UserInputException(option + ": " + e.Message);
        }
    }

    // The project's own generated manifests (one loader for preview and render), plus any --clusters.
    private static (IReadOnlyList<YamlMapping>, List<YamlMapping>) FromProject(string folder, string[] extraClusters)
    {
        var (appSets, secrets) = ProjectFleet.Load(folder);
        secrets.AddRange(LoadSecrets(extraClusters));
        return (appSets, secrets);
    }

    private static void WriteTable(IReadOnlyList<YamlMapping> applications, IReadOnlyList<ErrorGroup> errors, IReadOnlyList<string> warnings, IReadOnlyList<YamlMapping> secrets, TextWriter output)
    {
        var console = Console(output);
        var clusterNames = new Dictionary<string, string>(StringComparer.Ordinal) { [ClusterInfo.InClusterServer] = ClusterInfo.InClusterName };
        var shards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (!ClusterSecretParser.TryParse(secret, out var info, out _)) continue;
            clusterNames[info.NormalizedServer] = info.Name;
            if (info.Shard is not null)
            {
                shards[info.NormalizedServer] = info.Shard;
                shards[info.Name] = info.Shard;
            }
        }

        // SHARD: the application controller shard the cluster's Secret names (empty: Argo CD's own distribution).
        var table = new Table().Border(TableBorder.Simple).AddColumns("NAME", "CLUSTER", "SHARD", "NAMESPACE", "PROJECT", "VALUE FILES");
        foreach (var app in applications)
        {
            var spec = app["spec"] as YamlMapping;
            var destination = spec?["destination"] as YamlMapping;
            var server = destination?["server"]?.AsString();
            var cluster = destination?["name"]?.AsString() ?? (server is not null && clusterNames.TryGetValue(server.TrimEnd('/'), out var n) ? n : server ?? string.Empty);
            var shard = server is not null && shards.TryGetValue(server.TrimEnd('/'), out var s) ? s : destination?["name"]?.AsString() is { } byName && shards.TryGetValue(byName, out var t) ? t : string.Empty;
            table.AddRow(Markup.Escape((app["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty), Markup.Escape(cluster), Markup.Escape(shard),
                Markup.Escape(destination?["namespace"]?.AsString() ?? string.Empty), Markup.Escape(spec?["project"]?.AsString() ?? string.Empty), Markup.Escape(string.Join(", ", ValueFiles(spec))));
        }

        console.Write(table);
        foreach (var e in errors) console.MarkupLine("[red]error[/] " + Markup.Escape(e.Line()));
        foreach (var w in warnings) console.MarkupLine("[yellow]warning[/] " + Markup.Escape(w));
        console.WriteLine(applications.Count + " application(s), " + errors.Sum(e => e.Count) + " error(s)" + (warnings.Count > 0 ? ", " + warnings.Count + " warning(s)" : string.Empty));
    }

    // The Helm value files of the source, or of every source of a multi-source Application (each after its ref, if any).
    private static IEnumerable<string> ValueFiles(YamlMapping? spec)
    {
        IEnumerable<string> Of(YamlMapping? source) =>
            ((source?["helm"] as YamlMapping)?["valueFiles"] as YamlSequence)?.Select(f => f.AsString() ?? string.Empty) ?? Array.Empty<string>();

        if (spec?["sources"] is YamlSequence { Count: > 0 } sources)
        {
            return sources.OfType<YamlMapping>().SelectMany(Of);
        }

        return Of(spec?["source"] as YamlMapping);
    }

    private static void WriteParamsTable(IReadOnlyList<RenderResult> results, IReadOnlyList<ErrorGroup> errors, IReadOnlyList<string> warnings, TextWriter output)
    {
        var console = Console(output);
        var index = 0;
        foreach (var set in results.SelectMany(r => r.ParamSets))
        {
            var table = new Table().Border(TableBorder.Simple).Title("parameter set " + ++index).AddColumns("KEY", "VALUE");
            foreach (var pair in Flatten(JsonConvert.FromParam(set), string.Empty)) table.AddRow(Markup.Escape(pair.Key), Markup.Escape(pair.Value));
            console.Write(table);
        }

        foreach (var e in errors) console.MarkupLine("[red]error[/] " + Markup.Escape(e.Line()));
        foreach (var w in warnings) console.MarkupLine("[yellow]warning[/] " + Markup.Escape(w));
        console.WriteLine(index + " parameter set(s), " + errors.Sum(e => e.Count) + " error(s)" + (warnings.Count > 0 ? ", " + warnings.Count + " warning(s)" : string.Empty));
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(JsonNode? node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var pair in obj)
            {
                foreach (var inner in Flatten(pair.Value, prefix.Length == 0 ? pair.Key : prefix + "." + pair.Key)) yield return inner;
            }
        }
        else
        {
            yield return KeyValuePair.Create(prefix, node?.ToJsonString(JsonLimits.Compact) ?? "null");
        }
    }

    // The process's standard output is a terminal unless redirected; any other writer is plain text.
    private static IAnsiConsole Console(TextWriter output) =>
        RuntimeConsole.Ansi(output, output == System.Console.Out && !System.Console.IsOutputRedirected);
}
