using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Manifests;
using HubDsl.Core.Validation;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>
/// Binds an <c>[ApplicationSet]</c> class to an <see cref="ApplicationSetModel"/>: the manifest Argo CD reads
/// (Cluster generator, template in the chosen mode) and the Helm values per environment.
/// </summary>
public static class ApplicationSetBinder
{
    /// <summary>Binds the class; returns null when it has errors that leave nothing to write.</summary>
    public static ApplicationSetModel? Bind(string className, ApplicationSetOptions options, IReadOnlyList<DslMember> members, out IReadOnlyList<DeclarationError> errors)
    {
        var context = new BindingContext(FleetBinder.ShortName(className));
        var mode = new TemplateMode(options.GoTemplate, options.GoTemplate && options.MissingKey != "Default" ? options.MissingKey.ToLowerInvariant() : null);
        var model = BindModel(context, className, options, mode, members);
        errors = context.Errors;
        return context.HasErrors ? null : model;
    }

    private static ApplicationSetModel? BindModel(BindingContext context, string className, ApplicationSetOptions options, TemplateMode mode, IReadOnlyList<DslMember> members)
    {
        if (!KubernetesNames.IsDnsSubdomain(options.Name))
        {
            context.Error(null, "the ApplicationSet name '" + options.Name + "' is not a valid Kubernetes name (lowercase letters, digits, '-' and '.').");
        }

        DslMember? template = null, targets = null, rollout = null, deploys = null, project = null;
        var values = new List<ValuesModel>();
        var failovers = new List<FailoverModel>();
        foreach (var member in members)
        {
            if (member.ValuesEnvironment is not null)
            {
                var bound = BindValues(context, member);
                if (bound is not null) values.Add(bound);
            }
            else if (member.TypeName == DslNames.ApplicationTemplate)
            {
                if (template is not null) context.Error(member.Origin, "declares more than one ApplicationTemplate; keep one.");
                template = member;
            }
            else if (member.TypeName == DslNames.AppProject)
            {
                if (project is not null) context.Error(member.Origin, "declares more than one AppProject; keep one.");
                project = member;
            }
            else if (member.TypeName == DslNames.Failover)
            {
                if (FailoverBinder.Bind(context, member) is { } failover) failovers.Add(failover);
            }
            else if (member.TypeName == DslNames.DeployedResources)
            {
                deploys = member;
            }
            else if (member.TypeName == DslNames.RollingSync)
            {
                if (rollout is not null) context.Error(member.Origin, "declares more than one RollingSync; keep one.");
                rollout = member;
            }
            else if (member.TypeName is DslNames.ClusterSelector or DslNames.ClusterGenerator)
            {
                if (targets is not null) context.Error(member.Origin, "declares more than one ClusterSelector or ClusterGenerator; keep one.");
                targets = member;
            }
        }

        if (template is null) context.Error(null, "needs an ApplicationTemplate member, e.g. public static readonly ApplicationTemplate Template = new($\"app-{Param.Name}\") { ... };");
        if (targets is null) context.Error(null, "needs a ClusterSelector member (e.g. ClusterSelector.WithLabels((\"deploy\", \"true\"))) or a ClusterGenerator member.");
        if (template is null || targets is null) return null;

        LabelSelectorModel selector;
        DslValue? generatorValues = null;
        if (targets.TypeName == DslNames.ClusterGenerator && targets.Value is DslObject generator)
        {
            selector = SelectorBinder.Bind(context, generator.Find("Selector")?.Value);
            generatorValues = generator.Find("Values")?.Value;
        }
        else
        {
            selector = SelectorBinder.Bind(context, targets.Value);
        }

        var clusters = new YamlMapping();
        clusters.Set("selector", selector.ToYaml());
        var generatorValueMap = new YamlMapping();
        foreach (var entry in DslReader.Map(context, generatorValues, "ClusterGenerator.Values"))
        {
            var key = DslReader.String(context, entry.Key, "A generator value key");
            var text = TemplateStringBinder.Bind(context, mode, entry.Value, "A generator value");
            if (key is not null && text is not null) generatorValueMap.Set(key, text);
        }

        if (generatorValueMap.Count > 0) clusters.Set("values", generatorValueMap);

        var templateBinder = new ApplicationTemplateBinder(context, mode);
        var templateYaml = templateBinder.Bind(template.Value);
        if (templateYaml is null) return null;
        var appProject = project is null ? null : BindProject(context, project);
        if (appProject is not null && templateYaml["spec"] is YamlMapping templateSpec)
        {
            // The Applications belong to the ApplicationSet's own project, not to default.
            var projectName = YamlScalar.String(appProject.Name);
            projectName.Origin = appProject.Origin;
            templateSpec.Set("project", projectName);
        }

        var manifest = new YamlMapping()
            .Set("apiVersion", "argoproj.io/v1alpha1")
            .Set("kind", "ApplicationSet");
        var metadata = manifest.GetOrAddMapping("metadata").Set("name", options.Name).Set("namespace", options.Namespace);
        metadata.GetOrAddMapping("labels").Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
        var spec = manifest.GetOrAddMapping("spec");
        if (mode.GoTemplate)
        {
            spec.Set("goTemplate", YamlScalar.Bool(true));
            if (mode.MissingKey is not null) spec.Set("goTemplateOptions", new YamlSequence().Add(YamlScalar.String("missingkey=" + mode.MissingKey)));
        }

        if (options.PreserveResourcesOnDeletion)
        {
            spec.GetOrAddMapping("syncPolicy").Set("preserveResourcesOnDeletion", YamlScalar.Bool(true));
        }

        if (rollout is not null && RollingSyncBinder.Bind(context, rollout.Value) is { } strategy) spec.Set("strategy", strategy);
        spec.Set("generators", new YamlSequence().Add(new YamlMapping().Set("clusters", clusters)));
        spec.Set("template", templateYaml);

        return new ApplicationSetModel(
            className,
            options.Name,
            options.Namespace,
            mode,
            selector,
            manifest,
            templateBinder.ChartPath,
            templateBinder.EnvironmentFiles,
            values.ToEquatableArray())
        {
            SelectorOrigin = targets.Value.Origin ?? targets.Origin,
            DeployedResources = Resources(context, deploys?.Value),
            InlineValues = templateBinder.InlineValueTree,
            Project = appProject,
            Failovers = failovers.ToEquatableArray(),
            CreatesNamespace = YamlTree.Find(templateYaml, "spec", "syncPolicy", "syncOptions") is YamlSequence syncOptions && syncOptions.Any(o => o.AsString() == "CreateNamespace=true"),
        };
    }

    private static AppProjectModel? BindProject(BindingContext context, DslMember member)
    {
        if (member.Value is not DslObject project) return null;
        var name = DslReader.String(context, project.Find("Name")?.Value, "The AppProject name");
        if (name is null || !Validation.KubernetesNames.IsDnsSubdomain(name))
        {
            context.Error(project.Find("Name")?.Value.Origin ?? member.Origin, "the AppProject name '" + name + "' is not a valid Kubernetes name.");
            return null;
        }

        var repos = new List<string>();
        foreach (var repo in DslReader.List(context, project.Find("SourceRepos")?.Value, "SourceRepos"))
        {
            if (DslReader.String(context, repo, "A source repository") is { } text) repos.Add(text);
        }

        var destinations = new List<StringPair>();
        foreach (var destination in DslReader.List(context, project.Find("Destinations")?.Value, "Destinations"))
        {
            var server = DslReader.String(context, DslReader.Property(destination, "Server"), "Destination.Server");
            var ns = DslReader.String(context, DslReader.Property(destination, "Namespace"), "Destination.Namespace");
            if (server is not null && ns is not null) destinations.Add(new StringPair(server, ns) { KeyOrigin = destination.Origin });
        }

        return new AppProjectModel(name, DslReader.String(context, project.Find("Description")?.Value, "Description"), repos.ToEquatableArray(), destinations.ToEquatableArray())
        {
            Origin = member.Value.Origin ?? member.Origin,
        };
    }

    private static EquatableArray<DeployedResourceModel> Resources(BindingContext context, DslValue? value)
    {
        var resources = new List<DeployedResourceModel>();
        foreach (var item in DslReader.List(context, DslReader.Property(value, "Resources"), "DeployedResources"))
        {
            var group = item switch
            {
                DslObject o => DslReader.String(context, o.Find("Group")?.Value, "Group"),
                DslCall { TypeName: DslNames.ApiResource } c => WellKnownGroup(c.Member),
                _ => null,
            };
            var resource = item switch
            {
                DslObject o => DslReader.String(context, o.Find("Resource")?.Value, "Resource"),
                DslCall { TypeName: DslNames.ApiResource } c => c.Member.ToLowerInvariant(),
                _ => null,
            };
            if (group is null || resource is null)
            {
                context.Error(item.Origin, "expected an ApiResource such as ApiResource.Deployments or new ApiResource(\"apps\", \"deployments\").");
                continue;
            }

            // Kubernetes' own resources are known; a custom resource says its kind and scope itself.
            var declaredKind = item is DslObject withKind ? DslReader.String(context, withKind.Find("Kind")?.Value, "Kind") : null;
            var declaredScope = item is DslObject withScope && DslReader.Bool(context, withScope.Find("ClusterScoped")?.Value, "ClusterScoped");
            var known = Manifests.KnownResources.TryFind(group, resource, out var kind, out var clusterScoped);
            resources.Add(new DeployedResourceModel(group, resource, known ? kind : string.IsNullOrEmpty(declaredKind) ? null : declaredKind, known ? clusterScoped : declaredScope)
            {
                Origin = item.Origin,
            });
        }

        return resources.ToEquatableArray();
    }

    // The DSL's well-known resources (ApiResource.Deployments ...): their groups, by member name.
    private static string? WellKnownGroup(string member) => member switch
    {
        "Deployments" or "StatefulSets" => "apps",
        "Services" or "ConfigMaps" or "Secrets" or "ServiceAccounts" => "",
        "Ingresses" => "networking.k8s.io",
        "HorizontalPodAutoscalers" => "autoscaling",
        "Jobs" => "batch",
        "ExternalSecrets" => "external-secrets.io",
        _ => null,
    };

    private static ValuesModel? BindValues(BindingContext context, DslMember member)
    {
        var environment = member.ValuesEnvironment == string.Empty ? null : member.ValuesEnvironment;
        if (member.Value is not DslObject { IsHelmValues: true })
        {
            context.Error(member.Origin, "[Values] member " + member.Name + " must be a record deriving from HelmValues.");
            return null;
        }

        if (environment is not null && !KubernetesNames.IsValidFileSegment(environment))
        {
            context.Error(member.Origin, "[Values(\"" + environment + "\")] on " + member.Name + ": an environment name must be usable in a file name (letters, digits, '-', '_', '.').");
            return null;
        }

        var secrets = new List<SecretReferenceModel>();
        var node = HelmValuesBinder.Bind(context, member.Value, member.Name, secrets);
        if (node is not YamlMapping mapping) return null;
        var chartBase = member.ChartBase is DslObject { IsHelmValues: true } ? HelmValuesBinder.Bind(context, member.ChartBase, member.Name, new List<SecretReferenceModel>()) as YamlMapping : null;
        return new ValuesModel(member.Name, environment, mapping) { Origin = member.Origin, Secrets = secrets.ToEquatableArray(), ChartBase = chartBase };
    }
}
