using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using HubDsl.Core.Model;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Schema;

/// <summary>
/// A chart's values.schema.json, validated as Helm does it: Helm (v3.19 and v4) compiles the schema with
/// santhosh-tekuri/jsonschema v6 (pkg/chart/common/util/jsonschema.go ValidateAgainstSingleSchema), so the draft comes
/// from <c>$schema</c> (2020-12 when absent or bare), <c>pattern</c> is a Go RE2 expression (the library's default
/// regexp engine, not ECMA-262), and the messages are that library's ("got string, want integer", "missing property
/// 'x'", "minimum: got -5, want 0"). Supported: type, enum, const, required, properties, patternProperties,
/// additionalProperties, propertyNames, min/maxProperties, dependencies/dependentRequired/dependentSchemas, items,
/// prefixItems, additionalItems, contains, min/maxItems, uniqueItems, min/maxLength, pattern, minimum, maximum,
/// exclusive bounds (draft-04 booleans too), multipleOf, $ref to anything in the same document, allOf, anyOf, oneOf,
/// not, if/then/else. Other keywords (format, unevaluated*, $dynamicRef, content*) are not checked: the validator may
/// miss what Helm rejects there, but never rejects what Helm accepts.
/// </summary>
internal sealed class ValuesSchema
{
    private const int MaxDepth = 128;

    private readonly YamlNode _root;
    private readonly Dictionary<string, Regex> _regexes = new(StringComparer.Ordinal);

    private ValuesSchema(YamlNode root, int draft)
    {
        _root = root;
        Draft = draft;
    }

    /// <summary>4, 6, 7, 2019 or 2020.</summary>
    public int Draft { get; }

    /// <summary>Reads the schema, or says why Helm could not use it (then nothing is checked).</summary>
    public static ValuesSchema? Compile(string text, string path, out string? problem)
    {
        problem = null;
        YamlNode root;
        try
        {
            root = JsonText.Parse(text, path);
        }
        catch (FormatException e)
        {
            problem = "not valid JSON (" + e.Message + "); Helm rejects every install of the chart.";
            return null;
        }

        if (root is not YamlMapping && root is not YamlScalar { Kind: ScalarKind.Bool })
        {
            problem = "is not a JSON schema (an object or a boolean).";
            return null;
        }

        var draft = 2020;
        if (root is YamlMapping m && m["$schema"]?.AsString() is { } uri)
        {
            var d = DraftOf(uri);
            if (d == null)
            {
                problem = "$schema '" + uri + "' is not a JSON Schema draft HubDsl knows; the values are not checked against it.";
                return null;
            }

            draft = d.Value;
        }

        var schema = new ValuesSchema(root, draft);
        problem = schema.CheckReferencesAndPatterns(root, 0);
        return problem == null ? schema : null;
    }

    // santhosh-tekuri/jsonschema draft.go draftFromURL: the fragment is ignored; the bare schema URL is the latest draft.
    private static int? DraftOf(string uri)
    {
        var u = uri;
        var hash = u.IndexOf('#');
        if (hash >= 0) u = u.Substring(0, hash);
        if (u.StartsWith("https://", StringComparison.Ordinal)) u = "http://" + u.Substring("https://".Length);
        switch (u.TrimEnd('/'))
        {
            case "http://json-schema.org/draft-04/schema": return 4;
            case "http://json-schema.org/draft-06/schema": return 6;
            case "http://json-schema.org/draft-07/schema": return 7;
            case "http://json-schema.org/draft/2019-09/schema": return 2019;
            case "http://json-schema.org/draft/2020-12/schema": return 2020;
            case "http://json-schema.org/schema": return 2020;
            default: return null;
        }
    }

    private string? CheckReferencesAndPatterns(YamlNode node, int depth)
    {
        if (depth > 256) return "nests deeper than HubDsl's limit of 256.";
        switch (node)
        {
            case YamlMapping m:
                foreach (var entry in m)
                {
                    if (entry.Key == "$ref" && entry.Value.AsString() is { } reference && Resolve(reference) == null)
                    {
                        return "$ref '" + reference + "' points outside values.schema.json (or nowhere); HubDsl does not fetch schemas, so the values are not checked against it.";
                    }

                    if (entry.Key == "pattern" && entry.Value.AsString() is { } pattern && Regex(pattern) == null)
                    {
                        return "pattern '" + pattern + "' is not a Go regular expression; Helm rejects every install of the chart.";
                    }

                    if (entry.Key == "patternProperties" && entry.Value is YamlMapping patterns)
                    {
                        foreach (var p in patterns.Keys)
                        {
                            if (Regex(p) == null) return "patternProperties '" + p + "' is not a Go regular expression; Helm rejects every install of the chart.";
                        }
                    }

                    if (CheckReferencesAndPatterns(entry.Value, depth + 1) is { } problem) return problem;
                }

                break;
            case YamlSequence s:
                foreach (var item in s)
                {
                    if (CheckReferencesAndPatterns(item, depth + 1) is { } problem) return problem;
                }

                break;
        }

        return null;
    }

    private YamlNode? Resolve(string reference)
    {
        if (reference == "#" || reference.Length == 0) return _root;
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        YamlNode? node = _root;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                YamlMapping m => m[token],
                YamlSequence s when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < s.Count => s[i],
                _ => null,
            };
            if (node == null) return null;
        }

        return node;
    }

    private Regex? Regex(string pattern)
    {
        if (_regexes.TryGetValue(pattern, out var re)) return re;
        try
        {
            re = GoRegex.Compile(pattern);
        }
        catch (Exception)
        {
            return null;
        }

        _regexes[pattern] = re;
        return re;
    }

    /// <summary>The violations of the values (the coalesced values of this chart), at the root.</summary>
    public List<SchemaViolation> Validate(YamlNode values)
    {
        // The root's errors print without their group; a single group at the root prints as its causes too
        // (helm 4.1: one value with two errors shows both at the top level, not "validation failed").
        var errors = CheckAll(_root, values, new List<string>(), 0);
        return errors.Count == 1 && errors[0].Message == "validation failed" ? errors[0].Causes.ToList() : errors;
    }

    // One schema applied to one value reports one error: several become a "validation failed" group at that value
    // (the library's kind.Group); Helm trims the group of the root.
    private List<SchemaViolation> Check(YamlNode schema, YamlNode value, List<string> path, int depth)
    {
        var errors = CheckAll(schema, value, path, depth);
        return errors.Count <= 1 ? errors : new List<SchemaViolation> { Violation(path, "validation failed", errors) };
    }

    private List<SchemaViolation> CheckAll(YamlNode schema, YamlNode value, List<string> path, int depth)
    {
        var errors = new List<SchemaViolation>();
        if (depth > MaxDepth) return errors; // a $ref cycle without progress: never reject what Helm might accept
        if (schema is YamlScalar { Kind: ScalarKind.Bool } b)
        {
            if (b.Value == "false") errors.Add(Violation(path, "false schema"));
            return errors;
        }

        if (schema is not YamlMapping s) return errors;

        // type, const and enum stop at the first failure (validator.go validate).
        if (s["type"] is { } typeNode)
        {
            var wanted = (typeNode is YamlSequence seq ? seq.Select(t => t.AsString()) : new[] { typeNode.AsString() }).Where(t => t != null).Select(t => t!).ToList();
            var got = TypeOf(value);
            if (wanted.Count > 0 && !wanted.Contains(got) && !(got == "number" && wanted.Contains("integer") && IsInteger(value)))
            {
                errors.Add(Violation(path, "got " + got + ", want " + string.Join(" or ", TypeOrder.Where(wanted.Contains))));
                return errors;
            }
        }

        if (s["const"] is { } constant && !JsonEquals(value, constant))
        {
            errors.Add(Violation(path, constant is YamlMapping or YamlSequence ? "'const' failed" : "value must be " + Display(constant)));
            return errors;
        }

        if (s["enum"] is YamlSequence options && !options.Any(o => JsonEquals(value, o)))
        {
            var primitive = options.All(o => o is YamlScalar);
            var message = !primitive ? "'enum' failed" : options.Count == 1 ? "value must be " + Display(options[0]) : "value must be one of " + string.Join(", ", options.Select(Display));
            errors.Add(Violation(path, message));
            return errors;
        }

        if (s["$ref"]?.AsString() is { } reference && Resolve(reference) is { } target)
        {
            var referenced = Check(target, value, path, depth + 1);
            if (Draft < 2019) return referenced; // before 2019-09, $ref replaces its siblings
            errors.AddRange(referenced);
        }

        switch (value)
        {
            case YamlMapping obj:
                CheckObject(s, obj, path, depth, errors);
                break;
            case YamlSequence arr:
                CheckArray(s, arr, path, depth, errors);
                break;
            case YamlScalar { Kind: ScalarKind.String } str:
                CheckString(s, str.Value, path, errors);
                break;
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } num:
                CheckNumber(s, num, path, errors);
                break;
        }

        CheckConditions(s, value, path, depth, errors);
        return errors;
    }

    private void CheckObject(YamlMapping s, YamlMapping obj, List<string> path, int depth, List<SchemaViolation> errors)
    {
        if (Int(s["minProperties"]) is { } minProperties && obj.Count < minProperties) errors.Add(Violation(path, "minProperties: got " + G(obj.Count) + ", want " + G(minProperties)));
        if (Int(s["maxProperties"]) is { } maxProperties && obj.Count > maxProperties) errors.Add(Violation(path, "maxProperties: got " + G(obj.Count) + ", want " + G(maxProperties)));
        if (s["required"] is YamlSequence required)
        {
            var missing = required.Select(r => r.AsString()).Where(r => r != null && !obj.ContainsKey(r)).Select(r => r!).ToList();
            if (missing.Count == 1) errors.Add(Violation(path, "missing property " + Quote(missing[0])));
            else if (missing.Count > 1) errors.Add(Violation(path, "missing properties " + string.Join(", ", missing.Select(Quote))));
        }

        if (Draft <= 7 && s["dependencies"] is YamlMapping dependencies) CheckDependencies(dependencies, obj, path, depth, errors, "dependencies");

        var properties = s["properties"] as YamlMapping;
        var patterns = s["patternProperties"] as YamlMapping;
        var additional = s["additionalProperties"];
        var notAllowed = new List<string>();
        foreach (var entry in obj)
        {
            var evaluated = false;
            path.Add(entry.Key);
            if (properties?[entry.Key] is { } propertySchema)
            {
                evaluated = true;
                errors.AddRange(Check(propertySchema, entry.Value, path, depth + 1));
            }

            if (patterns != null)
            {
                foreach (var p in patterns)
                {
                    if (Regex(p.Key) is { } re && Matches(re, entry.Key))
                    {
                        evaluated = true;
                        errors.AddRange(Check(p.Value, entry.Value, path, depth + 1));
                    }
                }
            }

            if (!evaluated && additional != null)
            {
                if (additional is YamlScalar { Kind: ScalarKind.Bool } allowed)
                {
                    if (allowed.Value == "false") notAllowed.Add(entry.Key);
                }
                else errors.AddRange(Check(additional, entry.Value, path, depth + 1));
            }

            path.RemoveAt(path.Count - 1);
        }

        if (notAllowed.Count > 0) errors.Add(Violation(path, "additional properties " + string.Join(", ", notAllowed.Select(Quote)) + " not allowed"));
        if (Draft == 4) return;
        if (s["propertyNames"] is { } names)
        {
            foreach (var key in obj.Keys)
            {
                if (Check(names, YamlScalar.String(key), path, depth + 1).Count > 0) errors.Add(Violation(path, "invalid propertyName " + Quote(key)));
            }
        }

        if (Draft < 2019) return;
        if (s["dependentSchemas"] is YamlMapping dependentSchemas) CheckDependencies(dependentSchemas, obj, path, depth, errors, "dependentSchemas");
        if (s["dependentRequired"] is YamlMapping dependentRequired) CheckDependencies(dependentRequired, obj, path, depth, errors, "dependentRequired");
    }

    private void CheckDependencies(YamlMapping dependencies, YamlMapping obj, List<string> path, int depth, List<SchemaViolation> errors, string keyword)
    {
        foreach (var dependency in dependencies)
        {
            if (!obj.ContainsKey(dependency.Key)) continue;
            if (dependency.Value is YamlSequence names && keyword != "dependentSchemas")
            {
                var missing = names.Select(n => n.AsString()).Where(n => n != null && !obj.ContainsKey(n)).Select(n => n!).ToList();
                if (missing.Count > 0) errors.Add(Violation(path, "properties " + string.Join(", ", missing.Select(Quote)) + " required, if " + Quote(dependency.Key) + " exists"));
            }
            else if (keyword != "dependentRequired")
            {
                errors.AddRange(Check(dependency.Value, obj, path, depth + 1));
            }
        }
    }

    private void CheckArray(YamlMapping s, YamlSequence arr, List<string> path, int depth, List<SchemaViolation> errors)
    {
        if (Int(s["minItems"]) is { } minItems && arr.Count < minItems) errors.Add(Violation(path, "minItems: got " + G(arr.Count) + ", want " + G(minItems)));
        if (Int(s["maxItems"]) is { } maxItems && arr.Count > maxItems) errors.Add(Violation(path, "maxItems: got " + G(arr.Count) + ", want " + G(maxItems)));
        if (s["uniqueItems"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" } && arr.Count > 1)
        {
            for (var i = 1; i < arr.Count; i++)
            {
                var j = Enumerable.Range(0, i).Where(k => JsonEquals(arr[i], arr[k])).DefaultIfEmpty(-1).First();
                if (j < 0) continue;
                errors.Add(Violation(path, "items at " + G(j) + " and " + G(i) + " are equal"));
                break;
            }
        }

        var evaluated = 0;
        var items = s["items"];
        if (Draft < 2020)
        {
            if (items is YamlSequence tuple)
            {
                evaluated = Math.Min(arr.Count, tuple.Count);
                for (var i = 0; i < evaluated; i++) errors.AddRange(CheckItem(tuple[i], arr, i, path, depth));
            }
            else if (items != null)
            {
                for (var i = 0; i < arr.Count; i++) errors.AddRange(CheckItem(items, arr, i, path, depth));
                evaluated = arr.Count;
            }

            var additional = s["additionalItems"];
            if (additional is YamlScalar { Kind: ScalarKind.Bool, Value: "false" } && evaluated != arr.Count) errors.Add(Violation(path, "last " + G(arr.Count - evaluated) + " additionalItem(s) not allowed"));
            else if (additional is YamlMapping)
            {
                for (var i = evaluated; i < arr.Count; i++) errors.AddRange(CheckItem(additional, arr, i, path, depth, i - evaluated));
            }
        }
        else
        {
            if (s["prefixItems"] is YamlSequence prefix)
            {
                evaluated = Math.Min(arr.Count, prefix.Count);
                for (var i = 0; i < evaluated; i++) errors.AddRange(CheckItem(prefix[i], arr, i, path, depth));
            }

            if (items != null)
            {
                for (var i = evaluated; i < arr.Count; i++) errors.AddRange(CheckItem(items, arr, i, path, depth, i - evaluated));
            }
        }

        if (s["contains"] is { } contains && Draft >= 6)
        {
            var matched = Enumerable.Range(0, arr.Count).Where(i => CheckItem(contains, arr, i, path, depth).Count == 0).ToList();
            var minContains = Draft >= 2019 ? Int(s["minContains"]) : null;
            var maxContains = Draft >= 2019 ? Int(s["maxContains"]) : null;
            if (minContains is { } min)
            {
                if (matched.Count < min) errors.Add(Violation(path, matched.Count == 0 ? "min " + min + " items required to match contains schema, but none matched" : "min " + min + " items required to match contains schema, but matched " + matched.Count + " items at " + string.Join(" ", matched)));
            }
            else if (matched.Count == 0) errors.Add(Violation(path, "no items match contains schema"));

            if (maxContains is { } max && matched.Count > max) errors.Add(Violation(path, "max " + max + " items required to match contains schema, but matched " + matched.Count + " items at " + string.Join(" ", matched)));
        }
    }

    // The library names items after prefixItems / the items tuple by their index in the rest of the array
    // (validator.go ranges over arr[evaluated:]): Helm reports the third item of [1, 2, "x"] after one prefix item as /1.
    private List<SchemaViolation> CheckItem(YamlNode schema, YamlSequence arr, int index, List<string> path, int depth, int? reportedIndex = null)
    {
        path.Add((reportedIndex ?? index).ToString(CultureInfo.InvariantCulture));
        try
        {
            return Check(schema, arr[index], path, depth + 1);
        }
        finally
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private void CheckString(YamlMapping s, string text, List<string> path, List<SchemaViolation> errors)
    {
        var minLength = Int(s["minLength"]);
        var maxLength = Int(s["maxLength"]);
        if (minLength != null || maxLength != null)
        {
            var runes = CountRunes(text);
            if (minLength is { } min && runes < min) errors.Add(Violation(path, "minLength: got " + G(runes) + ", want " + G(min)));
            if (maxLength is { } max && runes > max) errors.Add(Violation(path, "maxLength: got " + G(runes) + ", want " + G(max)));
        }

        if (s["pattern"]?.AsString() is { } pattern && Regex(pattern) is { } re && !Matches(re, text))
        {
            errors.Add(Violation(path, Quote(text) + " does not match pattern " + Quote(pattern)));
        }
    }

    private void CheckNumber(YamlMapping s, YamlScalar number, List<string> path, List<SchemaViolation> errors)
    {
        // Helm's values are float64 (sigs.k8s.io/yaml); the library compares fmt's shortest form as an exact rational.
        if (!TryValueNumber(number, out var got, out var gotText)) return;
        var minimum = Number(s["minimum"]);
        var maximum = Number(s["maximum"]);
        decimal? exclusiveMinimum, exclusiveMaximum;
        if (Draft == 4)
        {
            exclusiveMinimum = s["exclusiveMinimum"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" } ? minimum : null;
            exclusiveMaximum = s["exclusiveMaximum"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" } ? maximum : null;
            if (exclusiveMinimum != null) minimum = null;
            if (exclusiveMaximum != null) maximum = null;
        }
        else
        {
            exclusiveMinimum = Number(s["exclusiveMinimum"]);
            exclusiveMaximum = Number(s["exclusiveMaximum"]);
        }

        if (minimum is { } lo && got < lo) errors.Add(Violation(path, "minimum: got " + gotText + ", want " + Format(lo)));
        if (maximum is { } hi && got > hi) errors.Add(Violation(path, "maximum: got " + gotText + ", want " + Format(hi)));
        if (exclusiveMinimum is { } xlo && got <= xlo) errors.Add(Violation(path, "exclusiveMinimum: got " + gotText + ", want " + Format(xlo)));
        if (exclusiveMaximum is { } xhi && got >= xhi) errors.Add(Violation(path, "exclusiveMaximum: got " + gotText + ", want " + Format(xhi)));
        if (Number(s["multipleOf"]) is { } step && step != 0 && decimal.Remainder(got, step) != 0) errors.Add(Violation(path, "multipleOf: got " + gotText + ", want " + Format(step)));
    }

    private void CheckConditions(YamlMapping s, YamlNode value, List<string> path, int depth, List<SchemaViolation> errors)
    {
        // Helm's library evaluates not (and oneOf's second match, if) in a boolean mode that, for drafts up to 7, does
        // not count a float64 3 as an integer (helm 4.1: not {type: integer} accepts 3 under draft-07): those are
        // checked only from 2019-09 on, so that HubDsl never reports what Helm accepts.
        if (Draft >= 2019 && s["not"] is { } not && Check(not, value, path, depth + 1).Count == 0) errors.Add(Violation(path, "'not' failed"));
        if (s["allOf"] is YamlSequence allOf)
        {
            var causes = allOf.SelectMany(sub => Check(sub, value, path, depth + 1)).ToList();
            if (causes.Count > 0) errors.Add(Violation(path, "'allOf' failed", causes));
        }

        if (s["anyOf"] is YamlSequence anyOf)
        {
            var causes = new List<SchemaViolation>();
            var matched = false;
            foreach (var sub in anyOf)
            {
                var e = Check(sub, value, path, depth + 1);
                if (e.Count == 0) { matched = true; break; }
                causes.AddRange(e);
            }

            if (!matched) errors.Add(Violation(path, "'anyOf' failed", causes));
        }

        if (s["oneOf"] is YamlSequence oneOf)
        {
            var causes = new List<SchemaViolation>();
            var first = -1;
            for (var i = 0; i < oneOf.Count; i++)
            {
                var e = Check(oneOf[i], value, path, depth + 1);
                if (e.Count > 0)
                {
                    if (first == -1) causes.AddRange(e);
                    continue;
                }

                if (first == -1) first = i;
                else if (Draft >= 2019)
                {
                    errors.Add(Violation(path, "'oneOf' failed, subschemas " + G(first) + ", " + G(i) + " matched"));
                    break;
                }
            }

            if (first == -1) errors.Add(Violation(path, "'oneOf' failed, none matched", causes));
        }

        if (Draft >= 2019 && s["if"] is { } condition)
        {
            var branch = Check(condition, value, path, depth + 1).Count == 0 ? s["then"] : s["else"];
            if (branch != null) errors.AddRange(Check(branch, value, path, depth + 1));
        }
    }

    private static SchemaViolation Violation(List<string> path, string message, List<SchemaViolation>? causes = null) =>
        new(new ValuesPath(path), message) { Causes = causes == null ? EquatableArray<SchemaViolation>.Empty : causes.ToEquatableArray() };

    private static readonly string[] TypeOrder = { "null", "boolean", "number", "integer", "string", "array", "object" };

    internal static string TypeOf(YamlNode value) => value switch
    {
        YamlMapping => "object",
        YamlSequence => "array",
        YamlScalar { Kind: ScalarKind.Null } => "null",
        YamlScalar { Kind: ScalarKind.Bool } => "boolean",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "string",
    };

    private static bool IsInteger(YamlNode value) => value is YamlScalar n && TryValueNumber(n, out var d, out _) && decimal.Truncate(d) == d;

    private static bool TryValueNumber(YamlScalar scalar, out decimal value, out string text)
    {
        value = 0;
        text = scalar.Value;
        if (scalar.Kind is not (ScalarKind.Int or ScalarKind.Float)) return false;
        if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d)) return false;
        text = Grouped(GoFloat.FormatG(d));
        return decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static decimal? Number(YamlNode? node)
    {
        if (node is not YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } n) return null;
        return decimal.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static int? Int(YamlNode? node) => Number(node) is { } d && d >= 0 && d <= int.MaxValue ? (int)d : null;

    private static string Format(decimal d) => Grouped(GoFloat.FormatG((double)d));

    // x/text prints 1.0000005e+06 as 1.0000005×10⁰⁶.
    private static string Superscript(string exponent)
    {
        var sb = new StringBuilder();
        foreach (var c in exponent)
        {
            if (c == '-') sb.Append('⁻');
            else if (c >= '0' && c <= '9') sb.Append("⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']);
        }

        return sb.ToString();
    }

    private static string G(int n) => Grouped(n.ToString(CultureInfo.InvariantCulture));

    // The library formats its messages with golang.org/x/text/message's English printer, which groups digits: "want 1,024".
    private static string Grouped(string number)
    {
        var sign = number.StartsWith("-", StringComparison.Ordinal) ? "-" : "";
        var digits = sign.Length == 0 ? number : number.Substring(1);
        var end = 0;
        while (end < digits.Length && char.IsDigit(digits[end])) end++;
        var e = digits.IndexOfAny(new[] { 'e', 'E' });
        if (e >= 0) return sign + digits.Substring(0, e) + "×10" + Superscript(digits.Substring(e + 1));
        if (end <= 3) return number;
        var sb = new StringBuilder(sign);
        for (var i = 0; i < end; i++)
        {
            if (i > 0 && (end - i) % 3 == 0) sb.Append(',');
            sb.Append(digits[i]);
        }

        return sb.Append(digits.Substring(end)).ToString();
    }

    private static bool JsonEquals(YamlNode a, YamlNode b)
    {
        switch (a)
        {
            case YamlMapping ma:
                return b is YamlMapping mb && ma.Count == mb.Count && ma.All(e => mb[e.Key] is { } other && JsonEquals(e.Value, other));
            case YamlSequence sa:
                return b is YamlSequence sb && sa.Count == sb.Count && sa.Select((item, i) => JsonEquals(item, sb[i])).All(x => x);
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } na:
                return b is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } nb && TryValueNumber(na, out var x, out _) && Number(nb) is { } y && x == y;
            case YamlScalar sa2:
                return b is YamlScalar sb2 && sa2.Kind == sb2.Kind && string.Equals(sa2.Value, sb2.Value, StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static string Display(YamlNode value) => value switch
    {
        YamlScalar { Kind: ScalarKind.String } s => Quote(s.Value),
        YamlScalar s => s.Value,
        _ => "value",
    };

    private static int CountRunes(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }

        return count;
    }

    private static bool Matches(Regex re, string text)
    {
        try
        {
            return re.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // cannot tell: never report what Helm might accept
        }
    }

    // The library's quote: Go's %q with single quotes.
    internal static string Quote(string s)
    {
        var sb = new StringBuilder("'");
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append('\'').ToString();
    }
}
