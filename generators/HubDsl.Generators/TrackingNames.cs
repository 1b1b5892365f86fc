namespace HubDsl.Generators;

/// <summary>Names of the generator's pipeline steps, for step-tracking tests and timing.</summary>
public static class TrackingNames
{
    /// <summary>The project's fleet identity (HubDslFleet or the assembly name), which labels every hub object.</summary>
    public const string FleetId = nameof(FleetId);

    /// <summary>A <c>[Fleet]</c> class evaluated into a fleet model.</summary>
    public const string Fleet = nameof(Fleet);

    /// <summary>Each cluster of every fleet, on its own.</summary>
    public const string Clusters = nameof(Clusters);

    /// <summary>One cluster with its shard, and the ApplicationSets when it is least-privilege: what its files are built from.</summary>
    public const string ClusterFileInputs = nameof(ClusterFileInputs);

    /// <summary>One cluster's Secret file.</summary>
    public const string ClusterSecret = nameof(ClusterSecret);

    /// <summary>The cluster Secret files, gathered per fleet.</summary>
    public const string FleetManifests = nameof(FleetManifests);

    /// <summary>An ApplicationSet's AppProject.</summary>
    public const string ProjectManifests = nameof(ProjectManifests);

    /// <summary>One cluster's spoke ServiceAccount, token Secret and RBAC.</summary>
    public const string SpokeManifest = nameof(SpokeManifest);

    /// <summary>The spoke files, gathered per fleet.</summary>
    public const string SpokeManifests = nameof(SpokeManifests);

    /// <summary>An <c>[ApplicationSet]</c> class evaluated into an ApplicationSet model.</summary>
    public const string ApplicationSet = nameof(ApplicationSet);

    /// <summary>A <c>[Hub]</c> class evaluated into the argo-cd chart values.</summary>
    public const string Hub = nameof(Hub);

    /// <summary>Each hub's application controller shard plan (every cluster's shard).</summary>
    public const string ControllerShards = nameof(ControllerShards);

    /// <summary>One cluster with its shard.</summary>
    public const string ClusterShard = nameof(ClusterShard);

    /// <summary>The hub's chart values file.</summary>
    public const string HubManifests = nameof(HubManifests);

    /// <summary>An ApplicationSet's manifest and values files.</summary>
    public const string ApplicationSetManifests = nameof(ApplicationSetManifests);

    /// <summary>The failover files (alerts, DNS records, runbooks) of every ApplicationSet's failovers.</summary>
    public const string FailoverManifests = nameof(FailoverManifests);

    /// <summary>The C# of every <c>[ChartValues]</c> record, from its chart.</summary>
    public const string ChartRecords = nameof(ChartRecords);

    /// <summary>The ApplicationSets using <c>[ChartValues]</c> records, bound with the generated records.</summary>
    public const string ChartApplicationSets = nameof(ChartApplicationSets);
}
