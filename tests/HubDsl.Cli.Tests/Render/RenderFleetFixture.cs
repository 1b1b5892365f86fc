using System.Diagnostics;
using HubDsl.FileSync;

namespace HubDsl.Cli.Tests.Render;

/// <summary>
/// A copy of Fixtures/RenderFleet in a temporary folder, with the output record a build would have written
/// (.hubdsl/Fixture.files listing its argocd/ files), optionally as a git repository. Deleted on dispose.
/// </summary>
internal sealed class RenderFleetFixture : IDisposable
{
    public RenderFleetFixture(bool git = false)
    {
        Folder = Path.Combine(Path.GetTempPath(), "hubdsl-render-fixture-" + Guid.NewGuid().ToString("N")[..10]);
        Copy(ToolRunner.Fixture("RenderFleet"), Folder);
        Record();
        if (!git) return;
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "test@example.com");
        Git("config", "user.name", "test");
        Git("config", "commit.gpgsign", "false");
        Commit("the fleet");
    }

    public string Folder { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Folder, relative);

    /// <summary>Rewrites a file, replacing one text with another (which must be there).</summary>
    public void Edit(string relative, string from, string to)
    {
        var text = File.ReadAllText(PathOf(relative));
        Assert.Contains(from, text);
        File.WriteAllText(PathOf(relative), text.Replace(from, to, StringComparison.Ordinal));
        if (relative.StartsWith("argocd/", StringComparison.Ordinal)) Record();
    }

    /// <summary>What a build does after changing the declarations: the record lists the new hashes.</summary>
    public void Record()
    {
        var files = Directory.GetFiles(PathOf("argocd"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => KeyValuePair.Create(System.IO.Path.GetRelativePath(Folder, f).Replace('\\', '/'), ContentHash.Of(File.ReadAllText(f))));
        Directory.CreateDirectory(PathOf(".hubdsl"));
        File.WriteAllText(PathOf(".hubdsl/Fixture.files"), new OutputRecord("Fixture.csproj", files).Format());
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(" ", args) + ": " + error);
        return output;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) Copy(folder, System.IO.Path.Combine(to, System.IO.Path.GetFileName(folder)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is harmless
        }
    }
}
