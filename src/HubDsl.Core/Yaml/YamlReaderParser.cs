using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace HubDsl.Core.Yaml;

/// <summary>
/// A recursive-descent YAML parser over the raw characters. Block structure is decided by the column of
/// the first character of each node, which is all Kubernetes manifests and Helm values need; the YAML
/// 1.2 corner cases that no Kubernetes tool accepts (complex keys, tabs as indentation) are errors.
/// </summary>
internal sealed class YamlReaderParser
{
    private const int MaxDepth = YamlReaderLimits.MaxNesting;
    private const string TagPrefix = "tag:yaml.org,2002:";

    private readonly string _text;
    private readonly string _path;
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
    private readonly AliasBudget _aliasBudget = new();
    private readonly int[]? _toOriginal;
    private int _pos;
    private int _depth;

    private readonly bool _yaml11;

    public YamlReaderParser(string text, string path, YamlResolution resolution = YamlResolution.Yaml12Core)
    {
        _yaml11 = resolution == YamlResolution.Yaml11;
        if (text.Length > YamlReaderLimits.MaxTextLength)
        {
            throw new YamlReaderException(
                "the text is " + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters, more than the " + YamlReaderLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture) +
                " HubDsl's YAML reader accepts (YamlReaderLimits.MaxTextLength; the Kubernetes API server refuses requests over 3 MiB)", 1, 1, 0) { Path = path };
        }

        // A BOM is not content; CRLF and lone CR are line breaks. Origins and error offsets still point into
        // the caller's text, through a map from normalized to original positions.
        if ((text.Length > 0 && text[0] == '\uFEFF') || text.IndexOf('\r') >= 0)
        {
            var normalized = new StringBuilder(text.Length);
            _toOriginal = new int[text.Length + 1];
            for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
                _toOriginal[normalized.Length] = i;
                normalized.Append(text[i] == '\r' ? '\n' : text[i]);
            }

            _toOriginal[normalized.Length] = text.Length;
            text = normalized.ToString();
        }

        _text = text;
        _path = path;
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] == '\n') _lineStarts.Add(i + 1);
        }
    }

    // ---------------------------------------------------------------- documents

    public List<YamlNode> ParseStream()
    {
        var documents = new List<YamlNode>();
        while (true)
        {
            SkipBlankLinesAndComments();
            var explicitStart = false;
            while (!AtEnd && Column(_pos) == 0 && Peek() == '%')
            {
                // Directives (%YAML, %TAG) change nothing we support; skip the line.
                SkipToEndOfLine();
                SkipBlankLinesAndComments();
            }

            if (AtEnd) break;
            if (IsDocumentMarker(_pos, '.'))
            {
                _pos += 3;
                ExpectEndOfLine();
                continue;
            }

            if (IsDocumentMarker(_pos, '-'))
            {
                _pos += 3;
                explicitStart = true;
            }

            _anchors.Clear();
            documents.Add(ParseDocumentBody(explicitStart));
        }

        return documents;
    }

    private YamlNode ParseDocumentBody(bool explicitStart)
    {
        var start = _pos;
        _aliasBudget.StartDocument();
        YamlNode node;
        if (explicitStart)
        {
            // "--- value" or "---\n value"
            node = ParseBlockValue(-1, allowSameIndentSequence: false, allowInlineCollections: false, start);
        }
        else
        {
            node = ParseBlockValue(-1, allowSameIndentSequence: false, allowInlineCollections: true, start);
        }

        SkipBlankLinesAndComments();
        if (!AtEnd && !IsDocumentMarker(_pos, '-') && !IsDocumentMarker(_pos, '.'))
        {
            throw Error(_pos, "expected the end of the document or a new document ('---'), found more content at a lower indentation");
        }

        return node;
    }

    // ---------------------------------------------------------------- block nodes

    /// <summary>
    /// Parses the node that follows a <c>key:</c>, a <c>- </c> or a document start. <paramref name="parentIndent"/>
    /// is the indentation of the enclosing block collection; content on later lines must be deeper.
    /// </summary>
    private YamlNode ParseBlockValue(int parentIndent, bool allowSameIndentSequence, bool allowInlineCollections, int emptyOrigin)
    {
        EnterNesting();
        try
        {
            SkipInlineSpace();
            var props = ParseProperties();
            var propsOnOwnLine = false;
            if (AtEndOfLineOrComment())
            {
                SkipBlankLinesAndComments();
                CheckIndentation();
                propsOnOwnLine = props.HasAny;
                if (AtEnd || IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.'))
                {
                    CountNode();
                    return props.Apply(this, YamlScalar.Null, emptyOrigin);
                }

                var column = Column(_pos);
                var sameIndentSequence = allowSameIndentSequence && column == parentIndent && IsSequenceEntry(_pos);
                if (column <= parentIndent && !sameIndentSequence)
                {
                    CountNode();
                    return props.Apply(this, YamlScalar.Null, emptyOrigin);
                }

                if (!props.HasAny)
                {
                    var more = ParseProperties();
                    if (more.HasAny)
                    {
                        props = more;
                        if (AtEndOfLineOrComment())
                        {
                            SkipBlankLinesAndComments();
                            propsOnOwnLine = true;
                        }
                    }
                }

                return ParseNodeAt(parentIndent, allowBlockCollections: true, props, propsOnOwnLine);
            }

            return ParseNodeAt(parentIndent, allowInlineCollections, props, propsOnOwnLine: false);
        }
        finally
        {
            _depth--;
        }
    }

    private YamlNode ParseNodeAt(int parentIndent, bool allowBlockCollections, NodeProperties props, bool propsOnOwnLine)
    {
        var start = _pos;
        var column = Column(_pos);
        var c = Peek();

        if (IsSequenceEntry(_pos))
        {
            if (!allowBlockCollections) throw Error(_pos, "a block sequence may not start on the same line as its key");
            CountNode();
            return props.Apply(this, ParseBlockSequence(column), start);
        }

        if (c == '?' && IsBlankOrEnd(_pos + 1))
        {
            if (!allowBlockCollections) throw Error(_pos, "a block mapping may not start on the same line as its key");
            CountNode();
            return props.Apply(this, ParseBlockMapping(column, null, start), start);
        }

        if (c == '|' || c == '>')
        {
            CountNode();
            return props.Apply(this, ParseBlockScalar(parentIndent), start);
        }

        if (c == '[' || c == '{')
        {
            var flow = ParseFlowCollection();
            SkipInlineSpace();
            if (Peek() == ':' && IsBlankOrEnd(_pos + 1))
            {
                throw Error(_pos, "a flow collection cannot be a mapping key (only scalar keys are supported)");
            }

            ExpectEndOfLine();
            return props.Apply(this, flow, start);
        }

        if (c == '*')
        {
            var alias = ParseAlias();
            SkipInlineSpace();
            if (Peek() == ':' && IsBlankOrEnd(_pos + 1))
            {
                if (!allowBlockCollections) throw Error(_pos, "mapping values are not allowed here");
                var key = alias is YamlScalar s ? s.Value : throw Error(start, "only a scalar alias can be a mapping key");
                CountNode(); // the mapping
                return props.Apply(this, ParseBlockMapping(column, new KeyToken(key, start, _pos - start), start), start);
            }

            ExpectEndOfLine();
            return alias;
        }

        // A scalar, which may turn out to be the first key of a block mapping.
        var scalarStart = _pos;
        var scalar = ParseScalarInBlock(parentIndent, out var isPlain, out var multiLine);
        SkipInlineSpace();
        if (Peek() == ':' && IsBlankOrEnd(_pos + 1))
        {
            if (!allowBlockCollections) throw Error(_pos, "mapping values are not allowed here (a block mapping cannot start on the same line as its key)");
            if (multiLine) throw Error(scalarStart, "a mapping key must be on a single line");
            CountNode(2); // the mapping and its first key
            // Properties written on the key's line belong to the key, on their own line to the mapping.
            var key = new KeyToken(scalar, scalarStart, _pos - scalarStart) { IsPlain = isPlain };
            var mapping = ParseBlockMapping(column, key, start);
            return propsOnOwnLine ? props.Apply(this, mapping, start) : mapping;
        }

        ExpectEndOfLine();
        CountNode();
        return props.ApplyToScalar(this, scalar, isPlain, scalarStart, _pos);
    }

    private YamlMapping ParseBlockMapping(int indent, KeyToken? firstKey, int start)
    {
        var mapping = new YamlMapping { KeyOrigins = new Dictionary<string, SourceSpan>(StringComparer.Ordinal) };
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var mergeSources = new List<YamlNode>();
        var key = firstKey;
        while (true)
        {
            YamlNode value;
            if (key is null)
            {
                // Explicit "? key" entry: only scalar keys are supported.
                _pos++;
                SkipInlineSpace();
                var keyStart = _pos;
                var keyNode = ParseBlockValue(indent, allowSameIndentSequence: false, allowInlineCollections: false, keyStart);
                if (keyNode is not YamlScalar keyScalar) throw Error(keyStart, "only scalar mapping keys are supported");
                key = new KeyToken(keyScalar.Value, keyStart, Math.Max(0, _pos - keyStart));
                SkipBlankLinesAndComments();
                if (!AtEnd && Column(_pos) == indent && Peek() == ':' && IsBlankOrEnd(_pos + 1))
                {
                    // Like "- ", an explicit ": " may start a compact block collection on its own line.
                    _pos++;
                    value = ParseBlockValue(indent, allowSameIndentSequence: true, allowInlineCollections: true, _pos);
                }
                else
                {
                    CountNode();
                    value = YamlScalar.Null;
                }
            }
            else
            {
                _pos++; // ':'
                if (key.IsPlain && key.Text == "<<") UncountMergeKey();
                value = ParseBlockValue(indent, allowSameIndentSequence: true, allowInlineCollections: false, _pos);
            }

            AddEntry(mapping, key, value, keyLines, mergeSources);

            SkipBlankLinesAndComments();
            CheckIndentation();
            if (AtEnd || IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.')) break;
            var column = Column(_pos);
            if (column < indent) break;
            if (column > indent) throw Error(_pos, "bad indentation of a mapping entry");
            if (Peek() == '?' && IsBlankOrEnd(_pos + 1))
            {
                key = null;
                continue;
            }

            if (IsSequenceEntry(_pos)) break; // a same-indent sequence of the parent key ended; let the parent decide
            key = ParseBlockKey();
        }

        ApplyMerges(mapping, mergeSources);
        mapping.Origin = Span(start, _pos);
        return mapping;
    }

    private KeyToken ParseBlockKey()
    {
        var keyStart = _pos;
        var c = Peek();
        string text;
        var isPlain = false;
        if (c == '*')
        {
            var alias = ParseAlias();
            text = alias is YamlScalar s ? s.Value : throw Error(keyStart, "only a scalar alias can be a mapping key");
        }
        else if (c == '&' || c == '!')
        {
            var props = ParseProperties();
            var scalarStart = _pos;
            var node = ParseScalarInBlock(int.MaxValue, out isPlain, out _);
            CountNode();
            text = node;
            props.ApplyToScalar(this, node, isPlain, scalarStart, _pos);
        }
        else if (c == '[' || c == '{')
        {
            throw Error(_pos, "a flow collection cannot be a mapping key (only scalar keys are supported)");
        }
        else
        {
            text = ParseScalarInBlock(int.MaxValue, out isPlain, out _);
            CountNode();
        }

        var keyEnd = _pos;
        SkipInlineSpace();
        if (!(Peek() == ':' && IsBlankOrEnd(_pos + 1)))
        {
            throw Error(_pos, "could not find the expected ':' after a mapping key");
        }

        return new KeyToken(text, keyStart, keyEnd - keyStart) { IsPlain = isPlain };
    }

    // A plain scalar by the reader's rules.
    private YamlScalar ResolvePlain(string text) => _yaml11 ? YamlReaderScalarResolver11.ResolvePlain(text) : YamlReaderScalarResolver.ResolvePlain(text);

    private void AddEntry(YamlMapping mapping, KeyToken key, YamlNode value, Dictionary<string, int> keyLines, List<YamlNode> mergeSources)
    {
        if (_yaml11 && key.IsPlain && key.Text != "<<")
        {
            // sigs.k8s.io/yaml turns a key that resolves to a number or bool into its JSON text; null has none.
            var jsonKey = YamlReaderScalarResolver11.JsonKey(key.Text)
                ?? throw Error(key.Start, "a null mapping key ('" + key.Text + "'): kubectl and Argo CD cannot turn it into JSON (quote it to make it a string)");
            key = new KeyToken(jsonKey, key.Start, key.Length) { IsPlain = false };
        }

        if (key.IsPlain && key.Text == "<<")
        {
            // Merge key (YAML 1.1, supported by Go's yaml): entries of the merged mapping(s) fill in absent keys.
            if (value is YamlMapping) mergeSources.Add(value);
            else if (value is YamlSequence seq && seq.All(n => n is YamlMapping)) mergeSources.AddRange(seq);
            else throw Error(key.Start, "a merge key '<<' needs a mapping or a sequence of mappings");
            return;
        }

        if (keyLines.TryGetValue(key.Text, out var firstLine))
        {
            throw Error(key.Start, "mapping key \"" + key.Text + "\" already defined at line " + firstLine.ToString(CultureInfo.InvariantCulture));
        }

        keyLines[key.Text] = Line(key.Start);
        mapping.Set(key.Text, value);
        mapping.KeyOrigins![key.Text] = Span(key.Start, key.Start + key.Length);
    }

    private static void ApplyMerges(YamlMapping mapping, List<YamlNode> mergeSources)
    {
        foreach (var source in mergeSources)
        {
            foreach (var entry in (YamlMapping)source)
            {
                if (!mapping.ContainsKey(entry.Key)) mapping.Set(entry.Key, entry.Value);
            }
        }
    }

    private YamlSequence ParseBlockSequence(int indent)
    {
        var start = _pos;
        var sequence = new YamlSequence();
        while (true)
        {
            _pos++; // '-'
            var itemStart = _pos;
            sequence.Add(ParseBlockValue(indent, allowSameIndentSequence: false, allowInlineCollections: true, itemStart));
            SkipBlankLinesAndComments();
            CheckIndentation();
            if (AtEnd || IsDocumentMarker(_pos, '-') || IsDocumentMarker(_pos, '.')) break;
            var column = Column(_pos);
            if (column < indent) break;
            if (column > indent) throw Error(_pos, "bad indentation of a sequence entry");
            if (!IsSequenceEntry(_pos)) break;
        }

        sequence.Origin = Span(start, _pos);
        return sequence;
    }

    // ---------------------------------------------------------------- block scalars

    private YamlScalar ParseBlockScalar(int parentIndent)
    {
        var start = _pos;
        var folded = Peek() == '>';
        _pos++;
        var chomp = 0; // -1 strip, 0 clip, +1 keep
        var increment = 0;
        for (var i = 0; i < 2 && !AtEnd; i++)
        {
            var c = Peek();
            if ((c == '-' || c == '+') && chomp == 0)
            {
                chomp = c == '-' ? -1 : 1;
                _pos++;
            }
            else if (c >= '1' && c <= '9' && increment == 0)
            {
                increment = c - '0';
                _pos++;
            }
            else if (c == '0')
            {
                throw Error(_pos, "the indentation indicator of a block scalar must be 1-9");
            }
        }

        SkipInlineSpace();
        if (!AtEndOfLineOrComment()) throw Error(_pos, "unexpected text after a block scalar indicator");
        SkipToEndOfLine();
        if (!AtEnd) _pos++; // the header's line break

        var minIndent = Math.Max(parentIndent + 1, 1);
        int indent;
        var leadingBreaks = new StringBuilder();
        if (increment > 0)
        {
            indent = minIndent + increment - 1;
        }
        else
        {
            // Auto-detect: the first non-empty line sets the indentation; empty lines before it are kept.
            var maxBlankIndent = 0;
            var probe = _pos;
            indent = -1;
            while (probe < _text.Length)
            {
                var lineStart = probe;
                while (probe < _text.Length && _text[probe] == ' ') probe++;
                if (probe < _text.Length && _text[probe] != '\n')
                {
                    indent = probe - lineStart;
                    break;
                }

                maxBlankIndent = Math.Max(maxBlankIndent, probe - lineStart);
                if (probe < _text.Length) probe++;
            }

            if (indent < 0) indent = Math.Max(minIndent, maxBlankIndent);
            if (indent < minIndent) indent = minIndent;
            if (maxBlankIndent > indent) throw Error(_pos, "a leading empty line of a block scalar has more spaces than its first line");
        }

        // Collect the content lines (text after the indentation), then fold/chomp.
        var lines = new List<string>();
        var trailingBreaks = 0;
        var sawContent = false;
        var sb = new StringBuilder();
        var lastContentLineEndsWithBreak = false;
        while (!AtEnd)
        {
            var lineStart = _pos;
            if (Column(lineStart) == 0 && (IsDocumentMarker(lineStart, '-') || IsDocumentMarker(lineStart, '.'))) break;
            var spaces = 0;
            while (lineStart + spaces < _text.Length && _text[lineStart + spaces] == ' ' && spaces < indent) spaces++;
            var afterIndent = lineStart + spaces;
            var lineEnd = _text.IndexOf('\n', afterIndent);
            if (lineEnd < 0) lineEnd = _text.Length;
            var isBlank = IsAllSpaces(lineStart, lineEnd);
            if (spaces < indent && !isBlank) break; // less indented content ends the scalar
            if (isBlank && spaces < indent)
            {
                lines.Add(string.Empty);
                MarkBlank();
            }
            else if (isBlank && lineEnd == afterIndent)
            {
                lines.Add(string.Empty);
                MarkBlank();
            }
            else
            {
                lines.Add(_text.Substring(afterIndent, lineEnd - afterIndent));
                sawContent = true;
                trailingBreaks = 0;
            }

            lastContentLineEndsWithBreak = lineEnd < _text.Length;
            _pos = lineEnd < _text.Length ? lineEnd + 1 : lineEnd;
        }

        void MarkBlank()
        {
            if (sawContent) trailingBreaks++;
        }

        // Blank lines after the last content line are "trailing breaks" for chomping, not content.
        var contentCount = lines.Count;
        while (contentCount > 0 && lines[contentCount - 1].Length == 0 && IsTrailingBlank(lines, contentCount - 1)) contentCount--;
        if (!sawContent) contentCount = 0;

        var leading = 0;
        while (leading < contentCount && lines[leading].Length == 0) leading++;
        for (var i = 0; i < leading; i++) leadingBreaks.Append('\n');
        sb.Append(leadingBreaks);

        var previousWasNormal = false;
        var pendingBreaks = 0;
        for (var i = leading; i < contentCount; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                pendingBreaks++;
                continue;
            }

            var isNormal = line[0] != ' ' && line[0] != '\t';
            if (i > leading)
            {
                // Folding: one break between two normal lines becomes a space; otherwise breaks are kept.
                if (folded && previousWasNormal && isNormal)
                {
                    if (pendingBreaks == 0) sb.Append(' ');
                    else sb.Append('\n', pendingBreaks);
                }
                else
                {
                    sb.Append('\n', pendingBreaks + 1);
                }
            }

            pendingBreaks = 0;
            previousWasNormal = isNormal;
            sb.Append(line);
        }

        if (contentCount > leading)
        {
            var hasFinalBreak = contentCount < lines.Count || lastContentLineEndsWithBreak;
            if (chomp >= 0 && hasFinalBreak) sb.Append('\n');
            if (chomp > 0) sb.Append('\n', lines.Count - contentCount);
        }
        else if (chomp > 0)
        {
            // Only empty lines: "keep" preserves them all.
            sb.Append('\n', lines.Count);
        }

        var node = YamlScalar.String(sb.ToString());
        node.Origin = Span(start, _pos);
        return node;
    }

    private static bool IsTrailingBlank(List<string> lines, int index)
    {
        for (var i = index; i < lines.Count; i++)
        {
            if (lines[i].Length != 0) return false;
        }

        return true;
    }

    private bool IsAllSpaces(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_text[i] != ' ' && _text[i] != '\t') return false;
        }

        return true;
    }

    // ---------------------------------------------------------------- flow nodes

    private YamlNode ParseFlowCollection()
    {
        EnterNesting();
        try
        {
            var start = _pos;
            CountNode();
            var open = Peek();
            _pos++;
            if (open == '[')
            {
                var sequence = new YamlSequence();
                while (true)
                {
                    SkipFlowSpace();
                    if (AtEnd) throw Error(start, "unterminated flow sequence (missing ']')");
                    if (Peek() == ']')
                    {
                        _pos++;
                        break;
                    }

                    var itemStart = _pos;
                    var item = ParseFlowNode(out _, out var itemText);
                    var itemEnd = _pos;
                    SkipFlowSpace();
                    if (Peek() == ':')
                    {
                        // A single-pair mapping inside a flow sequence: [a: b]
                        _pos++;
                        SkipFlowSpace();
                        var pair = new YamlMapping { KeyOrigins = new Dictionary<string, SourceSpan>(StringComparer.Ordinal) };
                        CountNode();
                        var value = Peek() is ',' or ']' ? CountedNull() : ParseFlowNode(out _, out _);
                        var key = itemText ?? throw Error(itemStart, "only scalar mapping keys are supported");
                        pair.Set(key, value);
                        pair.KeyOrigins[key] = Span(itemStart, itemEnd);
                        pair.Origin = Span(itemStart, _pos);
                        item = pair;
                        SkipFlowSpace();
                    }

                    sequence.Add(item);
                    if (Peek() == ',')
                    {
                        _pos++;
                        continue;
                    }

                    if (Peek() == ']')
                    {
                        _pos++;
                        break;
                    }

                    throw Error(AtEnd ? start : _pos, AtEnd ? "unterminated flow sequence (missing ']')" : "expected ',' or ']' in a flow sequence");
                }

                sequence.Origin = Span(start, _pos);
                return sequence;
            }

            var mapping = new YamlMapping { KeyOrigins = new Dictionary<string, SourceSpan>(StringComparer.Ordinal) };
            var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
            var merges = new List<YamlNode>();
            while (true)
            {
                SkipFlowSpace();
                if (AtEnd) throw Error(start, "unterminated flow mapping (missing '}')");
                if (Peek() == '}')
                {
                    _pos++;
                    break;
                }

                if (Peek() == '?' && IsFlowBlankOrEnd(_pos + 1))
                {
                    _pos++;
                    SkipFlowSpace();
                }

                var keyStart = _pos;
                ParseFlowNode(out var keyIsPlain, out var keyText);
                if (keyText is null) throw Error(keyStart, "only scalar mapping keys are supported");
                var keyEnd = _pos;
                SkipFlowSpace();
                YamlNode? value = null;
                if (Peek() == ':')
                {
                    _pos++;
                    if (keyIsPlain && keyText == "<<") UncountMergeKey();
                    SkipFlowSpace();
                    if (Peek() is not (',' or '}')) value = ParseFlowNode(out _, out _);
                    SkipFlowSpace();
                }

                value ??= CountedNull();

                AddEntry(mapping, new KeyToken(keyText, keyStart, keyEnd - keyStart) { IsPlain = keyIsPlain }, value, keyLines, merges);
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                if (Peek() == '}')
                {
                    _pos++;
                    break;
                }

                throw Error(AtEnd ? start : _pos, AtEnd ? "unterminated flow mapping (missing '}')" : "expected ',' or '}' in a flow mapping");
            }

            ApplyMerges(mapping, merges);
            mapping.Origin = Span(start, _pos);
            return mapping;
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>A node inside a flow collection; <paramref name="scalarText"/> is its text when it is a scalar.</summary>
    private YamlNode ParseFlowNode(out bool isPlain, out string? scalarText)
    {
        isPlain = false;
        scalarText = null;
        var start = _pos;
        var props = ParseProperties(flow: true);
        SkipFlowSpace();
        var c = Peek();
        if (c == '[' || c == '{') return props.Apply(this, ParseFlowCollection(), start);
        if (c == '*')
        {
            var alias = ParseAlias();
            scalarText = alias is YamlScalar s ? s.Value : null;
            return alias;
        }

        if (AtEnd) throw Error(_pos, "unexpected end of input in a flow collection");
        var scalarStart = _pos;
        string text;
        if (c == '"') text = ParseDoubleQuoted();
        else if (c == '\'') text = ParseSingleQuoted();
        else if (c is ',' or ']' or '}' or ':')
        {
            // An empty node, e.g. "{: v}" or "[a, , b]" is invalid, but "{k: }" reaches here only via ':'.
            if (c != ':') throw Error(_pos, "unexpected '" + c + "' in a flow collection");
            text = string.Empty;
            isPlain = true;
            scalarText = text;
            CountNode();
            return props.ApplyToScalar(this, text, true, scalarStart, _pos);
        }
        else
        {
            text = ParsePlain(-1, flow: true, out _);
            isPlain = true;
        }

        scalarText = text;
        CountNode();
        return props.ApplyToScalar(this, text, isPlain, scalarStart, _pos);
    }

    // ---------------------------------------------------------------- scalars

    private string ParseScalarInBlock(int parentIndent, out bool isPlain, out bool multiLine)
    {
        var start = _pos;
        var c = Peek();
        isPlain = false;
        multiLine = false;
        string text;
        if (c == '"') text = ParseDoubleQuoted();
        else if (c == '\'') text = ParseSingleQuoted();
        else
        {
            isPlain = true;
            text = ParsePlain(parentIndent, flow: false, out multiLine);
            return text;
        }

        multiLine = Line(start) != Line(_pos);
        return text;
    }

    private string ParsePlain(int parentIndent, bool flow, out bool multiLine)
    {
        multiLine = false;
        var c = Peek();
        if (IsIndicatorStart(c) && !((c == '-' || c == '?' || c == ':') && !IsPlainTerminatorAfterIndicator(_pos + 1, flow)))
        {
            throw Error(_pos, "a plain scalar cannot start with '" + c + "'" + (c is '@' or '`' ? " (reserved indicator; quote the value)" : string.Empty));
        }

        var sb = new StringBuilder();
        while (true)
        {
            // One line of the scalar.
            var lineStart = _pos;
            var end = _pos;
            while (end < _text.Length)
            {
                var ch = _text[end];
                if (ch == '\n') break;
                if (ch == ':' && IsPlainTerminatorAfterIndicator(end + 1, flow)) break;
                if (ch == '#' && end > lineStart && (_text[end - 1] == ' ' || _text[end - 1] == '\t')) break;
                if (flow && (ch == ',' || ch == '[' || ch == ']' || ch == '{' || ch == '}')) break;
                end++;
            }

            var segment = _text.Substring(lineStart, end - lineStart).TrimEnd(' ', '\t');
            sb.Append(segment);
            _pos = lineStart + segment.Length;

            // Continuation lines: deeper than the parent (block) or anywhere (flow), not a comment/marker.
            if (end >= _text.Length || _text[end] != '\n') break;
            var probe = end;
            var breaks = 0;
            int nextContent;
            while (true)
            {
                probe++; // past '\n'
                breaks++;
                var p = probe;
                while (p < _text.Length && (_text[p] == ' ' || _text[p] == '\t')) p++;
                if (p < _text.Length && _text[p] == '\n')
                {
                    probe = p;
                    continue;
                }

                nextContent = p;
                break;
            }

            if (nextContent >= _text.Length) break;
            var ch2 = _text[nextContent];
            if (ch2 == '#') break;
            if (!flow)
            {
                if (Column(nextContent) <= parentIndent) break;
                if (Column(nextContent) == 0 && (IsDocumentMarker(nextContent, '-') || IsDocumentMarker(nextContent, '.'))) break;
                if (ch2 == '-' && IsBlankOrEnd(nextContent + 1) && Column(nextContent) <= parentIndent + 1) break;
            }
            else if (ch2 is ',' or ']' or '}' or ':' && (ch2 != ':' || IsPlainTerminatorAfterIndicator(nextContent + 1, true)))
            {
                _pos = nextContent;
                break;
            }

            if (parentIndent == int.MaxValue) break; // keys are single-line

            // Fold: one line break is a space, n breaks are n-1 newlines.
            if (breaks == 1) sb.Append(' ');
            else sb.Append('\n', breaks - 1);
            _pos = nextContent;
            multiLine = true;
            if (!flow)
            {
                // A "key: value" on a continuation line is not a continuation.
                var scanEnd = _text.IndexOf('\n', nextContent);
                if (scanEnd < 0) scanEnd = _text.Length;
                for (var i = nextContent; i < scanEnd; i++)
                {
                    if (_text[i] == '#' && i > nextContent && (_text[i - 1] == ' ' || _text[i - 1] == '\t')) break;
                    if (_text[i] == ':' && IsBlankOrEnd(i + 1)) throw Error(i, "mapping values are not allowed in this context (check the indentation)");
                }
            }
        }

        return sb.ToString();
    }

    private string ParseSingleQuoted()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw Error(start, "unterminated single-quoted string");
            var c = _text[_pos];
            if (c == '\'')
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '\'')
                {
                    sb.Append('\'');
                    _pos += 2;
                    continue;
                }

                _pos++;
                return sb.ToString();
            }

            if (c == '\n' || c == ' ' || c == '\t')
            {
                if (FoldQuotedWhitespace(sb, start)) continue;
            }

            sb.Append(c);
            _pos++;
        }
    }

    private string ParseDoubleQuoted()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw Error(start, "unterminated double-quoted string");
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c == '\\')
            {
                _pos++;
                if (AtEnd) throw Error(start, "unterminated double-quoted string");
                var e = _text[_pos];
                if (e == '\n')
                {
                    // Escaped line break: join without a space, drop the next line's indentation.
                    _pos++;
                    while (!AtEnd && (Peek() == ' ' || Peek() == '\t')) _pos++;
                    continue;
                }

                _pos++;
                switch (e)
                {
                    case '0': sb.Append('\0'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 't': sb.Append('\t'); break;
                    case '\t': sb.Append('\t'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'v': sb.Append('\v'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'e': sb.Append('\u001B'); break;
                    case ' ': sb.Append(' '); break;
                    case '"': sb.Append('"'); break;
                    case '/': sb.Append('/'); break;
                    case '\\': sb.Append('\\'); break;
                    case 'N': sb.Append('\u0085'); break;
                    case '_': sb.Append('\u00A0'); break;
                    case 'L': sb.Append('\u2028'); break;
                    case 'P': sb.Append('\u2029'); break;
                    case 'x': AppendCodePoint(sb, ReadHex(2), _pos - 4); break;
                    case 'u': AppendCodePoint(sb, ReadHex(4), _pos - 6); break;
                    case 'U': AppendCodePoint(sb, ReadHex(8), _pos - 10); break;
                    default: throw Error(_pos - 2, "unknown escape sequence '\\" + e + "' in a double-quoted string");
                }

                continue;
            }

            if (c == '\n' || c == ' ' || c == '\t')
            {
                if (FoldQuotedWhitespace(sb, start)) continue;
            }

            sb.Append(c);
            _pos++;
        }
    }

    /// <summary>
    /// Handles whitespace inside a quoted scalar: spaces before a line break are dropped, the break folds
    /// to a space (or to n-1 newlines for n breaks), and the next line's indentation is dropped.
    /// Returns false when the whitespace is ordinary content (not followed by a break).
    /// </summary>
    private bool FoldQuotedWhitespace(StringBuilder sb, int start)
    {
        var p = _pos;
        while (p < _text.Length && (_text[p] == ' ' || _text[p] == '\t')) p++;
        if (p >= _text.Length) throw Error(start, "unterminated quoted string");
        if (_text[p] != '\n') return false;
        var breaks = 0;
        while (p < _text.Length && (_text[p] == '\n' || _text[p] == ' ' || _text[p] == '\t'))
        {
            if (_text[p] == '\n')
            {
                breaks++;
                if (Column(p + 1) == 0 && (IsDocumentMarker(p + 1, '-') || IsDocumentMarker(p + 1, '.')))
                {
                    throw Error(p + 1, "a document marker inside a quoted string");
                }
            }

            p++;
        }

        if (breaks == 1) sb.Append(' ');
        else sb.Append('\n', breaks - 1);
        _pos = p;
        return true;
    }

    private int ReadHex(int digits)
    {
        if (_pos + digits > _text.Length) throw Error(_pos, "truncated escape sequence");
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var c = _text[_pos + i];
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else throw Error(_pos + i, "invalid hexadecimal digit '" + c + "' in an escape sequence");
            value = (value * 16) + d;
            if (value > 0x10FFFF) throw Error(_pos, "escape sequence beyond U+10FFFF");
        }

        _pos += digits;
        return value;
    }

    private void AppendCodePoint(StringBuilder sb, int codePoint, int at)
    {
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF && codePoint > 0xFF)
        {
            // A surrogate escape cannot be a character of a UTF-8 document.
            throw Error(at, "escape sequence for a surrogate code point");
        }

        if (codePoint < 0x10000) sb.Append((char)codePoint);
        else sb.Append(char.ConvertFromUtf32(codePoint));
    }

    private YamlNode ParseAlias()
    {
        var start = _pos;
        _pos++;
        var name = ReadAnchorName();
        if (name.Length == 0) throw Error(start, "an alias needs a name");
        if (!_anchors.TryGetValue(name, out var anchor)) throw Error(start, "unknown anchor '" + name + "'");
        if (_aliasBudget.Alias(anchor.DecodedSize) is { } problem) throw Error(start, problem);
        return anchor.Node;
    }

    private string ReadAnchorName()
    {
        var start = _pos;
        while (!AtEnd)
        {
            var c = Peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') break;
            _pos++;
        }

        return _text.Substring(start, _pos - start);
    }

    // ---------------------------------------------------------------- properties (anchors and tags)

    private NodeProperties ParseProperties(bool flow = false)
    {
        var props = default(NodeProperties);
        while (!AtEnd)
        {
            var c = Peek();
            if (c == '&')
            {
                if (props.Anchor is not null) throw Error(_pos, "a node can have only one anchor");
                _pos++;
                props.Anchor = ReadAnchorName();
                props.DecodedBefore = _aliasBudget.Decoded;
                if (props.Anchor.Length == 0) throw Error(_pos, "an anchor needs a name");
            }
            else if (c == '!')
            {
                if (props.Tag is not null) throw Error(_pos, "a node can have only one tag");
                props.TagStart = _pos;
                props.Tag = ReadTag();
            }
            else
            {
                break;
            }

            if (flow) SkipFlowSpace();
            else SkipInlineSpace();
        }

        return props;
    }

    private string ReadTag()
    {
        var start = _pos;
        _pos++;
        if (Peek() == '<')
        {
            var close = _text.IndexOf('>', _pos);
            if (close < 0) throw Error(start, "unterminated verbatim tag");
            var verbatim = _text.Substring(_pos + 1, close - _pos - 1);
            _pos = close + 1;
            return verbatim;
        }

        while (!AtEnd && Peek() is not (' ' or '\t' or '\n' or ',' or '[' or ']' or '{' or '}')) _pos++;
        var raw = _text.Substring(start, _pos - start);
        if (raw == "!") return "!";
        if (raw.StartsWith("!!", StringComparison.Ordinal)) return TagPrefix + raw.Substring(2);
        return raw;
    }

    private struct NodeProperties
    {
        public string? Anchor;
        public long DecodedBefore;
        public string? Tag;
        public int TagStart;

        public bool HasAny => Anchor is not null || Tag is not null;

        public YamlNode Apply(YamlReaderParser parser, YamlNode node, int start)
        {
            if (Tag is not null)
            {
                switch (Tag)
                {
                    case TagPrefix + "map" when node is not YamlMapping:
                        throw parser.Error(TagStart, "!!map on a node that is not a mapping");
                    case TagPrefix + "seq" when node is not YamlSequence:
                        throw parser.Error(TagStart, "!!seq on a node that is not a sequence");
                }

                if (node is YamlScalar scalar)
                {
                    // Only empty nodes and block scalars get here: an empty node tagged !!str is "".
                    var text = scalar.Kind == ScalarKind.Null ? string.Empty : scalar.Value;
                    node = ApplyScalarTag(parser, text, isPlain: scalar.Kind != ScalarKind.String, node.Origin ?? parser.Span(start, start));
                }
            }

            if (node.Origin is null) WithOrigin(node, parser.Span(start, start));
            if (Anchor is not null) parser._anchors[Anchor] = new Anchor(node, parser._aliasBudget.Decoded - DecodedBefore);
            return node;
        }

        public YamlNode ApplyToScalar(YamlReaderParser parser, string text, bool isPlain, int start, int end)
        {
            var origin = parser.Span(start, end);
            YamlNode node = Tag is null
                ? (isPlain ? parser.ResolvePlain(text) : YamlScalar.String(text))
                : ApplyScalarTag(parser, text, isPlain, origin);
            WithOrigin(node, origin);
            if (Anchor is not null) parser._anchors[Anchor] = new Anchor(node, parser._aliasBudget.Decoded - DecodedBefore);
            return node;
        }

        private YamlScalar ApplyScalarTag(YamlReaderParser parser, string text, bool isPlain, SourceSpan? origin)
        {
            YamlScalar result;
            switch (Tag)
            {
                case "!":
                case TagPrefix + "str":
                case TagPrefix + "binary":
                case TagPrefix + "timestamp":
                    result = YamlScalar.String(text);
                    break;
                case TagPrefix + "int":
                    result = (parser._yaml11 ? YamlReaderScalarResolver11.TryNumber(text) is { Kind: ScalarKind.Int } i11 ? i11 : null : YamlReaderScalarResolver.TryInt(text))
                        ?? throw parser.Error(TagStart, "cannot read '" + text + "' as !!int");
                    break;
                case TagPrefix + "float":
                    result = YamlReaderScalarResolver.TryFloat(text)
                        ?? (YamlReaderScalarResolver.TryInt(text) is { } i ? YamlScalar.Float(double.Parse(i.Value, CultureInfo.InvariantCulture)) : null)
                        ?? (YamlReaderScalarResolver.ResolvePlain(text) is { Kind: ScalarKind.Float } f ? f : null)
                        ?? throw parser.Error(TagStart, "cannot read '" + text + "' as !!float");
                    break;
                case TagPrefix + "bool":
                    result = parser.ResolvePlain(text) is { Kind: ScalarKind.Bool } b ? b : throw parser.Error(TagStart, "cannot read '" + text + "' as !!bool");
                    break;
                case TagPrefix + "null":
                    result = YamlScalar.Null;
                    break;
                case TagPrefix + "map":
                case TagPrefix + "seq":
                    throw parser.Error(TagStart, "a collection tag on a scalar");
                default:
                    // Application tags (!foo) carry no meaning for Kubernetes; resolve as untagged.
                    result = isPlain ? parser.ResolvePlain(text) : YamlScalar.String(text);
                    break;
            }

            if (origin is not null) WithOrigin(result, origin);
            return result;
        }
    }

    /// <summary>An anchored node and how many nodes go-yaml decodes for it (aliases inside expanded).</summary>
    private readonly struct Anchor
    {
        public Anchor(YamlNode node, long decodedSize)
        {
            Node = node;
            DecodedSize = decodedSize;
        }

        public YamlNode Node { get; }

        public long DecodedSize { get; }
    }

    private sealed class KeyToken
    {
        public KeyToken(string text, int start, int length)
        {
            Text = text;
            Start = start;
            Length = length;
        }

        public string Text { get; }
        public int Start { get; }
        public int Length { get; }
        public bool IsPlain { get; set; }
    }

    // ---------------------------------------------------------------- character helpers

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    /// <summary>
    /// Sets the origin unless the node is the shared null singleton, which must not be mutated (so an absent
    /// or null value has no Origin; a YamlScalar factory for fresh nulls would fix that).
    /// </summary>
    internal static T WithOrigin<T>(T node, SourceSpan origin)
        where T : YamlNode
    {
        if (!ReferenceEquals(node, YamlScalar.Null)) node.Origin = origin;
        return node;
    }

    private void EnterNesting()
    {
        if (++_depth > MaxDepth)
        {
            _depth--;
            throw Error(_pos, "nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels (HubDsl's YAML reader limit, YamlReaderLimits.MaxNesting)");
        }
    }

    // Every node go-yaml would decode is counted, in document order, for its alias rule.
    private void CountNode(int count = 1)
    {
        if (_aliasBudget.Node(count) is { } problem) throw Error(_pos, problem);
    }

    /// <summary>
    /// go-yaml decodes neither a merge key '&lt;&lt;' nor a sequence that lists several merge sources (decode.go
    /// mapping and merge), so neither counts; called after the key's ':' and before its value is parsed.
    /// </summary>
    private void UncountMergeKey()
    {
        var saved = _pos;
        SkipInlineSpace();
        if (AtEndOfLineOrComment()) SkipBlankLinesAndComments();
        var sequence = Peek() == '[' || IsSequenceEntry(_pos);
        _pos = saved;
        _aliasBudget.Node(sequence ? -2 : -1);
    }

    private YamlNode CountedNull()
    {
        CountNode();
        return YamlScalar.Null;
    }

    private bool IsSequenceEntry(int pos) =>
        pos < _text.Length && _text[pos] == '-' && IsBlankOrEnd(pos + 1);

    private bool IsBlankOrEnd(int pos) =>
        pos >= _text.Length || _text[pos] == ' ' || _text[pos] == '\t' || _text[pos] == '\n';

    private bool IsFlowBlankOrEnd(int pos) =>
        IsBlankOrEnd(pos) || _text[pos] is ',' or '[' or ']' or '{' or '}';

    private bool IsPlainTerminatorAfterIndicator(int pos, bool flow) =>
        flow ? IsFlowBlankOrEnd(pos) : IsBlankOrEnd(pos);

    private static bool IsIndicatorStart(char c) =>
        c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

    private bool IsDocumentMarker(int pos, char c) =>
        pos + 3 <= _text.Length
        && Column(pos) == 0
        && _text[pos] == c && _text[pos + 1] == c && _text[pos + 2] == c
        && IsBlankOrEnd(pos + 3);

    private bool AtEndOfLineOrComment() => AtEnd || Peek() == '\n' || Peek() == '#';

    private void SkipInlineSpace()
    {
        while (!AtEnd && (Peek() == ' ' || Peek() == '\t')) _pos++;
    }

    private void SkipToEndOfLine()
    {
        while (!AtEnd && Peek() != '\n') _pos++;
    }

    private void SkipBlankLinesAndComments()
    {
        while (!AtEnd)
        {
            var c = Peek();
            if (c == ' ' || c == '\t' || c == '\n') _pos++;
            else if (c == '#' && (_pos == 0 || _text[_pos - 1] is ' ' or '\t' or '\n')) SkipToEndOfLine();
            else break;
        }
    }

    private void SkipFlowSpace() => SkipBlankLinesAndComments();

    // Block indentation is spaces only (YAML 1.2 section 6.1); Go's yaml rejects a tab there too.
    private void CheckIndentation()
    {
        if (AtEnd) return;
        for (var i = _lineStarts[LineIndex(_pos)]; i < _pos; i++)
        {
            if (_text[i] == '\t') throw Error(i, "found a tab character where indentation is expected (use spaces)");
        }
    }

    private void ExpectEndOfLine()
    {
        SkipInlineSpace();
        if (AtEnd || Peek() == '\n') return;
        if (Peek() == '#')
        {
            SkipToEndOfLine();
            return;
        }

        if (Peek() == ':') throw Error(_pos, "mapping values are not allowed here");
        throw Error(_pos, "unexpected text '" + Excerpt(_pos) + "' after a value");
    }

    private string Excerpt(int pos)
    {
        var end = _text.IndexOf('\n', pos);
        if (end < 0) end = _text.Length;
        var text = _text.Substring(pos, Math.Min(end - pos, 20));
        return text;
    }

    private int LineIndex(int pos)
    {
        var index = _lineStarts.BinarySearch(pos);
        return index >= 0 ? index : ~index - 1;
    }

    private int Line(int pos) => LineIndex(pos) + 1;

    private int Column(int pos) => pos - _lineStarts[LineIndex(pos)];

    private SourceSpan Span(int start, int end)
    {
        var originalStart = Original(start);
        // The end is just past the last character, so map that character (a dropped '\r' stays outside).
        var originalEnd = end > start ? Original(end - 1) + 1 : originalStart;
        return new SourceSpan(_path, originalStart, Math.Max(0, originalEnd - originalStart));
    }

    private int Original(int pos)
    {
        pos = Math.Min(Math.Max(pos, 0), _text.Length);
        return _toOriginal is null ? pos : _toOriginal[pos];
    }

    private YamlReaderException Error(int pos, string message)
    {
        pos = Math.Min(Math.Max(pos, 0), _text.Length);
        return new YamlReaderException(message, Line(pos), Column(pos) + 1, Original(pos)) { Path = _path };
    }
}
