using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// Reads a generated Application's <c>spec.source</c> the way Argo CD's repo server does for a Helm source in Git
/// (reposerver/repository/repository.go helmTemplate, getResolvedValueFiles; util/io/path ResolveValueFilePathOrUrl;
/// util/app/path Path) and turns it into a <see cref="HelmTemplateInput"/>.
/// </summary>
internal static class HelmSourceResolver
{
    /// <summary>Plans one Application for cluster <paramref name="cluster"/>.</summary>
    public static ApplicationPlan Plan(YamlMapping application, string cluster, string applicationSet, RenderSettings settings)
    {
        var metadata = application["metadata"] as YamlMapping;
        var name = metadata?["name"]?.AsString() ?? string.Empty;
        var appNamespace = metadata?["namespace"]?.AsString() ?? settings.ArgoCdNamespace;
        // Application.InstanceName: the name, or namespace_name for an Application outside Argo CD's namespace.
        var instanceName = appNamespace.Length == 0 || appNamespace == settings.ArgoCdNamespace ? name : appNamespace + "_" + name;
        var spec = application["spec"] as YamlMapping;
        var destinationNamespace = (spec?["destination"] as YamlMapping)?["namespace"]?.AsString() ?? string.Empty;
        var plan = new ApplicationPlan(cluster, name, instanceName, destinationNamespace, applicationSet);

        if (spec?["sources"] is YamlSequence { Count: > 0 }) return plan with { Skipped = "a multi-source Application (spec.sources); hubdsl render reads spec.source only" };
        if (spec?["source"] is not YamlMapping source) return plan with { Skipped = "no spec.source" };
        var repoUrl = source["repoURL"]?.AsString() ?? string.Empty;
        if (source["chart"]?.AsString() is { Length: > 0 } chart) return plan with { Skipped = "chart '" + chart + "' from the Helm repository " + repoUrl + " (not in this repository)" };
        if (settings.Repositories.Count > 0 && !settings.Repositories.Any(r => SameRepository(r, repoUrl))) return plan with { Skipped = "its repoURL " + repoUrl + " is not one of --repo" };
        var sourcePath = source["path"]?.AsString() ?? string.Empty;

        string chartFolder;
        try
        {
            chartFolder = InsideRoot(settings.SourceRoot, Path.Combine(settings.SourceRoot, sourcePath.TrimStart('/')), "spec.source.path '" + sourcePath + "'");
        }
        catch (RenderInputException e)
        {
            return plan with { Error = e.Message };
        }

        var helm = source["helm"] as YamlMapping;
        if (!File.Exists(Path.Combine(chartFolder, "Chart.yaml")))
        {
            return helm is null
                ? plan with { Skipped = "spec.source.path '" + sourcePath + "' is not a Helm chart under " + settings.SourceRoot + " (no Chart.yaml)" }
                : plan with { Error = "spec.source.path '" + sourcePath + "' has a helm section but no Chart.yaml under " + settings.SourceRoot };
        }

        var revision = settings.Revision;
        var env = new ArgoCdBuildEnvironment(instanceName, destinationNamespace, Text(spec, "project"), revision, repoUrl, sourcePath, Text(source, "targetRevision"));
        try
        {
            return plan with { Input = Input(helm, chartFolder, name, destinationNamespace, env, settings) };
        }
        catch (RenderInputException e)
        {
            return plan with { Error = e.Message };
        }
    }

    private static HelmTemplateInput Input(YamlMapping? helm, string chartFolder, string name, string destinationNamespace, ArgoCdBuildEnvironment env, RenderSettings settings)
    {
        // argo.ParseInstanceName(q.AppName, ""): the release name is the name part only.
        var releaseName = Text(helm, "releaseName") is { Length: > 0 } r ? r : name;
        var ns = Text(helm, "namespace") is { Length: > 0 } n ? n : destinationNamespace;
        var ignoreMissing = Flag(helm, "ignoreMissingValueFiles");
        var valueFiles = new List<string>();
        foreach (var raw in Strings(helm, "valueFiles"))
        {
            var resolved = ResolveFile(env.Substitute(raw), chartFolder, settings.SourceRoot, "helm.valueFiles '" + raw + "'");
            if (!File.Exists(resolved))
            {
                if (ignoreMissing) continue;
                throw new RenderInputException("helm.valueFiles '" + raw + "': " + resolved + " does not exist (Argo CD fails the same way; set ignoreMissingValueFiles: true to skip it)");
            }

            if (!valueFiles.Contains(resolved, StringComparer.Ordinal)) valueFiles.Add(resolved);
        }

        var set = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var setString = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (helm?["parameters"] is YamlSequence parameters)
        {
            foreach (var p in parameters.OfType<YamlMapping>())
            {
                var key = Text(p, "name");
                if (key.Length == 0) continue;
                var target = Flag(p, "forceString") ? setString : set;
                target[key] = env.Substitute(Scalar(p["value"]));
            }
        }

        var setFile = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (helm?["fileParameters"] is YamlSequence files)
        {
            foreach (var p in files.OfType<YamlMapping>())
            {
                var key = Text(p, "name");
                if (key.Length == 0) continue;
                setFile[key] = ResolveFile(env.Substitute(Text(p, "path")), chartFolder, settings.SourceRoot, "helm.fileParameters '" + key + "'");
            }
        }

        return new HelmTemplateInput
        {
            ChartFolder = chartFolder,
            ReleaseName = releaseName,
            Namespace = ns,
            KubeVersion = Text(helm, "kubeVersion") is { Length: > 0 } kube ? KubeVersion(kube) : null,
            ApiVersions = Strings(helm, "apiVersions").ToList(),
            Set = set.ToList(),
            SetString = setString.ToList(),
            SetFile = setFile.ToList(),
            ValueFiles = valueFiles,
            InlineValues = InlineValues(helm),
            SkipCrds = Flag(helm, "skipCrds"),
            SkipSchemaValidation = Flag(helm, "skipSchemaValidation"),
            SkipTests = Flag(helm, "skipTests"),
        };
    }

    // ApplicationSourceHelm.ValuesYAML: valuesObject (as YAML) wins over values; empty means none.
    private static string? InlineValues(YamlMapping? helm)
    {
        if (helm?["valuesObject"] is YamlMapping obj) return YamlWriter.Write(obj);
        var text = helm?["values"]?.AsString();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    // util/io/path resolveFileOrDirectory: a relative path is relative to the chart, an absolute one to the repository
    // root; links are resolved and the result must stay inside the repository. URLs are fetched by Argo CD, not here.
    private static string ResolveFile(string path, string chartFolder, string root, string what)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") throw new RenderInputException(what + ": remote value files are not rendered offline");
        if (path.IndexOfAny(new[] { '*', '?', '[' }) >= 0) throw new RenderInputException(what + ": glob patterns in value files are not supported by hubdsl render");
        var joined = path.StartsWith('/') ? Path.Combine(root, path.TrimStart('/')) : Path.Combine(chartFolder, path);
        return InsideRoot(root, joined, what);
    }

    // The full path with every link resolved, refused when it leaves the repository root (Argo CD: "outside repository root").
    private static string InsideRoot(string root, string path, string what)
    {
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(path);
        var real = RealPath(full);
        if (real != fullRoot && !real.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RenderInputException(what + " resolves to " + real + ", outside the repository root " + fullRoot + " (Argo CD refuses it too)");
        }

        return real;
    }

    // Resolves links segment by segment (at most 40), like filepath.EvalSymlinks, without requiring the file to exist.
    private static string RealPath(string full)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var pending = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var hops = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Dequeue());
            var info = new FileInfo(next);
            if (info.Exists || Directory.Exists(next))
            {
                var target = info.LinkTarget ?? new DirectoryInfo(next).LinkTarget;
                if (target is not null)
                {
                    if (++hops > 40) throw new RenderInputException("too many links under " + full);
                    var resolved = Path.GetFullPath(Path.Combine(current, target));
                    var rest = pending.ToList();
                    var resolvedRoot = Path.GetPathRoot(resolved)!;
                    pending = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                    current = resolvedRoot;
                    continue;
                }
            }

            current = next;
        }

        return current;
    }

    // parseKubeVersion (reposerver/repository/repository.go): k8s version.ParseGeneric(...).String(), e.g. "v1.30.2-eks-1" is "1.30.2".
    internal static string KubeVersion(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$");
        var parts = match.Success ? match.Groups[1].Value.Split('.') : Array.Empty<string>();
        if (parts.Length < 2 || parts.Any(p => !uint.TryParse(p, out _))) throw new RenderInputException("helm.kubeVersion '" + text + "' is not a Kubernetes version (Argo CD: could not parse kubernetes version)");
        return string.Join(".", parts.Select(p => uint.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static bool SameRepository(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string url) => url.Trim().TrimEnd('/').EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? url.Trim().TrimEnd('/')[..^4] : url.Trim().TrimEnd('/');

    private static string Text(YamlMapping? map, string key) => map?[key] is YamlScalar s && s.Kind != ScalarKind.Null ? s.Value : string.Empty;

    private static string Scalar(YamlNode? node) => node is YamlScalar s && s.Kind != ScalarKind.Null ? s.Value : string.Empty;

    private static bool Flag(YamlMapping? map, string key) => map?[key] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" };

    private static IEnumerable<string> Strings(YamlMapping? map, string key) =>
        map?[key] is YamlSequence items ? items.OfType<YamlScalar>().Where(s => s.Kind != ScalarKind.Null).Select(s => s.Value) : Array.Empty<string>();
}
