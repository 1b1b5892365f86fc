using System.Text.Json.Nodes;

namespace HubDsl.Editors.Tests;

/// <summary>
/// csharp-ls 0.28.0, a language server on Roslyn that Neovim, Helix, Emacs and others run, driven over stdio as
/// those editors drive it. It loads a copy of the example fleet from its project file (HubDsl as project
/// references, as in the report) and publishes diagnostics for an open document; with
/// <c>csharp.analyzersEnabled</c>, which it asks the client for with workspace/configuration after
/// <c>initialized</c>, those include the HUB diagnostics. Waits are bounded and a timeout fails with everything
/// the server sent; nothing here measures time.
/// </summary>
public sealed class CsharpLsTests
{
    // Loading the project (a design-time build of the fleet and of HubDsl's projects) takes seconds on an idle
    // machine and far longer on a loaded one; this bounds a hang, it is not a speed requirement.
    private static readonly TimeSpan Load = TimeSpan.FromMinutes(6);

    private static readonly TimeSpan AfterEdit = TimeSpan.FromMinutes(3);

    [CsharpLsFact]
    public async Task A_mistake_in_the_open_fleet_is_published_with_analyzers_on_and_an_edit_that_fixes_it_clears_it()
    {
        using var fleet = ExampleFleetCopy.Create();
        var agent = fleet.Path("Agent.cs");
        var text = File.ReadAllText(agent).Replace("Requests = new() { Memory = \"512Mi\"", "Requests = new() { Memory = \"512mi\"", StringComparison.Ordinal);
        Assert.Contains("512mi", text, StringComparison.Ordinal);
        File.WriteAllText(agent, text);
        var uri = new Uri(agent).AbsoluteUri;

        await using var server = LanguageServer.Start(CsharpLs.Path!, fleet.Root, new JsonObject { ["analyzersEnabled"] = true });
        await server.InitializeAsync(fleet.Root, Load);
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

        var published = await server.WaitForAsync(m => IsPublishFor(m, uri) && LanguageServer.Diagnostics(m).Any(d => d.StartsWith("HUB", StringComparison.Ordinal)), Load, "HUB diagnostic for Agent.cs");
        Assert.Equal(
            new[] { "HUB010 Agent.Prod: resources.requests.memory = '512mi' is not a Kubernetes quantity; did you mean '512Mi'?" },
            LanguageServer.Diagnostics(published).Where(d => d.StartsWith("HUB", StringComparison.Ordinal)));
        Assert.Contains("csharp", server.ConfigurationSections);

        // The fix, as an editor sends a whole-document change.
        var mark = server.Count;
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text.Replace("512mi", "512Mi", StringComparison.Ordinal) }),
        });
        await server.WaitForAsync(m => IsPublishFor(m, uri) && !LanguageServer.Diagnostics(m).Any(d => d.StartsWith("HUB", StringComparison.Ordinal)), AfterEdit, "publishDiagnostics without the HUB010 after the fix", mark);

        Assert.DoesNotContain(server.Published().SelectMany(p => p.Diagnostics), d => d.StartsWith("AD0001", StringComparison.Ordinal));
    }

    [CsharpLsFact]
    public async Task Without_analyzersEnabled_csharp_ls_publishes_no_HUB_diagnostic()
    {
        // What docs/editors.md warns about: the same mistake is silent when the setting is off (its default).
        using var fleet = ExampleFleetCopy.Create();
        var agent = fleet.Path("Agent.cs");
        var text = File.ReadAllText(agent).Replace("Requests = new() { Memory = \"512Mi\"", "Requests = new() { Memory = \"512mi\"", StringComparison.Ordinal);
        File.WriteAllText(agent, text);
        var uri = new Uri(agent).AbsoluteUri;

        await using var server = LanguageServer.Start(CsharpLs.Path!, fleet.Root, new JsonObject());
        await server.InitializeAsync(fleet.Root, Load);
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

        // The document is published once the project has loaded (before that it is not found, and nothing is sent).
        var published = await server.WaitForAsync(m => IsPublishFor(m, uri), Load, "publishDiagnostics for Agent.cs");
        Assert.DoesNotContain(LanguageServer.Diagnostics(published), d => d.StartsWith("HUB", StringComparison.Ordinal));
    }

    private static bool IsPublishFor(JsonObject message, string uri) =>
        (string?)message["method"] == "textDocument/publishDiagnostics" && (string?)message["params"]?["uri"] == uri;
}
