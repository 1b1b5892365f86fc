namespace HubDsl.Cli.Render;

/// <summary>
/// Finds the helm binary: <c>HUBDSL_HELM</c>, then <c>helm</c> on PATH, then <c>.tools/helm</c> in the given folder
/// or a parent (where <c>.ci/install-tools.sh</c> puts it in a clone of HubDsl, as CI does).
/// </summary>
internal static class HelmLocator
{
    /// <summary>The helm binary's path; a missing one is an error that says how to get it.</summary>
    public static string Find(params string[] searchFrom)
    {
        var configured = Environment.GetEnvironmentVariable("HUBDSL_HELM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new UserInputException("HUBDSL_HELM is '" + configured + "', which does not exist; point it at the helm binary or unset it");
        }

        var executable = OperatingSystem.IsWindows() ? "helm.exe" : "helm";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate)) return candidate;
        }

        foreach (var start in searchFrom)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, ".tools", executable);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new UserInputException("helm was not found (HUBDSL_HELM, PATH, or .tools/" + executable + " above " + string.Join(", ", searchFrom.Select(Path.GetFullPath)) +
            "); install Helm 3 or 4 (https://helm.sh/docs/intro/install/), or in a clone of HubDsl run 'bash .ci/install-tools.sh', or set HUBDSL_HELM to its path");
    }
}
