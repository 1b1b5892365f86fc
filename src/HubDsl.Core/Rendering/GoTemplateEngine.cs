using System;
using System.Collections.Generic;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// goTemplate mode (applicationset/utils/utils.go Render.Replace): each string is parsed as a Go text/template
/// named "base" with Argo CD's function map and executed with the ApplicationSet's <c>goTemplateOptions</c>.
/// Errors read "failed to parse template &lt;tmpl&gt;: ..." and "failed to execute go template &lt;tmpl&gt;: ...".
/// </summary>
internal sealed class GoTemplateEngine : TemplateEngine
{
    private readonly MissingKeyOption _missingKey;

    private GoTemplateEngine(MissingKeyOption missingKey) => _missingKey = missingKey;

    public override bool IsGoTemplate => true;

    /// <summary>
    /// The engine for the given <c>goTemplateOptions</c>. Go's Template.Option panics on anything but
    /// <c>missingkey=default|invalid|zero|error</c>; HubDsl reports it instead.
    /// </summary>
    public static TemplateEngine? Create(IReadOnlyList<string> options, out string? error)
    {
        error = null;
        var missingKey = MissingKeyOption.Default;
        foreach (var option in options)
        {
            switch (option)
            {
                case "missingkey=default": missingKey = MissingKeyOption.Default; break;
                case "missingkey=invalid": missingKey = MissingKeyOption.Invalid; break;
                case "missingkey=zero": missingKey = MissingKeyOption.Zero; break;
                case "missingkey=error": missingKey = MissingKeyOption.Error; break;
                default:
                    error = "unrecognized option: " + option + " (goTemplateOptions only accepts missingkey=default|invalid|zero|error; Go's template.Option panics)";
                    return null;
            }
        }

        return new GoTemplateEngine(missingKey);
    }

    private readonly Dictionary<string, (GoTemplate? Template, string? Error)> _parsed = new(StringComparer.Ordinal);

    public override string Render(string text, IReadOnlyDictionary<string, object?> parameters, Action<string>? onUnresolved, WorkBudget budget)
    {
        // Without an action delimiter a template is pure text: same output, no parse per plain string.
        if (text.IndexOf("{{", StringComparison.Ordinal) < 0) return text;
        // One engine renders one ApplicationSet: every cluster renders the same strings, so each is parsed once.
        if (!_parsed.TryGetValue(text, out var parsed))
        {
            budget.Spend(1 + (text.Length / 16)); // parsing, once per distinct string
            try
            {
                parsed = (GoTemplate.Parse(text, "base"), null);
            }
            catch (TemplateException e)
            {
                parsed = (null, "failed to parse template " + text + ": " + e.Message);
            }

            _parsed[text] = parsed;
        }

        if (parsed.Error is not null) throw new TemplateRenderFailure(parsed.Error);
        var template = parsed.Template!;

        try
        {
            return template.Execute(parameters, new GoTemplateOptions { MissingKey = _missingKey, OnMissingKey = onUnresolved, YamlParser = ParseYaml, Budget = budget });
        }
        catch (TemplateException e)
        {
            throw new TemplateRenderFailure("failed to execute go template " + text + ": " + e.Message);
        }
    }

    public override TemplateEngine WithMissingKeyError() => new GoTemplateEngine(MissingKeyOption.Error);

    // fromYaml/fromYamlArray: sigs.k8s.io/yaml converts to JSON first, so numbers are float64.
    private static object? ParseYaml(string text)
    {
        try
        {
            return ParamValues.FromJsonLike(YamlReader.Parse(text));
        }
        catch (YamlReaderException e)
        {
            throw new InvalidOperationException("error converting YAML to JSON: yaml: " + e.Message);
        }
    }
}
