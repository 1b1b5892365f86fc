using System.Text;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// A loaded kubeconfig (the file given, else every file of <c>KUBECONFIG</c>, else <c>~/.kube/config</c>) and
/// its contexts. Every problem (missing, unreadable, not a kubeconfig, no such context) is one clear
/// <see cref="UserInputException"/> line that never quotes credentials.
/// </summary>
public sealed class Kubeconfig
{
    private readonly K8SConfiguration _configuration;

    private Kubeconfig(K8SConfiguration configuration, string describedPath)
    {
        _configuration = configuration;
        DescribedPath = describedPath;
    }

    /// <summary>The file (or files) it came from, for messages.</summary>
    public string DescribedPath { get; }

    /// <summary>The kubeconfig's current-context, if any.</summary>
    public string? CurrentContext => string.IsNullOrEmpty(_configuration.CurrentContext) ? null : _configuration.CurrentContext;

    /// <summary>Every context name, in file order.</summary>
    public IReadOnlyList<string> ContextNames => (_configuration.Contexts ?? Enumerable.Empty<Context>()).Select(c => c.Name).ToList();

    /// <summary>Loads the kubeconfig: <paramref name="path"/>, else <c>KUBECONFIG</c> (a path list), else <c>~/.kube/config</c>.</summary>
    public static Kubeconfig Load(string? path)
    {
        string[] files;
        if (!string.IsNullOrEmpty(path))
        {
            files = new[] { path };
        }
        else if (Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } list)
        {
            files = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            files = new[] { Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config") };
        }

        var described = string.Join(Path.PathSeparator, files);

        // Where the path came from, so every message says what to change.
        var fix = !string.IsNullOrEmpty(path) ? "; check --kubeconfig"
            : Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } ? "; check KUBECONFIG"
            : "; set --kubeconfig or KUBECONFIG";
        foreach (var file in files)
        {
            if (Directory.Exists(file)) throw new UserInputException("kubeconfig '" + file + "' is a folder, not a file" + fix);
        }

        var existing = files.Where(File.Exists).ToArray();
        if (existing.Length == 0)
        {
            throw new UserInputException("kubeconfig '" + described + "' does not exist" + fix);
        }

        foreach (var file in existing) CheckText(file, fix);
        try
        {
            var loaded = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(existing[0]), true);
            foreach (var more in existing.Skip(1))
            {
                // KUBECONFIG lists merge as kubectl merges them: the first file to define a name wins.
                var next = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(more), true);
                if (string.IsNullOrEmpty(loaded.CurrentContext)) loaded.CurrentContext = next.CurrentContext;
                loaded.Contexts = (loaded.Contexts ?? new List<Context>()).Concat((next.Contexts ?? new List<Context>()).Where(c => loaded.Contexts?.All(x => x.Name != c.Name) != false)).ToList();
                loaded.Clusters = (loaded.Clusters ?? new List<Cluster>()).Concat((next.Clusters ?? new List<Cluster>()).Where(c => loaded.Clusters?.All(x => x.Name != c.Name) != false)).ToList();
                loaded.Users = (loaded.Users ?? new List<User>()).Concat((next.Users ?? new List<User>()).Where(c => loaded.Users?.All(x => x.Name != c.Name) != false)).ToList();
            }

            return new Kubeconfig(loaded, described);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("cannot read kubeconfig '" + described + "': " + e.Message + fix);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YAML errors quote the offending text, which may be a credential: name the problem only.
            throw new UserInputException("kubeconfig '" + described + "' is not a valid kubeconfig (" + e.GetType().Name.Replace("Exception", string.Empty) + ")" + fix);
        }
    }

    // KubernetesClient's loader fails on an empty file with a NullReferenceException and on binary data with a
    // YAML parser error: both are named here instead (without quoting the content, which may hold credentials).
    private static void CheckText(string file, string fix)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("cannot read kubeconfig '" + file + "': " + e.Message + fix);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UserInputException("kubeconfig '" + file + "' is not a YAML text file (it is not UTF-8 text)" + fix);
        }

        if (text.IndexOf('\0') >= 0) throw new UserInputException("kubeconfig '" + file + "' is not a YAML text file (it holds binary data)" + fix);
        if (text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0) throw new UserInputException("kubeconfig '" + file + "' is empty" + fix);
    }

    /// <summary>The context named <paramref name="name"/>, or the current context when null.</summary>
    public KubeContext Resolve(string? name)
    {
        var wanted = name ?? CurrentContext ?? throw new UserInputException("kubeconfig '" + DescribedPath + "' has no current-context; pass a context name (--hub-context)");
        var context = _configuration.Contexts?.FirstOrDefault(c => c.Name == wanted)
            ?? throw new UserInputException("kubeconfig '" + DescribedPath + "' has no context '" + wanted + "'" + Available());
        var details = context.ContextDetails ?? throw new UserInputException("context '" + wanted + "' in kubeconfig '" + DescribedPath + "' is empty");
        var cluster = _configuration.Clusters?.FirstOrDefault(c => c.Name == details.Cluster)?.ClusterEndpoint
            ?? throw new UserInputException("context '" + wanted + "' names cluster '" + details.Cluster + "', which kubeconfig '" + DescribedPath + "' does not define");
        var user = _configuration.Users?.FirstOrDefault(u => u.Name == details.User)?.UserCredentials;
        var clusterWhere = "cluster '" + details.Cluster + "' of context '" + wanted + "' in kubeconfig '" + DescribedPath + "'";
        if (string.IsNullOrEmpty(cluster.Server)) throw new UserInputException(clusterWhere + " has no server");
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var serverUri) || serverUri.Scheme is not ("https" or "http") || serverUri.Host.Length == 0)
        {
            throw new UserInputException(clusterWhere + " has server '" + cluster.Server + "', which is not an https:// URL (e.g. https://hub.example.com:6443)");
        }

        var where = "context '" + wanted + "' in kubeconfig '" + DescribedPath + "'";
        string? Read(string? data, string? file, string what, Func<string, string?> problemOf)
        {
            if (!string.IsNullOrEmpty(data))
            {
                string decoded;
                try
                {
                    decoded = Encoding.UTF8.GetString(Convert.FromBase64String(data));
                }
                catch (FormatException)
                {
                    throw new UserInputException(where + ": " + what + "-data is not valid base64");
                }

                if (problemOf(decoded) is { } problem) throw new UserInputException(where + ": " + what + "-data " + problem);
                return decoded;
            }

            if (string.IsNullOrEmpty(file)) return null;
            var full = Path.IsPathRooted(file) ? file : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_configuration.FileName ?? DescribedPath)) ?? ".", file);
            if (Directory.Exists(full)) throw new UserInputException(where + ": " + what + " file '" + file + "' is a folder, not a file");
            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException(where + ": cannot read " + what + " file '" + file + "'" + (e is FileNotFoundException or DirectoryNotFoundException ? ": no such file" : string.Empty));
            }

            if (problemOf(text) is { } fileProblem) throw new UserInputException(where + ": " + what + " file '" + file + "' " + fileProblem);
            return text;
        }

        var ca = Read(cluster.CertificateAuthorityData, cluster.CertificateAuthority, "certificate-authority", Pem.CertificateProblem);
        var certificate = Read(user?.ClientCertificateData, user?.ClientCertificate, "client-certificate", Pem.CertificateProblem);
        var key = Read(user?.ClientKeyData, user?.ClientKey, "client-key", Pem.PrivateKeyProblem);
        if (certificate is not null && key is not null && Pem.PairProblem(certificate, key) is { } pairProblem)
        {
            throw new UserInputException(where + ": client-certificate and client-key " + pairProblem);
        }

        return new KubeContext(
            this,
            wanted,
            cluster.Server,
            ca,
            string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            cluster.SkipTlsVerify,
            new RedactedCredential(user?.Token),
            certificate,
            new RedactedCredential(key),
            string.IsNullOrEmpty(details.Namespace) ? null : details.Namespace);
    }

    /// <summary>A context whose cluster server is <paramref name="server"/> (trailing '/' ignored), preferring one named <paramref name="preferredName"/>.</summary>
    public KubeContext? FindByServer(string server, string? preferredName)
    {
        var normalized = server.TrimEnd('/');
        KubeContext? match = null;
        foreach (var name in ContextNames)
        {
            KubeContext candidate;
            try
            {
                candidate = Resolve(name);
            }
            catch (UserInputException)
            {
                continue;
            }

            if (candidate.Server.TrimEnd('/') != normalized) continue;
            if (candidate.Name == preferredName) return candidate;
            match ??= candidate;
        }

        return match;
    }

    /// <summary>A client configuration for a context; TLS verification stays on unless <paramref name="insecure"/>.</summary>
    internal KubernetesClientConfiguration ClientConfiguration(KubeContext context, bool insecure)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigObject(_configuration, context.Name);
        }
        catch (KubeConfigException e)
        {
            throw new UserInputException("context '" + context.Name + "' in kubeconfig '" + DescribedPath + "' cannot be used: " + Redactor.Scrub(e.Message));
        }

        config.SkipTlsVerify = insecure;
        config.HttpClientTimeout = TimeSpan.FromSeconds(30);
        return config;
    }

    private string Available() => ContextNames.Count == 0 ? " (it has no contexts)" : " (contexts: " + string.Join(", ", ContextNames) + ")";
}

/// <summary>One kubeconfig context with its cluster and credentials resolved (files inlined).</summary>
public sealed record KubeContext(
    Kubeconfig Source,
    string Name,
    string Server,
    string? CertificateAuthorityPem,
    string? TlsServerName,
    bool KubeconfigSkipsTlsVerify,
    RedactedCredential Token,
    string? ClientCertificatePem,
    RedactedCredential ClientKeyPem,
    string? Namespace)
{
    /// <summary>Whether the context authenticates with a client certificate and key.</summary>
    public bool HasClientCertificate => !string.IsNullOrEmpty(ClientCertificatePem) && ClientKeyPem.HasValue;
}
