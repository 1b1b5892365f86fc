using System;
using System.Collections.Generic;

namespace HubDsl.KubeEmulator;

/// <summary>How an <see cref="EmulatedCluster"/> starts.</summary>
public sealed class EmulatedClusterOptions
{
    /// <summary>Names the CA and is the default kubeconfig context name.</summary>
    public string Name { get; init; } = "emulated";

    /// <summary>The admin bearer token; a random one when null.</summary>
    public string? AdminToken { get; init; }

    /// <summary>The user the admin token authenticates as.</summary>
    public string AdminUser { get; init; } = "kubernetes-admin";

    /// <summary>How long the token controller waits before filling a service-account token Secret.</summary>
    public TimeSpan TokenControllerDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Namespaces present at start, besides default, kube-system, kube-public and kube-node-lease.</summary>
    public IReadOnlyList<string> ExtraNamespaces { get; init; } = ["argocd"];

    /// <summary>Whether the Argo CD CRDs exist at start; without them the argoproj.io kinds are not served.</summary>
    public bool InstallArgoCdCrds { get; init; } = true;

    /// <summary>Reported by /version.</summary>
    public string GitVersion { get; init; } = "v1.31.0";

    /// <summary>Clock for timestamps (creationTimestamp, managedFields time, request log).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
