using CsCheck;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>The reader runs inside analyzers: any text either parses or fails with a YamlReaderException.</summary>
public sealed class YamlReaderFuzzTests
{
    private static readonly Gen<string> YamlishText =
        Gen.String[Gen.Char[" \n\t-:?,[]{}#&*!|>'\"%@`\\abcx019.~\r\uFEFF\u0085"], 0, 60];

    private static readonly string[] Seeds =
    {
        "a: 1\nb:\n  - x\n  - {y: [1, 2]}\n",
        "- |\n  text\n- >-\n  folded\n  more\n- \"esc \\u00e9 \\x41\"\n",
        "--- &a\nk: *a\n...\n%YAML 1.2\n---\n? x\n: y\n",
        "key: 'single ''quoted''\n  folded'\nother: plain\n  continued\n",
    };

    [Fact]
    public void Random_text_only_ever_fails_with_a_reader_exception()
    {
        Property.Check(YamlishText, Check, cases: 20000);
    }

    [Fact]
    public void Mutated_documents_only_ever_fail_with_a_reader_exception()
    {
        Property.Check(Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 200], Gen.Int[0, 5], YamlishText), (seed, at, cut, insert) =>
        {
            var text = Seeds[seed];
            var position = Math.Min(at, text.Length);
            var removed = Math.Min(cut, text.Length - position);
            Check(text.Substring(0, position) + insert + text.Substring(position + removed));
        }, cases: 20000);
    }

    private static void Check(string text)
    {
        try
        {
            YamlReader.ParseAll(text);
        }
        catch (YamlReaderException e)
        {
            if (e.Line < 1 || e.Column < 1 || e.Offset < 0 || e.Offset > text.Length) throw new Exception("bad position in " + e.Message + " for " + Quote(text));
        }
        catch (Exception e)
        {
            throw new Exception("unexpected " + e.GetType().Name + " for " + Quote(text), e);
        }
    }

    private static string Quote(string text) => YamlQuoting.DoubleQuote(text);
}
