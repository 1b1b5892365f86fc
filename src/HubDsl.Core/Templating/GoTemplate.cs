using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>
/// A Go text/template parsed with Argo CD's function map (Sprig minus env/expandenv/getHostByName, plus normalize,
/// slugify, toYaml, fromYaml, fromYamlArray), executed with Go's semantics and error messages.
/// Only <see cref="TemplateException"/> subclasses and <see cref="WorkLimitExceededException"/> escape.
/// </summary>
public sealed class GoTemplate
{
    private const int MaxTextLength = 1 << 20;

    private readonly string _name;
    private readonly Dictionary<string, ListNode> _trees;
    private readonly LineMap _lines;

    private GoTemplate(string name, Dictionary<string, ListNode> trees, LineMap lines)
    {
        _name = name;
        _trees = trees;
        _lines = lines;
        ReferencedFields = FieldCollector.Collect(trees);
    }

    /// <summary>Like template.New(name).Funcs(argo funcs).Parse(text).</summary>
    /// <exception cref="TemplateParseException">The text is not a valid template; the message is Go's.</exception>
    public static GoTemplate Parse(string text, string name = "base")
    {
        if (text == null) throw new TemplateParseException("template: " + name + ": text is null");
        if (text.Length > MaxTextLength) throw new TemplateParseException("template: " + name + ": template longer than HubDsl's limit of 1 MiB");
        try
        {
            var trees = Parser.Parse(name ?? "base", text);
            return new GoTemplate(name ?? "base", trees, new LineMap(text));
        }
        catch (TemplateException)
        {
            throw;
        }
        catch (System.Exception e)
        {
            throw new TemplateParseException("template: " + name + ": internal error: " + e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Like tmpl.Option("missingkey=...").Execute(data), within the options' <see cref="GoTemplateOptions.Budget"/>.</summary>
    /// <exception cref="TemplateExecutionException">Execution failed; the message is Go's.</exception>
    /// <exception cref="WorkLimitExceededException">The work budget ran out (Go has no such limit).</exception>
    public string Execute(object? data, GoTemplateOptions? options = null)
    {
        try
        {
            return new Executor(_name, _trees, _lines, options ?? new GoTemplateOptions()).Run(data);
        }
        catch (TemplateException)
        {
            throw;
        }
        catch (WorkLimitExceededException)
        {
            throw;
        }
        catch (System.InsufficientExecutionStackException)
        {
            throw new TemplateExecutionException("template: " + _name + ": nesting too deep (HubDsl limit)");
        }
        catch (System.Exception e)
        {
            // a bug in the engine: still a TemplateException (analyzers must not crash), but recognisable
            throw new TemplateExecutionException("template: " + _name + ": internal error: " + e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Field and variable paths ("metadata.labels.env", "$x.a") and constant index paths ("metadata.labels.my-label").</summary>
    public IReadOnlyList<string> ReferencedFields { get; }
}
