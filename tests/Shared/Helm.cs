using System;
using System.IO;
using System.Linq;
using Xunit;
using System.Diagnostics;

namespace HubDsl.Tests.Shared;

/// <summary>The real Helm binary: HUBDSL_HELM, else .tools/helm (installed by .ci/install-tools.sh), else none. Linked into the test projects that use it.</summary>
internal static class Helm
{
    public static string? Path { get; } = Find();

    public const string MissingMessage = "Helm is not installed: run 'bash .ci/install-tools.sh' (CI does) to put helm and kubectl in .tools/";

    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["HELM_CACHE_HOME"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hubdsl-helm-cache");
        start.Environment["HELM_CONFIG_HOME"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hubdsl-helm-config");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000);
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", ".."));

    private static string? Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("HUBDSL_HELM"), System.IO.Path.Combine(RepositoryRoot(), ".tools", "helm") };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }
}

/// <summary>A fact skipped, with instructions, when Helm is not installed.</summary>
public sealed class HelmFactAttribute : FactAttribute
{
    public HelmFactAttribute()
    {
        if (Helm.Path is null) Skip = Helm.MissingMessage;
    }
}

/// <summary>A theory skipped, with instructions, when Helm is not installed.</summary>
public sealed class HelmTheoryAttribute : TheoryAttribute
{
    public HelmTheoryAttribute()
    {
        if (Helm.Path is null) Skip = Helm.MissingMessage;
    }
}
