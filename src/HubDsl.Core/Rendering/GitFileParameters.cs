using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The parameter sets of one file the Git files generator selected (applicationset/generators/git.go
/// generateParamsFromGitFile): the file is read as sigs.k8s.io/yaml reads it, first as one object (an empty
/// file is one empty object), else as a list of objects (a null item is an empty object); only the first YAML
/// document counts. Each object becomes one set: flattened to dotted string keys (fasttemplate, like
/// jeremywohl/flatten with Go's %v), or kept nested (goTemplate); then the <c>path</c> params of the file's
/// folder are set over it.
/// </summary>
internal static class GitFileParameters
{
    /// <summary>The objects the file holds.</summary>
    /// <exception cref="GeneratorFailure">The file is not one object or a list of objects ("unable to parse file: ...").</exception>
    public static List<Dictionary<string, object?>> Parse(byte[] content)
    {
        var document = FirstDocument(content);
        EnsureJsonRepresentable(document);
        var objects = new List<Dictionary<string, object?>>();
        switch (document)
        {
            case YamlScalar { Kind: ScalarKind.Null }:
                objects.Add(new Dictionary<string, object?>(StringComparer.Ordinal));
                break;
            case YamlMapping mapping:
                objects.Add((Dictionary<string, object?>)ParamValues.FromJsonLike(mapping)!);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence)
                {
                    if (item is YamlScalar { Kind: ScalarKind.Null }) objects.Add(new Dictionary<string, object?>(StringComparer.Ordinal));
                    else if (item is YamlMapping itemMap) objects.Add((Dictionary<string, object?>)ParamValues.FromJsonLike(itemMap)!);
                    else throw Unmarshal(JsonType(item), "map[string]interface {}");
                }

                break;
            default:
                throw Unmarshal(JsonType(document), "[]map[string]interface {}");
        }

        return objects;
    }

    /// <summary>One parameter set: the object in the mode's shape, then the file's <c>path</c> params over it.</summary>
    public static Dictionary<string, object?> ParameterSet(Dictionary<string, object?> found, string filePath, string pathParamPrefix, bool goTemplate)
    {
        var folder = GoPath.Dir(filePath);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (goTemplate)
        {
            foreach (var entry in found) parameters[entry.Key] = entry.Value;
            var path = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["path"] = folder,
                ["basename"] = GoPath.Base(folder),
                ["filename"] = GoPath.Base(filePath),
                ["basenameNormalized"] = ArgoNames.Normalize(GoPath.Base(folder)),
                ["filenameNormalized"] = ArgoNames.Normalize(GoPath.Base(filePath)),
                ["segments"] = folder.Split('/'),
            };
            if (pathParamPrefix.Length > 0) parameters[pathParamPrefix] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["path"] = path };
            else parameters["path"] = path;
            return parameters;
        }

        foreach (var entry in ParamValues.Flatten(found)) parameters[entry.Key] = entry.Value;
        var name = pathParamPrefix.Length > 0 ? pathParamPrefix + ".path" : "path";
        parameters[name] = folder;
        parameters[name + ".basename"] = GoPath.Base(folder);
        parameters[name + ".filename"] = GoPath.Base(filePath);
        parameters[name + ".basenameNormalized"] = ArgoNames.Normalize(GoPath.Base(folder));
        parameters[name + ".filenameNormalized"] = ArgoNames.Normalize(GoPath.Base(filePath));
        AddSegments(parameters, name, folder);
        return parameters;
    }

    /// <summary><c>path[i]</c> for every non-empty segment (i is its index among all segments).</summary>
    public static void AddSegments(Dictionary<string, object?> parameters, string name, string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0) parameters[name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"] = segments[i];
        }
    }

    // go-yaml v2 decodes only the first document of the stream; the rest is not even parsed.
    private static YamlNode FirstDocument(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new GeneratorFailure("unable to parse file: error converting YAML to JSON: yaml: invalid leading UTF-8 octet");
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        try
        {
            var documents = YamlReader.ParseAll(text);
            return documents.Count == 0 ? YamlScalar.Null : documents[0];
        }
        catch (YamlReaderException e)
        {
            var end = SecondDocumentStart(text);
            if (end >= 0 && end < text.Length)
            {
                try
                {
                    var documents = YamlReader.ParseAll(text.Substring(0, end));
                    return documents.Count == 0 ? YamlScalar.Null : documents[0];
                }
                catch (YamlReaderException)
                {
                    // The first document itself is broken: report the error as found in the whole text.
                }
            }

            throw new GeneratorFailure("unable to parse file: error converting YAML to JSON: yaml: line " + e.Line.ToString(CultureInfo.InvariantCulture) + ": " + e.Reason);
        }
    }

    // Where the second document starts: the second "---" marker line, or the first one after content.
    private static int SecondDocumentStart(string text)
    {
        var started = false;
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text.Substring(position, lineEnd - position).TrimEnd('\r');
            var marker = line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] == ' ' || line[3] == '\t');
            if (marker && started) return position;
            if (marker || (line.TrimStart().Length > 0 && !line.TrimStart().StartsWith("#", StringComparison.Ordinal) && !line.StartsWith("%", StringComparison.Ordinal))) started = true;
            position = lineEnd + 1;
        }

        return -1;
    }

    // sigs.k8s.io/yaml converts YAML to JSON first: infinities and NaN have no JSON form.
    private static void EnsureJsonRepresentable(YamlNode node)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMapping mapping:
                    foreach (var entry in mapping) pending.Push(entry.Value);
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence) pending.Push(item);
                    break;
                case YamlScalar { Kind: ScalarKind.Float } number when ParamValues.FromJsonLike(number) is double d && (double.IsNaN(d) || double.IsInfinity(d)):
                    throw new GeneratorFailure("unable to parse file: error converting YAML to JSON: json: unsupported value: " + (double.IsNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
            }
        }
    }

    private static GeneratorFailure Unmarshal(string jsonType, string goType) =>
        new("unable to parse file: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + jsonType + " into Go value of type " + goType);

    private static string JsonType(YamlNode node) => node switch
    {
        YamlSequence => "array",
        YamlMapping => "object",
        YamlScalar { Kind: ScalarKind.String } => "string",
        YamlScalar { Kind: ScalarKind.Bool } => "bool",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "null",
    };
}
