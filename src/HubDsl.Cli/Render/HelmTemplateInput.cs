using System.Text;

namespace HubDsl.Cli.Render;

/// <summary>
/// Everything <c>helm template</c> receives for one Application, resolved as Argo CD's repo server resolves it
/// (reposerver/repository/repository.go helmTemplate): two Applications with equal inputs render the same objects,
/// so <see cref="Key"/> lets a fleet render each distinct input once.
/// </summary>
internal sealed record HelmTemplateInput
{
    /// <summary>The chart folder (the Application's source path inside the repository); helm runs in it on ".".</summary>
    public required string ChartFolder { get; init; }

    /// <summary><c>--name-template</c>: <c>helm.releaseName</c>, else the Application's name.</summary>
    public required string ReleaseName { get; init; }

    /// <summary><c>--namespace</c>: <c>helm.namespace</c>, else the destination namespace (omitted when empty).</summary>
    public required string Namespace { get; init; }

    /// <summary><c>--kube-version</c>, only when <c>helm.kubeVersion</c> is declared (normalized as Argo CD's parseKubeVersion does).</summary>
    public string? KubeVersion { get; init; }

    /// <summary><c>--set</c> parameters (env-substituted values).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Set { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary><c>--set-string</c> parameters (<c>forceString: true</c>; env-substituted values).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SetString { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary><c>--set-file</c> parameters (<c>fileParameters</c>), paths resolved inside the repository.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SetFile { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary><c>--values</c>: the value files, resolved, in order, missing ones dropped under <c>ignoreMissingValueFiles</c>.</summary>
    public IReadOnlyList<string> ValueFiles { get; init; } = Array.Empty<string>();

    /// <summary><c>helm.values</c> or (winning) <c>helm.valuesObject</c> as YAML, passed as the last <c>--values</c> file; null when empty.</summary>
    public string? InlineValues { get; init; }

    /// <summary><c>--api-versions</c>, only when <c>helm.apiVersions</c> is declared.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = Array.Empty<string>();

    /// <summary><c>helm.skipCrds</c>: without it Argo CD passes <c>--include-crds</c>.</summary>
    public bool SkipCrds { get; init; }

    /// <summary><c>--skip-schema-validation</c>.</summary>
    public bool SkipSchemaValidation { get; init; }

    /// <summary><c>--skip-tests</c>.</summary>
    public bool SkipTests { get; init; }

    /// <summary>
    /// The arguments in the order of Argo CD's util/helm/cmd.go <c>Cmd.template</c>: <c>template . --name-template
    /// NAME [--namespace NS] [--kube-version V] [--set k=v]... [--set-string k=v]... [--set-file k=path]...
    /// [--values FILE]... [--values INLINE] [--api-versions V]... [--include-crds] [--skip-schema-validation]
    /// [--skip-tests]</c>. Argo CD keeps the parameters in Go maps (their order varies between runs); here they are
    /// sorted by name, which gives the same result because each name appears once.
    /// </summary>
    public IReadOnlyList<string> Arguments(string? inlineValuesFile)
    {
        var args = new List<string> { "template", ".", "--name-template", ReleaseName };
        if (Namespace.Length > 0) args.AddRange(new[] { "--namespace", Namespace });
        if (KubeVersion is not null) args.AddRange(new[] { "--kube-version", KubeVersion });
        foreach (var p in Set) args.AddRange(new[] { "--set", p.Key + "=" + EscapeSetValue(p.Value) });
        foreach (var p in SetString) args.AddRange(new[] { "--set-string", p.Key + "=" + EscapeSetValue(p.Value) });
        foreach (var p in SetFile) args.AddRange(new[] { "--set-file", p.Key + "=" + EscapeSetValue(p.Value) });
        foreach (var file in ValueFiles) args.AddRange(new[] { "--values", file });
        if (InlineValues is not null) args.AddRange(new[] { "--values", inlineValuesFile ?? throw new ArgumentNullException(nameof(inlineValuesFile)) });
        foreach (var v in ApiVersions) args.AddRange(new[] { "--api-versions", v });
        if (!SkipCrds) args.Add("--include-crds");
        if (SkipSchemaValidation) args.Add("--skip-schema-validation");
        if (SkipTests) args.Add("--skip-tests");
        return args;
    }

    /// <summary>The chart folder, the arguments and the inline values: equal keys render the same objects.</summary>
    public string Key
    {
        get
        {
            var key = new StringBuilder(ChartFolder).Append('\0');
            foreach (var arg in Arguments("<inline>")) key.Append(arg).Append('\0');
            return key.Append(InlineValues).ToString();
        }
    }

    /// <summary>
    /// Argo CD's cleanSetParameters (util/helm/cmd.go): a value in braces is a Helm list and stays as it is; otherwise
    /// each comma not already escaped gets a backslash, so Helm does not split the value.
    /// </summary>
    public static string EscapeSetValue(string value)
    {
        if (value.StartsWith('{') && value.EndsWith('}')) return value;
        var escaped = new StringBuilder(value.Length);
        var previous = '\0';
        foreach (var c in value)
        {
            if (c == ',' && previous != '\\') escaped.Append("\\,");
            else escaped.Append(c);
            previous = c;
        }

        return escaped.ToString();
    }
}
