using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// External Secrets Operator <c>ExternalSecret</c>s for the secret references of each environment's values: the
/// operator reads the store on the spoke and creates the Secret the chart mounts by name.
/// </summary>
public static class ExternalSecretManifest
{
    /// <summary>One file per environment and secret: <c>externalsecrets/&lt;env&gt;/&lt;secret&gt;.yaml</c>.</summary>
    public static IReadOnlyList<ManifestFile> Build(ApplicationSetModel appSet)
    {
        var files = new List<ManifestFile>();
        var ns = appSet.LiteralDestinationNamespace();
        foreach (var values in appSet.Values)
        {
            if (values.Environment is null) continue;
            foreach (var secret in values.Secrets)
            {
                var manifest = new YamlMapping().Set("apiVersion", "external-secrets.io/v1").Set("kind", "ExternalSecret");
                var metadata = manifest.GetOrAddMapping("metadata").Set("name", secret.SecretName);
                if (ns is not null) metadata.Set("namespace", ns);
                metadata.GetOrAddMapping("labels").Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
                var spec = manifest.GetOrAddMapping("spec").Set("refreshInterval", secret.RefreshInterval);
                spec.GetOrAddMapping("secretStoreRef").Set("name", secret.Store).Set("kind", secret.StoreKind);
                spec.GetOrAddMapping("target").Set("name", secret.SecretName).Set("creationPolicy", "Owner");
                spec.Set("dataFrom", new YamlSequence().Add(new YamlMapping().Set("extract", new YamlMapping().Set("key", secret.RemoteKey))));
                files.Add(new ManifestFile(PathFor(values.Environment, secret.SecretName),
                    YamlWriter.Write(manifest, ManifestHeader.For(appSet.ClassName + "." + values.MemberName))));
            }
        }

        return files;
    }

    /// <summary>Where the build writes an environment's ExternalSecret, relative to the output root.</summary>
    public static string PathFor(string environment, string secretName) => "externalsecrets/" + environment + "/" + GeneratedFileNames.For(secretName, ".yaml");
}
