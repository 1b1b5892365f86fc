using System.Collections.Generic;

namespace HubDsl.Core.Rendering;

/// <summary>goTemplate mode: waits for HubDsl.Core.Templating.GoTemplate (branch templating).</summary>
internal static class GoTemplateEngine
{
    public static TemplateEngine? Create(IReadOnlyList<string> options, out string? error)
    {
        _ = options;
        error = "goTemplate mode is not available yet in this build of HubDsl";
        return null;
    }
}
