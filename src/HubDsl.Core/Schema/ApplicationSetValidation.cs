using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Schema;

/// <summary>
/// What the Kubernetes API server says about an ApplicationSet manifest before Argo CD ever sees it: the field errors
/// that make it refuse the object (kubectl: <c>The ApplicationSet "x" is invalid: ...</c>), and the fields the CRD does
/// not know, which it prunes (or, with kubectl's <c>--validate=strict</c>, refuses).
/// </summary>
public sealed class ApplicationSetValidation
{
    private ApplicationSetValidation(IReadOnlyList<string> errors, IReadOnlyList<string> unknownFields)
    {
        Errors = errors;
        UnknownFields = unknownFields;
    }

    /// <summary>Field errors, each <c>path: detail</c> in the API server's words, in the ApplicationSet's Go field order.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Paths of fields the CRD does not know (pruned by the API server; Argo CD never sees them).</summary>
    public IReadOnlyList<string> UnknownFields { get; }

    /// <summary>Checks one ApplicationSet manifest against Argo CD's CRD schema (<see cref="ApplicationSetSchema"/>).</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="applicationSet"/> is null.</exception>
    public static ApplicationSetValidation Validate(YamlMapping applicationSet)
    {
        if (applicationSet is null) throw new System.ArgumentNullException(nameof(applicationSet));
        var errors = new List<string>();
        var unknown = new List<string>();
        var validator = new SchemaValidator(errors, unknown);

        // The root object: apiVersion and kind are strings, metadata is ObjectMeta (the API server's own checks), spec
        // the CRD's; status is the status subresource's and is dropped on create.
        var metadata = applicationSet["metadata"];
        if (metadata is null or YamlScalar { Kind: ScalarKind.Null })
        {
            errors.Add("metadata.name: Required value: name or generateName is required");
        }
        else if (metadata is not YamlMapping meta)
        {
            errors.Add("metadata: Invalid value: \"" + SchemaValidator.JsonType(metadata) + "\": metadata in body must be of type object: \"" + SchemaValidator.JsonType(metadata) + "\"");
        }
        else if ((meta["name"]?.AsString() ?? string.Empty).Length == 0 && (meta["generateName"]?.AsString() ?? string.Empty).Length == 0)
        {
            errors.Add("metadata.name: Required value: name or generateName is required");
        }

        var spec = applicationSet["spec"];
        if (spec is null or YamlScalar { Kind: ScalarKind.Null }) errors.Add("spec: Required value");
        else validator.Validate(spec, ApplicationSetSchema.Spec, "spec");

        foreach (var key in applicationSet.Keys)
        {
            if (key is not ("apiVersion" or "kind" or "metadata" or "spec" or "status")) unknown.Add(key);
        }

        return new ApplicationSetValidation(errors, unknown);
    }
}
