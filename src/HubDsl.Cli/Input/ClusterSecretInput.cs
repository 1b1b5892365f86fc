using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Input;

/// <summary>The check every cluster Secret read from a file gets before it is rendered (preview's --clusters, a project's own Secrets).</summary>
internal static class ClusterSecretInput
{
    /// <summary>
    /// A cluster Secret (labelled argocd.argoproj.io/secret-type: cluster) that Kubernetes would not store or that names
    /// no server is bad input (exit 2, reason InvalidClusterSecret), named by file and document.
    /// </summary>
    public static void Check(string option, string file, int document, YamlMapping secret)
    {
        var labels = (secret["metadata"] as YamlMapping)?["labels"] as YamlMapping;
        if (labels?[ClusterInfo.SecretTypeLabel]?.AsString() != "cluster") return;
        var where = option + ": '" + file + "' document " + document + " (Secret " + ((secret["metadata"] as YamlMapping)?["name"]?.AsString() ?? "without a name") + ")";
        if (!ClusterSecretParser.TryParse(secret, out var info, out var error))
        {
            throw new UserInputException(where + ": " + RenderErrorReasons.InvalidClusterSecret + ": " + error + "; the API server would not store it.");
        }

        if (info.Server.Length == 0)
        {
            throw new UserInputException(where + ": " + RenderErrorReasons.InvalidClusterSecret + ": no server (data.server or stringData.server); Argo CD needs the cluster's API server URL.");
        }
    }
}
