using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>What GET /version answers (public, like the system:public-info-viewer role allows); health probes read it.</summary>
public static class VersionDocument
{
    /// <summary>The Kubernetes version the emulator reports.</summary>
    public const string GitVersion = "v1.31.0";

    public static JsonObject Create() => new()
    {
        ["major"] = "1",
        ["minor"] = GitVersion.TrimStart('v').Split('.')[1],
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.24.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
        ["emulator"] = "HubDsl.KubeEmulator",
    };
}
