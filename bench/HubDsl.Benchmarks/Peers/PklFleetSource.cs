using System.Text;

namespace HubDsl.Benchmarks.Peers;

/// <summary>
/// The Pkl module listing the synthetic fleet's N clusters, the same clusters <see cref="SyntheticFleetSource"/>
/// declares in C#; it amends bench/peers/pkl/Fleet.pkl, which models the rest of the fleet.
/// </summary>
public static class PklFleetSource
{
    public static string Write(int clusters, string fleetModule)
    {
        var sb = new StringBuilder();
        sb.Append("amends \"").Append(fleetModule.Replace("\\", "/", StringComparison.Ordinal)).Append("\"\n\nclusters {\n");
        for (var i = 0; i < clusters; i++)
        {
            var env = SyntheticFleet.Environments[i % SyntheticFleet.Environments.Length];
            sb.Append("  new { name = \"cluster-").Append(i).Append("\"; server = \"https://cluster-").Append(i).Append(".example.com:6443\"; labels { [\"env\"] = \"")
              .Append(env).Append("\"; [\"region\"] = \"region-").Append(i % 7).Append("\"; [\"deploy\"] = \"true\" } }\n");
        }

        return sb.Append("}\n").ToString();
    }
}
