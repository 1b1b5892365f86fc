using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Renders an ApplicationSet offline the way Argo CD's ApplicationSet controller does (applicationset/
/// controllers/template/template.go GenerateApplications, then validation and sorting by name). Cluster
/// generator input comes from the given cluster Secret manifests instead of the controller's cache.
/// </summary>
public static class ApplicationSetRenderer
{
    /// <summary>The finalizer Argo CD adds unless preserveResourcesOnDeletion is set.</summary>
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    /// <summary>
    /// Renders one ApplicationSet. Never throws for any input tree: problems come back as
    /// <see cref="RenderResult.Errors"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="applicationSet"/> is null.</exception>
    public static RenderResult Render(YamlMapping applicationSet, IEnumerable<YamlMapping> clusterSecrets, RenderOptions? options = null)
    {
        if (applicationSet is null) throw new ArgumentNullException(nameof(applicationSet));
        options ??= new RenderOptions();
        var errors = new List<RenderError>();
        var metadata = applicationSet["metadata"] as YamlMapping;
        var appSetName = metadata?["name"]?.AsString() ?? string.Empty;
        var appSetNamespace = metadata?["namespace"]?.AsString() is { Length: > 0 } ns ? ns : options.DefaultNamespace;
        var spec = applicationSet["spec"] as YamlMapping ?? new YamlMapping();

        var clusters = ReadClusters(clusterSecrets ?? Array.Empty<YamlMapping>(), appSetNamespace, options, errors);
        var goTemplate = spec["goTemplate"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" };
        var engine = CreateEngine(goTemplate, spec["goTemplateOptions"], out var engineError);
        var paramSets = new List<IReadOnlyDictionary<string, object?>>();
        if (engine is null)
        {
            errors.Add(new RenderError(RenderErrorReasons.RenderTemplateParamsError, engineError!));
            return new RenderResult(Array.Empty<YamlMapping>(), errors, paramSets, Array.Empty<UnresolvedParameter>());
        }

        var context = new RenderContext(appSetName, appSetNamespace, engine, clusters, options);
        var template = spec["template"] as YamlMapping ?? new YamlMapping();
        var preserveResources = (spec["syncPolicy"] as YamlMapping)?["preserveResourcesOnDeletion"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" };
        var templatePatch = spec["templatePatch"] as YamlScalar;
        var applications = new List<YamlMapping>();
        var generated = new List<GeneratedApplication>();
        var generatorCounts = new List<int>();
        var paramSetGenerators = new List<string>();
        var blocked = false;

        try
        {
            if (spec["generators"] is YamlSequence generators)
            {
                for (var i = 0; i < generators.Count; i++)
                {
                    var generatorPath = FieldPath.Index("spec.generators", i);
                    if (generators[i] is not YamlMapping generator)
                    {
                        generatorCounts.Add(0);
                        continue;
                    }

                    List<TransformResult> results;
                    try
                    {
                        results = GeneratorTransform.Transform(context, generator, template, null, 0, generatorPath);
                    }
                    catch (GeneratorFailure e)
                    {
                        errors.Add(new RenderError(e.Reason, e.Message) { Generator = generatorPath });
                        generatorCounts.Add(-1);
                        blocked = true;
                        continue;
                    }

                    var count = 0;
                    foreach (var result in results) count += result.Params.Count;
                    generatorCounts.Add(count);
                    foreach (var result in results)
                    {
                        foreach (var parameters in result.Params)
                        {
                            paramSets.Add(parameters);
                            paramSetGenerators.Add(generatorPath);
                            RenderLimitFailure.CheckParameterSets(context, paramSets.Count, "spec.generators");
                            var warningCount = context.Warnings.Count;
                            try
                            {
                                var application = RenderApplication(context, result.Template, parameters, paramSets.Count - 1, preserveResources, templatePatch);
                                applications.Add(application);
                                generated.Add(new GeneratedApplication(application, paramSets.Count - 1));
                            }
                            catch (TemplateRenderFailure e)
                            {
                                // The error says it all; misses collected before it would only repeat it.
                                context.Warnings.RemoveRange(warningCount, context.Warnings.Count - warningCount);
                                errors.Add(new RenderError(RenderErrorReasons.RenderTemplateParamsError, e.Message)
                                {
                                    Generator = generatorPath,
                                    ParameterSet = RenderContext.Describe(parameters, paramSets.Count - 1),
                                });
                                blocked = true;
                            }
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is Templating.WorkLimitExceededException or RenderLimitFailure)
        {
            // The render stops at once: what it generated so far is incomplete, so nothing counts.
            errors.Add(new RenderError(RenderErrorReasons.RenderLimitExceeded, LimitMessage(context, e)) { Node = e is RenderLimitFailure ? null : context.Rendering.Node });
            return new RenderResult(Array.Empty<YamlMapping>(), errors, paramSets, context.Warnings) { TemplateSteps = context.Budget.Steps, OutputCharacters = context.Budget.OutputCharacters };
        }

        if (blocked)
        {
            // The controller stops before create/update/delete: no Application changes at all.
            return new RenderResult(Array.Empty<YamlMapping>(), errors, paramSets, context.Warnings) { Generated = generated, GeneratorParamCounts = generatorCounts, TemplateSteps = context.Budget.Steps, OutputCharacters = context.Budget.OutputCharacters };
        }

        var validationErrors = ApplicationValidator.Validate(context, applications);
        foreach (var error in validationErrors)
        {
            // The parameter set (and generator) of the first Application with that name.
            var source = generated.FirstOrDefault(g => ApplicationValidator.NameOf(g.Application) == error.Key);
            errors.Add(new RenderError(RenderErrorReasons.ApplicationValidationError, error.Value, error.Key)
            {
                Generator = source is null ? null : paramSetGenerators[source.ParamSetIndex],
                ParameterSet = source is null ? null : RenderContext.Describe(paramSets[source.ParamSetIndex], source.ParamSetIndex),
            });
        }

        var valid = applications
            .Where(app => !validationErrors.ContainsKey(ApplicationValidator.NameOf(app)))
            .OrderBy(ApplicationValidator.NameOf, StringComparer.Ordinal)
            .ToList();
        return new RenderResult(valid, errors, paramSets, context.Warnings) { Generated = generated, GeneratorParamCounts = generatorCounts, TemplateSteps = context.Budget.Steps, OutputCharacters = context.Budget.OutputCharacters };
    }

    private static string LimitMessage(RenderContext context, Exception e)
    {
        var appSet = "ApplicationSet '" + context.AppSetName + "': ";
        if (e is not Templating.WorkLimitExceededException limit) return appSet + e.Message;
        var (field, _, paramSet) = context.Rendering;
        var what = limit.Limit == Templating.WorkLimit.Steps
            ? "needs more than " + Templating.WorkBudget.Describe(limit.Limit, limit.Maximum) + " for the whole ApplicationSet, HubDsl's limit (RenderOptions.MaxTemplateSteps)"
            : "generates more than " + Templating.WorkBudget.Describe(limit.Limit, limit.Maximum) + " for the whole ApplicationSet, HubDsl's limit (RenderOptions.MaxOutputCharacters)";
        return appSet + "rendering " + (field.Length == 0 ? "the template" : field) + (paramSet is null ? string.Empty : " for " + paramSet) +
            (limit.Location is null ? string.Empty : " (stopped in " + limit.Location + ")") + " " + what +
            ". Argo CD has no such limit: its ApplicationSet controller would spend as long on this template. Simplify the template (nested range loops, large until/repeat), or generate fewer Applications.";
    }

    private static TemplateEngine? CreateEngine(bool goTemplate, YamlNode? goTemplateOptions, out string? error)
    {
        error = null;
        if (!goTemplate) return FastTemplateEngine.Instance;
        var optionList = new List<string>();
        if (goTemplateOptions is YamlSequence sequence)
        {
            foreach (var item in sequence)
            {
                if (item is YamlScalar s) optionList.Add(s.Value);
            }
        }

        return GoTemplateEngine.Create(optionList, out error);
    }

    private static List<ClusterInfo> ReadClusters(IEnumerable<YamlMapping> secrets, string appSetNamespace, RenderOptions options, List<RenderError> errors)
    {
        var clusters = new List<ClusterInfo>();
        foreach (var secret in secrets)
        {
            if (secret is null) continue;
            if (!ClusterSecretParser.TryParse(secret, out var info, out var error))
            {
                errors.Add(new RenderError(RenderErrorReasons.InvalidClusterSecret, error!));
                continue;
            }

            // Only Secrets in the Argo CD namespace count (issue #15601); HubDsl takes the ApplicationSet's.
            var secretNamespace = info.SecretNamespace is { Length: > 0 } ns ? ns : options.DefaultNamespace;
            if (secretNamespace == appSetNamespace) clusters.Add(info);
        }

        return clusters;
    }

    /// <summary>
    /// One Application from one param set (utils.go RenderTemplateParams + template.go renderTemplatePatch):
    /// every string rendered, the finalizer rule, templatePatch, namespace forced to the ApplicationSet's.
    /// </summary>
    private static YamlMapping RenderApplication(RenderContext context, YamlMapping template, Dictionary<string, object?> parameters, int index, bool preserveResources, YamlScalar? templatePatch)
    {
        var tmplApp = TemplateApplication(template);
        var description = RenderContext.Describe(parameters, index);
        var firstWarning = context.Warnings.Count;
        YamlMapping app;
        if (parameters.Count == 0)
        {
            // An empty param set skips rendering entirely: braces stay, and no finalizer is added. Every
            // tag left in place is a silent miss, so it is still reported (and the walk counts the copy's size).
            app = (YamlMapping)TemplateWalker.Clone(tmplApp);
            TemplateWalker.Render(tmplApp, string.Empty, (text, path, node) => ReportUntouchedTags(context, text, description, path, node), context.Budget);
        }
        else
        {
            app = (YamlMapping)TemplateWalker.Render(tmplApp, string.Empty, (text, path, node) => context.RenderString(text, parameters, description, string.Empty, path, node), context.Budget);
            var metadata = app.GetOrAddMapping("metadata");
            if (metadata["finalizers"] is not YamlSequence { Count: > 0 } && !preserveResources)
            {
                metadata.Set("finalizers", new YamlSequence().Add(YamlScalar.String(ResourcesFinalizer)));
            }
        }

        if (templatePatch is not null && templatePatch.Kind == ScalarKind.String)
        {
            app = ApplyTemplatePatch(context, app, templatePatch, parameters, description);
        }

        var result = ToApplication(app, context.AppSetNamespace);
        var name = ApplicationValidator.NameOf(result);
        for (var i = firstWarning; i < context.Warnings.Count; i++)
        {
            var w = context.Warnings[i];
            context.Warnings[i] = new UnresolvedParameter(w.Cluster, name, w.FieldPath, w.Key, w.Node);
        }

        return result;
    }

    private static readonly Dictionary<string, object?> NoParameters = new(StringComparer.Ordinal);

    private static string ReportUntouchedTags(RenderContext context, string text, string description, string path, YamlNode node)
    {
        context.Rendering = (path, node, description);
        try
        {
            FastTemplate.Render(text, NoParameters, key => context.Warnings.Add(new UnresolvedParameter(description, string.Empty, path, key, node)), context.Budget);
        }
        catch (FastTemplateException)
        {
            // Argo CD does not parse anything for an empty param set, so an unclosed tag is no error here.
        }

        return text;
    }

    // template.go GetTempApplication: only name, namespace, labels, annotations, finalizers and spec are used.
    private static YamlMapping TemplateApplication(YamlMapping template)
    {
        var app = new YamlMapping { Origin = template.Origin, KeyOrigins = template.KeyOrigins };
        var metadata = new YamlMapping();
        if (template["metadata"] is YamlMapping source)
        {
            metadata.Origin = source.Origin;
            metadata.KeyOrigins = source.KeyOrigins;
            foreach (var key in new[] { "name", "namespace", "labels", "annotations", "finalizers" })
            {
                if (source[key] is { } value) metadata.Set(key, value);
            }
        }

        app.Set("metadata", metadata);
        // As json.Unmarshal into ApplicationSpec: unknown fields are gone (never rendered), the rest in Go field order.
        if (template["spec"] is { } spec) app.Set("spec", Schema.GoStructs.ApplicationSpec(spec));
        return app;
    }

    private static YamlMapping ApplyTemplatePatch(RenderContext context, YamlMapping app, YamlScalar templatePatch, Dictionary<string, object?> parameters, string description)
    {
        string patchText;
        try
        {
            patchText = context.RenderString(templatePatch.Value, parameters, description, string.Empty, "templatePatch", templatePatch);
        }
        catch (TemplateRenderFailure e)
        {
            throw new TemplateRenderFailure("error replacing values in templatePatch: " + e.Message);
        }

        context.Budget.Produce(patchText.Length);
        YamlNode patch;
        try
        {
            patch = YamlReader.Parse(patchText);
        }
        catch (YamlReaderException e)
        {
            throw new TemplateRenderFailure("error while converting template to json " + GoQuote.Quote(patchText) + ": " + e.Message);
        }

        if (patch is YamlScalar { Kind: ScalarKind.Null }) return app;
        if (patch is not YamlMapping patchMap)
        {
            throw new TemplateRenderFailure("invalid templatePatch " + GoQuote.Quote(patchText) + ": json: cannot unmarshal " + (patch is YamlSequence ? "array" : "string") + " into Go value of type v1alpha1.Application");
        }

        var patched = StrategicMergePatch.Apply(app, patchMap);
        // The patched JSON is unmarshalled into an Application again: fields it does not declare are dropped.
        if (patched["spec"] is { } patchedSpecNode) patched.Set("spec", Schema.GoStructs.ApplicationSpec(patchedSpecNode));
        // The template's project is restored: a patch cannot change spec.project.
        var originalProject = (app["spec"] as YamlMapping)?["project"];
        var patchedSpec = patched["spec"] as YamlMapping;
        if (originalProject is not null) (patchedSpec ?? patched.GetOrAddMapping("spec")).Set("project", originalProject);
        else patchedSpec?.Remove("project");
        return patched;
    }

    // The Application object: apiVersion, kind, metadata in ObjectMeta field order, spec.
    private static YamlMapping ToApplication(YamlMapping app, string appSetNamespace)
    {
        var source = app["metadata"] as YamlMapping ?? new YamlMapping();
        var metadata = new YamlMapping { Origin = source.Origin, KeyOrigins = source.KeyOrigins };
        metadata.Set("name", source["name"] ?? YamlScalar.String(string.Empty));
        metadata.Set("namespace", YamlScalar.String(appSetNamespace));
        foreach (var key in new[] { "labels", "annotations", "finalizers" })
        {
            if (source[key] is { } value && value is not YamlScalar { Kind: ScalarKind.Null }) metadata.Set(key, value);
        }

        var result = new YamlMapping()
            .Set("apiVersion", "argoproj.io/v1alpha1")
            .Set("kind", "Application")
            .Set("metadata", metadata);
        if (app["spec"] is { } spec) result.Set("spec", spec);
        return result;
    }
}
