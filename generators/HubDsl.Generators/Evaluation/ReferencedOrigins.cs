using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// Gives every part of a value that has no origin the place where the value is used. A value declared in a
/// referenced project (a library record's defaults, a shared cluster) is evaluated there without origins, since its
/// files are not this compilation's and a diagnostic cannot point into them; a mistake in it (a quantity such as
/// <c>128mi</c> in a default) is then shown where the fleet uses the value, instead of nowhere.
/// </summary>
internal static class ReferencedOrigins
{
    public static DslValue Place(DslValue value, SourceSpan site)
    {
        var placed = value switch
        {
            DslInterpolation interpolation => interpolation with { Parts = interpolation.Parts.Select(p => Place(p, site)).ToEquatableArray() },
            DslObject obj => obj with { Properties = obj.Properties.Select(p => p with { Value = Place(p.Value, site) }).ToEquatableArray() },
            DslList list => list with { Items = list.Items.Select(i => Place(i, site)).ToEquatableArray() },
            DslMap map => map with { Entries = map.Entries.Select(e => new DslEntry(Place(e.Key, site), Place(e.Value, site))).ToEquatableArray() },
            DslTuple tuple => tuple with { Items = tuple.Items.Select(i => Place(i, site)).ToEquatableArray() },
            DslCall call => call with { Receiver = call.Receiver is null ? null : Place(call.Receiver, site), Arguments = call.Arguments.Select(a => Place(a, site)).ToEquatableArray() },
            _ => value,
        };
        return placed.Origin is null ? placed with { Origin = site } : placed;
    }
}
