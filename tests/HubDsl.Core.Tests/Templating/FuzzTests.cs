using CsCheck;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>
/// The engine runs inside Roslyn analyzers: on any input it must return or throw a TemplateException (or
/// WorkLimitExceededException when its budget runs out), never anything else, and never hang. Each run has a small
/// work budget, so it is fast whatever the tokens build.
/// </summary>
public class FuzzTests
{
    private static readonly Dictionary<string, object?> Data = new()
    {
        ["s"] = "hello",
        ["n"] = 3,
        ["f"] = 1.5,
        ["l"] = new List<object?> { "a", 1, null, new Dictionary<string, object?> { ["x"] = "y" } },
        ["m"] = new Dictionary<string, object?> { ["a"] = 1, ["b"] = new List<object?>() },
        ["ss"] = new Dictionary<string, string> { ["k"] = "v" },
        ["nil"] = null,
    };

    private static readonly string[] Tokens =
    {
        "{{", "}}", "{{-", "-}}", " ", "\n", ".", ".s", ".n", ".l", ".m", ".ss", ".nil", ".nope", ".m.a", "$", "$x", ":=", "=", "|", "(", ")",
        "\"", "\"a\"", "`r`", "'c'", "1", "-1", "0x10", "1.5", "1e3", "true", "nil", ",", "if", "else", "end", "range", "with", "break",
        "continue", "define", "template", "block", "\"t\"", "/*", "*/", "index", "len", "slice", "eq", "lt", "and", "or", "not", "print",
        "printf", "\"%d %s %v %q %x %5.2f %[2]d %*d %\"", "html", "js", "urlquery", "call", "default", "toJson", "toYaml", "fromYaml",
        "regexReplaceAll", "\"(a|b)*$1\"", "\"[[:alpha:]]+\"", "split", "splitList", "join", "list", "dict", "set", "get", "keys",
        "merge", "trunc", "substr", "repeat", "indent", "nindent", "quote", "int", "add", "div", "mod", "max", "first", "last", "uniq",
        "has", "without", "normalize", "slugify", "sha256sum", "b64dec", "title", "replace", "ternary", "coalesce", "empty", "atoi", "@", "é",
        "\uD800", "\"\uDC00\"", "until", "seq", "chunk", "semverCompare", "\">=1.2\"", "\"1.2.3\"", "dig", "concat", "fromJson", "\"{}\"",
    };

    private static int _parsed;
    private static int _executed;

    private static void Check(string text)
    {
        GoTemplate t;
        try
        {
            t = GoTemplate.Parse(text);
        }
        catch (TemplateParseException e)
        {
            Assert.DoesNotContain("internal error", e.Message);
            return;
        }
        System.Threading.Interlocked.Increment(ref _parsed);
        foreach (MissingKeyOption mode in Enum.GetValues(typeof(MissingKeyOption)))
        {
            try
            {
                t.Execute(Data, new GoTemplateOptions { MissingKey = mode, YamlParser = _ => new Dictionary<string, object?>(), Budget = new WorkBudget(100_000, 1 << 20) });
                System.Threading.Interlocked.Increment(ref _executed);
            }
            catch (TemplateExecutionException e)
            {
                // the engine wraps its own bugs as "internal error" so analyzers never crash; here they must not occur
                Assert.DoesNotContain("internal error", e.Message);
            }
            catch (WorkLimitExceededException)
            {
                // a designed outcome: the tokens built something too big for the budget
            }
        }
        _ = t.ReferencedFields;
    }

    [Fact]
    public void Token_soup_only_raises_template_exceptions()
    {
        Property.Check(Gen.OneOfConst(Tokens).Array[0, 40].Select(a => string.Concat(a)), Check, cases: 20000);
    }

    [Fact]
    public void Well_formed_actions_only_raise_template_exceptions()
    {
        // bias towards inputs that get past the parser: one action of several tokens separated by spaces
        int parsedBefore = _parsed, executedBefore = _executed;
        Property.Check(Gen.OneOfConst(Tokens).Array[1, 8].Select(a => "x{{ " + string.Join(" ", a) + " }}y"), Check, cases: 20000);
        // guard against a vacuous fuzz: a good share of inputs must reach execution, and some must succeed
        Assert.True(_parsed - parsedBefore > 2000, "parsed " + (_parsed - parsedBefore));
        Assert.True(_executed - executedBefore > 1000, "executed " + (_executed - executedBefore));
    }

    [Fact]
    public void Random_characters_only_raise_template_exceptions()
    {
        Property.Check(Gen.Char["{}.$|()\"'`-/* \n:=abcdeifnlrtx0123456789,%é\\\uD800\uDC00"].Array[0, 60].Select(a => new string(a)), Check, cases: 20000,
            regressionSeeds: new[] { "1YHdtylAiXT2" }); // a lone surrogate in a character constant crashed NumberParser
    }
}
