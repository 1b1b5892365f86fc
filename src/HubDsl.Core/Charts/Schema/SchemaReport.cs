using System.Text;
using HubDsl.Core.Model;

namespace HubDsl.Core.Charts.Schema;

/// <summary>
/// What <see cref="ChartSchemaValidator"/> found: the schema failures per chart (empty when Helm accepts the values)
/// and the schemas it could not use (not JSON, a remote $ref...), which it then does not check.
/// </summary>
public sealed record SchemaReport(EquatableArray<ChartSchemaFailure> Failures, EquatableArray<ChartProblem> Problems)
{
    /// <summary>Whether Helm would accept the values (as far as the schemas HubDsl could use tell).</summary>
    public bool IsValid => Failures.Count == 0;

    /// <summary>Helm v4's error text (pkg/chart/common/util/values.go ToRenderValuesWithSchemaValidation), or empty when valid.</summary>
    public string HelmMessage
    {
        get
        {
            if (IsValid) return "";
            var sb = new StringBuilder("values don't meet the specifications of the schema(s) in the following chart(s):\n");
            foreach (var failure in Failures)
            {
                sb.Append(failure.Chart).Append(":\n");
                foreach (var v in failure.Violations)
                {
                    sb.Append("- ");
                    v.Append(sb, 0);
                    sb.Append('\n');
                }
            }

            return sb.ToString();
        }
    }
}
