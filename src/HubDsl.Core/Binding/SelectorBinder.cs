using System.Collections.Generic;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>Binds <c>ClusterSelector</c> values in all the forms the DSL offers.</summary>
internal static class SelectorBinder
{
    public static LabelSelectorModel Bind(BindingContext context, DslValue? value)
    {
        switch (value)
        {
            case DslCall { TypeName: DslNames.ClusterSelector, Member: "All" }:
                return LabelSelectorModel.Empty;
            case DslCall { TypeName: DslNames.ClusterSelector, Member: "WithLabels" } call:
                return new LabelSelectorModel(Pairs(context, call), EquatableArray<LabelRequirementModel>.Empty);
            case DslCall { TypeName: DslNames.ClusterSelector, Member: "Where" } call:
                return new LabelSelectorModel(EquatableArray<StringPair>.Empty, Expressions(context, call.Arguments.Count == 1 ? call.Arguments[0] : null));
            case DslObject { TypeName: DslNames.ClusterSelector } obj:
                return new LabelSelectorModel(
                    DslReader.StringMap(context, obj.Find("MatchLabels")?.Value, "MatchLabels"),
                    Expressions(context, obj.Find("MatchExpressions")?.Value));
            default:
                context.Error(value?.Origin, "expected ClusterSelector.WithLabels((\"key\", \"value\")), ClusterSelector.Where(...), ClusterSelector.All or new ClusterSelector { ... }.");
                return LabelSelectorModel.Empty;
        }
    }

    private static EquatableArray<StringPair> Pairs(BindingContext context, DslCall call)
    {
        var pairs = new List<StringPair>();
        var items = call.Arguments.Count == 1 ? DslReader.List(context, call.Arguments[0], "WithLabels") : new DslValue[0];
        foreach (var item in items)
        {
            if (item is DslTuple { Items.Count: 2 } tuple)
            {
                var key = DslReader.String(context, tuple.Items[0], "A label key");
                var value = DslReader.String(context, tuple.Items[1], "A label value");
                if (key is null || value is null) continue;
                pairs.RemoveAll(p => p.Key == key);
                pairs.Add(new StringPair(key, value) { KeyOrigin = tuple.Items[0].Origin, ValueOrigin = tuple.Items[1].Origin });
            }
            else
            {
                context.Error(item.Origin, "WithLabels takes (\"key\", \"value\") tuples.");
            }
        }

        return pairs.ToEquatableArray();
    }

    private static EquatableArray<LabelRequirementModel> Expressions(BindingContext context, DslValue? value)
    {
        var requirements = new List<LabelRequirementModel>();
        foreach (var item in DslReader.List(context, value, "MatchExpressions"))
        {
            if (item is not DslCall { TypeName: DslNames.LabelExpression } call || call.Arguments.Count == 0)
            {
                context.Error(item.Origin, "expected LabelExpression.In/NotIn/Exists/DoesNotExist(...).");
                continue;
            }

            var key = DslReader.String(context, call.Arguments[0], "The label key");
            var values = new List<string>();
            if (call.Arguments.Count > 1)
            {
                foreach (var v in DslReader.List(context, call.Arguments[1], "The values"))
                {
                    var text = DslReader.String(context, v, "A value");
                    if (text is not null) values.Add(text);
                }
            }

            if (key is null) continue;
            if ((call.Member == "In" || call.Member == "NotIn") && values.Count == 0)
            {
                context.Error(call.Origin, "LabelExpression." + call.Member + " needs at least one value (Kubernetes rejects an empty list).");
            }

            requirements.Add(new LabelRequirementModel(key, call.Member, values.ToEquatableArray()));
        }

        return requirements.ToEquatableArray();
    }
}
