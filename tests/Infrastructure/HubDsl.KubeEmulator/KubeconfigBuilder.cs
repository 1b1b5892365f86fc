using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.Serialization;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Writes one kubeconfig with several contexts (e.g. hub, staging, prod), each with its own cluster entry
/// (server + certificate-authority-data) and user (bearer token, or client-certificate-data/client-key-data).
/// </summary>
public sealed class KubeconfigBuilder
{
    private readonly List<Dictionary<string, object>> _clusters = [];
    private readonly List<Dictionary<string, object>> _users = [];
    private readonly List<Dictionary<string, object>> _contexts = [];
    private string? _currentContext;

    /// <summary>A context using a bearer token (the cluster's admin token when <paramref name="token"/> is null).</summary>
    public KubeconfigBuilder AddContext(string contextName, EmulatedCluster cluster, string? token = null, string? @namespace = null) =>
        AddContext(contextName, cluster.Server.ToString().TrimEnd('/'), cluster.CaCertificatePem, token ?? cluster.AdminToken, @namespace);

    public KubeconfigBuilder AddContext(string contextName, string server, string certificateAuthorityPem, string token, string? @namespace = null) =>
        Add(contextName, server, certificateAuthorityPem, new Dictionary<string, object> { ["token"] = token }, @namespace);

    /// <summary>A context authenticating with a client certificate issued by <see cref="EmulatedCluster.IssueClientCertificate"/>.</summary>
    public KubeconfigBuilder AddClientCertificateContext(string contextName, EmulatedCluster cluster, ClientCertificate certificate, string? @namespace = null) =>
        Add(
            contextName,
            cluster.Server.ToString().TrimEnd('/'),
            cluster.CaCertificatePem,
            new Dictionary<string, object>
            {
                ["client-certificate-data"] = Base64(certificate.CertificatePem),
                ["client-key-data"] = Base64(certificate.PrivateKeyPem),
            },
            @namespace);

    /// <summary>Sets current-context (defaults to the first context added).</summary>
    public KubeconfigBuilder UseContext(string contextName)
    {
        if (_contexts.All(c => (string)c["name"] != contextName))
        {
            throw new ArgumentException($"no context named {contextName}", nameof(contextName));
        }

        _currentContext = contextName;
        return this;
    }

    public string Build()
    {
        var document = new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["preferences"] = new Dictionary<string, object>(),
            ["clusters"] = _clusters,
            ["users"] = _users,
            ["contexts"] = _contexts,
            ["current-context"] = _currentContext ?? (_contexts.Count > 0 ? (string)_contexts[0]["name"] : ""),
        };
        return new SerializerBuilder().Build().Serialize(document);
    }

    /// <summary>Writes the kubeconfig (creating the directory) and returns <paramref name="path"/>.</summary>
    public string WriteTo(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Build());
        return path;
    }

    private KubeconfigBuilder Add(string contextName, string server, string caPem, Dictionary<string, object> user, string? @namespace)
    {
        if (_contexts.Any(c => (string)c["name"] == contextName))
        {
            throw new ArgumentException($"context {contextName} already added", nameof(contextName));
        }

        _clusters.Add(new Dictionary<string, object>
        {
            ["name"] = contextName,
            ["cluster"] = new Dictionary<string, object> { ["server"] = server, ["certificate-authority-data"] = Base64(caPem) },
        });
        _users.Add(new Dictionary<string, object> { ["name"] = contextName + "-user", ["user"] = user });
        var context = new Dictionary<string, object> { ["cluster"] = contextName, ["user"] = contextName + "-user" };
        if (@namespace is not null)
        {
            context["namespace"] = @namespace;
        }

        _contexts.Add(new Dictionary<string, object> { ["name"] = contextName, ["context"] = context });
        return this;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
