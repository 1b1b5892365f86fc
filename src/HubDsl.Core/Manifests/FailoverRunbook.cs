using System.Linq;
using System.Text;
using HubDsl.FileSync;

namespace HubDsl.Core.Manifests;

/// <summary>
/// A failover's on-call runbook (<c>runbooks/&lt;name&gt;.md</c>), written from the declaration: which alerts fire and
/// what they mean, how to confirm, how to fail over (automatic DNS and/or the traffic label), how to fail back, and what
/// to check afterwards, with the exact commands for this pair.
/// </summary>
public static class FailoverRunbook
{
    /// <summary>The runbook's Markdown.</summary>
    public static string Build(ResolvedFailover resolved)
    {
        var failover = resolved.Failover;
        var primary = resolved.Primary;
        var standby = resolved.Standby;
        var label = failover.TrafficLabelKey + "=" + failover.TrafficLabelValue;
        var move = "hubdsl failover " + primary.Name + " --to " + standby.Name + " --traffic-label " + label;
        var back = "hubdsl failover " + standby.Name + " --to " + primary.Name + " --traffic-label " + label;
        var status = "hubdsl status --for " + failover.Name;
        var probe = "curl -fsS -o /dev/null -w '%{http_code}\\n' https://" + failover.Host + failover.HealthPath;
        var md = new StringBuilder();
        md.Append("<!-- ").Append(GeneratedHeader.For(resolved.ApplicationSet.ClassName + "." + failover.MemberName)).Append(" -->\n");
        md.Append("# Runbook: failover ").Append(failover.Name).Append(" (").Append(failover.Host).Append(")\n\n");
        md.Append("Users reach `").Append(failover.Host).Append("`. It is served by the **primary** cluster `").Append(primary.Name).Append("` (").Append(primary.Server)
          .Append("); the **standby** `").Append(standby.Name).Append("` (").Append(standby.Server).Append(") runs the same Applications of ApplicationSet `")
          .Append(resolved.ApplicationSet.Name).Append("`: ").Append(List(resolved.PrimaryApplications)).Append(" on ").Append(primary.Name).Append(", ")
          .Append(List(resolved.StandbyApplications)).Append(" on ").Append(standby.Name).Append(".\n");
        md.Append("The cluster that serves traffic carries the label `").Append(label).Append("` on its cluster Secret on the hub. A failure counts after **")
          .Append(failover.FailAfter).Append("**.\n\n");

        md.Append("## What fires\n\n");
        md.Append("All alerts carry `failover=\"").Append(failover.Name).Append("\"`, `cluster` and `role`.\n\n");
        md.Append("| alert | cluster | severity | what it means |\n|---|---|---|---|\n");
        md.Append("| `").Append(FailoverAlertsManifest.ClusterUnreachable).Append("` | ").Append(primary.Name).Append(" (primary) | critical | Argo CD has not reached ").Append(primary.Name).Append("'s API server for ").Append(failover.FailAfter).Append(": the cluster, its network or the hub's credentials for it are down |\n");
        md.Append("| `").Append(FailoverAlertsManifest.ApplicationNotHealthy).Append("` | ").Append(primary.Name).Append(" (primary) | critical | an Application on the primary has not been Healthy for ").Append(failover.FailAfter).Append(" |\n");
        md.Append("| `").Append(FailoverAlertsManifest.ClusterUnreachable).Append("`, `").Append(FailoverAlertsManifest.ApplicationNotHealthy).Append("` | ").Append(standby.Name).Append(" (standby) | warning | the standby could not take over now: fix it before you need it |\n");
        md.Append("| `").Append(FailoverAlertsManifest.ApplicationNotSynced).Append("` | either | warning | Argo CD has not been able to sync for ").Append(failover.FailAfter).Append(" (a bad commit, or the cluster is unreachable) |\n\n");

        md.Append("## 1. Confirm\n\n```bash\n").Append(status).Append("\n").Append(probe).Append("\n```\n\n");
        md.Append("`").Append(status).Append("` exits 1 when something is wrong and shows, for each cluster, whether Argo CD reaches it, its Applications' sync and health, and which one carries `")
          .Append(label).Append("`. Fail over when the primary is **not Connected** or its Applications stay **Degraded**, and `").Append(failover.Host).Append(failover.HealthPath)
          .Append("` does not answer 200. When only `NotSynced` fires, look at the last commit first (`hubdsl status`, the Application's events in Argo CD): failing over does not fix a bad commit, which reaches the standby too.\n\n");

        md.Append("## 2. Fail over\n\n");
        if (failover.HasDns)
        {
            md.Append("### DNS (automatic)\n\nRoute 53 answers `").Append(failover.Host).Append("` with the SECONDARY record (`").Append(failover.StandbyEndpoint)
              .Append("`) as soon as the primary's health check `").Append(failover.PrimaryHealthCheckId).Append("` fails; nothing to do. Check it:\n\n```bash\ndig +short ")
              .Append(failover.Host).Append("\naws route53 get-health-check-status --health-check-id ").Append(failover.PrimaryHealthCheckId).Append("\n```\n\n")
              .Append("Resolvers keep the old answer for up to the records' TTL (").Append(FailoverDnsManifest.RecordTtl).Append(" s). If DNS did not switch but the primary is down, fail over the application as below.\n\n");
        }

        md.Append("### Application (the traffic label)\n\nSee what will change, then move the label:\n\n```bash\n").Append(move).Append(" --dry-run\n").Append(move).Append(" --yes\n```\n\n");
        md.Append("It refuses when `").Append(standby.Name).Append("` is not Connected or its Applications are not Synced and Healthy, and says why. Use `--force` only when you accept serving from a standby in that state. ")
          .Append("It never contacts `").Append(primary.Name).Append("`, so it works while the primary is down. If it stops half-way it says so: run it again.\n\n");

        md.Append("## 3. Afterwards\n\n```bash\n").Append(status).Append("\n").Append(probe).Append("\n```\n\n");
        md.Append("Expect `traffic on '").Append(standby.Name).Append("'`, the standby ready, and 200 from the health path. Then tell the team where traffic is, and keep the incident open: you are running without a standby.\n\n");

        md.Append("## 4. Fail back\n\nWhen `").Append(status).Append("` shows `").Append(primary.Name).Append("` Connected with every Application Synced and Healthy again:\n\n```bash\n")
          .Append(back).Append(" --dry-run\n").Append(back).Append(" --yes\n").Append(status).Append("\n```\n\n");
        if (failover.HasDns)
        {
            md.Append("DNS returns to the PRIMARY record by itself once health check `").Append(failover.PrimaryHealthCheckId).Append("` passes again; confirm with `dig +short ").Append(failover.Host).Append("`.\n");
        }

        return md.ToString();
    }

    private static string List(System.Collections.Generic.IReadOnlyList<string> applications) =>
        applications.Count == 0 ? "no Application" : string.Join(", ", applications.Select(a => "`" + a + "`"));
}
