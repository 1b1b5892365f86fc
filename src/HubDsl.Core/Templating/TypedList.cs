using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>
/// A Go slice whose elements have a concrete type ([]int from until/untilStep, [][]interface{} from chunk), so range
/// and index yield typed values and %T / error messages name the right type. Plain lists are []interface{}.
/// </summary>
internal sealed class TypedList : List<object?>
{
    public TypedList(string goType, IEnumerable<object?> items) : base(items) => GoType = goType;

    public string GoType { get; }
}
