using System;
using System.Collections.Generic;

namespace HubDsl.KubeEmulator;

/// <summary>How an <see cref="EmulatedCluster"/> starts.</summary>
public sealed class EmulatedClusterOptions
{
    /// <summary>Names the CA and is the default kubeconfig context name.</summary>
    public string Name { get; init; } = "emulated";

    /// <summary>How long the token controller waits before filling a service-account token Secret.</summary>
    public TimeSpan TokenControllerDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Namespaces present at start, besides default, kube-system, kube-public and kube-node-lease.</summary>
    public IReadOnlyList<string> ExtraNamespaces { get; init; } = ["argocd"];

    /// <summary>Whether the Argo CD CRDs exist at start; without them the argoproj.io kinds are not served.</summary>
    public bool InstallArgoCdCrds { get; init; } = true;
}
