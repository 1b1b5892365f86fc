using HubDsl.Core.Yaml;

namespace HubDsl.Benchmarks;

/// <summary>Synthetic fleets for benchmarks: N cluster Secrets with labels, as the hub stores them.</summary>
public static class SyntheticFleet
{
    public static readonly string[] Environments = { "staging", "prod", "dr", "qa" };

    public static List<YamlMapping> ClusterSecrets(int count)
    {
        var secrets = new List<YamlMapping>(count);
        for (var i = 0; i < count; i++)
        {
            var secret = new YamlMapping().Set("apiVersion", "v1").Set("kind", "Secret");
            var metadata = secret.GetOrAddMapping("metadata").Set("name", "cluster-" + i).Set("namespace", "argocd");
            metadata.GetOrAddMapping("labels")
                .Set("argocd.argoproj.io/secret-type", "cluster")
                .Set("env", Environments[i % Environments.Length])
                .Set("region", "region-" + (i % 7))
                .Set("deploy", "true");
            secret.GetOrAddMapping("stringData").Set("name", "cluster-" + i).Set("server", "https://cluster-" + i + ".example.com:6443");
            secrets.Add(secret);
        }

        return secrets;
    }

    /// <summary>The scenario's ApplicationSet in either template mode.</summary>
    public static YamlMapping ApplicationSet(bool goTemplate)
    {
        string P(string fast, string go) => goTemplate ? go : fast;
        var appSet = new YamlMapping().Set("apiVersion", "argoproj.io/v1alpha1").Set("kind", "ApplicationSet");
        appSet.GetOrAddMapping("metadata").Set("name", "agent").Set("namespace", "argocd");
        var spec = appSet.GetOrAddMapping("spec");
        if (goTemplate)
        {
            spec.Set("goTemplate", YamlScalar.Bool(true));
            spec.Set("goTemplateOptions", new YamlSequence().Add(YamlScalar.String("missingkey=error")));
        }

        var selector = new YamlMapping().Set("matchLabels", new YamlMapping().Set("deploy", "true"));
        spec.Set("generators", new YamlSequence().Add(new YamlMapping().Set("clusters", new YamlMapping().Set("selector", selector))));
        var template = spec.GetOrAddMapping("template");
        template.GetOrAddMapping("metadata").Set("name", P("agent-{{name}}", "agent-{{ .name }}"));
        var templateSpec = template.GetOrAddMapping("spec").Set("project", "default");
        templateSpec.GetOrAddMapping("destination").Set("server", P("{{server}}", "{{ .server }}")).Set("namespace", "agent");
        var source = templateSpec.GetOrAddMapping("source").Set("repoURL", "https://github.com/example/agent").Set("path", "helm/").Set("targetRevision", "main");
        var helm = source.GetOrAddMapping("helm").Set("releaseName", P("agent-{{name}}", "agent-{{ .name }}"));
        helm.Set("valueFiles", new YamlSequence().Add(YamlScalar.String("values.yaml")).Add(YamlScalar.String(P("values-{{metadata.labels.env}}.yaml", "values-{{ index .metadata.labels \"env\" }}.yaml"))));
        helm.Set("values", P("cluster: '{{name}}'\nenvironment: '{{metadata.labels.env}}'\n", "cluster: '{{ .name }}'\nenvironment: '{{ index .metadata.labels \"env\" }}'\n"));
        return appSet;
    }
}
