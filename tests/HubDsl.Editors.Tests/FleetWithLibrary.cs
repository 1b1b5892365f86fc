using System.Runtime.CompilerServices;

namespace HubDsl.Editors.Tests;

/// <summary>
/// A fleet project and the class library it references, written to a temporary folder: the library declares a
/// values record with defaults (one read from another member), a nested record and the shared clusters; the fleet
/// uses them. Both reference this repository's HubDsl projects as project references, as the example does
/// (HubDsl.Local.props), so hosts see HubDsl and the library as projects, not packages.
/// </summary>
internal sealed class FleetWithLibrary : IDisposable
{
    public const string LibraryValues = """
        using HubDsl;

        namespace Shared;

        /// <summary>The agent chart's values, shared by every fleet of the organisation.</summary>
        public sealed record AgentValues : HelmValues
        {
            public int Replicas { get; init; } = 2;

            public string Image { get; init; } = Images.Agent;

            public Resources Resources { get; init; } = new(
                Requests: new(Memory: "64Mi", Cpu: "100m"),
                Limits: new(Memory: "128Mi", Cpu: "500m"));

            public PullSettings Pull { get; init; } = new();
        }

        public sealed record PullSettings
        {
            public string Policy { get; init; } = "IfNotPresent";

            public int Retries { get; init; } = 3;
        }

        public static class Images
        {
            public const string Registry = "ghcr.io/example";

            public static readonly string Agent = Registry + "/agent:1.4.2";
        }
        """;

    public const string LibraryClusters = """
        using HubDsl;

        namespace Shared;

        public static class SharedClusters
        {
            public static readonly Cluster Staging = new("staging", "https://staging.example.com")
            {
                Labels = { ["env"] = "staging", ["deploy"] = "true" },
            };

            public static readonly Cluster Prod = new("prod", "https://prod.example.com")
            {
                Labels = { ["env"] = "prod", ["deploy"] = "true" },
            };
        }
        """;

    public const string FleetSource = """
        using HubDsl;
        using Shared;

        namespace Fleet;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Staging = SharedClusters.Staging;

            public static readonly Cluster Prod = SharedClusters.Prod;
        }

        [ApplicationSet("agent")]
        public static class Agent
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));

            public static readonly ApplicationTemplate Template = new($"agent-{Param.Name}")
            {
                Destination = new(Param.Server, "agent"),
                Source = new HelmSource("https://github.com/example/agent", "helm/", "main")
                {
                    ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                },
            };

            [Values] public static readonly AgentValues Defaults = new();

            [Values("staging")] public static readonly AgentValues Staging = Defaults;

            [Values("prod")] public static readonly AgentValues Prod = Defaults with { Replicas = 3, Pull = new() { Policy = "Always" } };
        }
        """;

    private FleetWithLibrary(string root) => Root = root;

    public string Root { get; }

    public string FleetProject => Path.Combine(Root, "Fleet", "Fleet.csproj");

    public string LibraryProject => Path.Combine(Root, "Shared", "Shared.csproj");

    /// <summary>Writes the two projects; <paramref name="libraryProperties"/> go into the library's project file.</summary>
    public static FleetWithLibrary Create(string fleet = FleetSource, string values = LibraryValues, string clusters = LibraryClusters, string libraryProperties = "")
    {
        var root = Path.Combine(Path.GetTempPath(), "hubdsl-editors-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        var local = Path.Combine(RepositoryRoot(), "src", "HubDsl", "build", "HubDsl.Local.props");
        var layout = new FleetWithLibrary(root);
        layout.Write("Shared/Shared.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {libraryProperties}
              </PropertyGroup>
              <Import Project="{local}" />
            </Project>
            """);
        layout.Write("Shared/AgentValues.cs", values);
        layout.Write("Shared/SharedClusters.cs", clusters);
        layout.Write("Fleet/Fleet.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Shared/Shared.csproj" />
              </ItemGroup>
              <Import Project="{local}" />
            </Project>
            """);
        layout.Write("Fleet/Fleet.cs", fleet);
        return layout;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>
    /// Restores both projects (the repository's projects are restored and built already: this test project
    /// references them), so a host can load them.
    /// </summary>
    public (int ExitCode, string Output) Restore() => Dotnet.Run(Root, "restore", FleetProject, "-nologo", "-v:q");

    /// <summary>
    /// <c>dotnet build</c> of the library, then of the fleet, as the command line builds a project reference: the
    /// fleet compiles against the library's compiled assembly. The repository's projects are not rebuilt.
    /// </summary>
    public (int ExitCode, string Output) Build()
    {
        var library = Dotnet.Run(Root, "build", LibraryProject, "--no-dependencies", "-nologo", "-v:n", "-p:Configuration=" + Configuration);
        if (library.ExitCode != 0) return library;
        var fleet = Dotnet.Run(Root, "build", FleetProject, "--no-dependencies", "-nologo", "-v:n", "-p:Configuration=" + Configuration);
        return (fleet.ExitCode, library.Output + fleet.Output);
    }

    /// <summary>The files the fleet's build wrote (manifests), relative to the fleet project, with their text.</summary>
    public SortedDictionary<string, string> WrittenManifests()
    {
        var fleet = Path.Combine(Root, "Fleet");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(fleet, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(fleet, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)) continue;
            files[relative] = File.ReadAllText(path);
        }

        return files;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static string Configuration =>
        typeof(FleetWithLibrary).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().First().Configuration;

    public static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
