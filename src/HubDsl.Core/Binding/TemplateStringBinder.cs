using System.Text;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>
/// Turns template strings (literals, interpolations, <c>Param.X</c>) into the text Argo CD reads, in the
/// ApplicationSet's mode. Literal text passes through as written: it is an Argo CD template string.
/// </summary>
internal static class TemplateStringBinder
{
    public static YamlScalar? Bind(BindingContext context, TemplateMode mode, DslValue? value, string what)
    {
        if (value is null || value is DslScalar { Kind: ScalarKind.Null }) return null;
        var sb = new StringBuilder();
        if (!Append(context, mode, value, what, sb)) return null;
        var scalar = YamlScalar.String(sb.ToString());
        scalar.Origin = value.Origin;
        return scalar;
    }

    /// <summary>The one parameter a value is, when it is exactly <c>Param.X</c>.</summary>
    public static (ParamKind Kind, string? Key)? AsParam(DslValue value)
    {
        if (value is DslCall { TypeName: DslNames.Param } call && ClusterParameter.ForDslMember(call.Member) is { } parameter)
        {
            string? key = null;
            if (call.Arguments.Count == 1 && call.Arguments[0] is DslScalar { Kind: ScalarKind.String } arg) key = arg.Text;
            return (parameter.Kind, key);
        }

        return null;
    }

    private static bool Append(BindingContext context, TemplateMode mode, DslValue value, string what, StringBuilder sb)
    {
        switch (value)
        {
            case DslScalar { Kind: ScalarKind.String } s:
                sb.Append(s.Text);
                return true;
            case DslScalar s when s.Kind != ScalarKind.Null:
                // Numbers and bools interpolated into a string read as their text, as C# would print them.
                sb.Append(s.Text);
                return true;
            case DslInterpolation interpolation:
                foreach (var part in interpolation.Parts)
                {
                    if (!Append(context, mode, part, what, sb)) return false;
                }

                return true;
            case DslCall call when AsParam(call) is { } param:
                if (ClusterParameter.Of(param.Kind).IsKeyed && string.IsNullOrEmpty(param.Key))
                {
                    context.Error(call.Origin, "Param." + call.Member + " needs a constant, non-empty key.");
                    return false;
                }

                sb.Append(mode.Render(param.Kind, param.Key));
                return true;
            default:
                context.Error(value.Origin, what + " must be a string: a literal, a constant, an interpolated string or a Param.");
                return false;
        }
    }
}
