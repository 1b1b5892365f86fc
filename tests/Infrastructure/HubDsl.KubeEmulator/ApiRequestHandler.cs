using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Maps authenticated HTTP requests onto /version and the resource verbs hubdsl uses: get, list (label selectors),
/// create, update, merge and apply patches, delete. Watches, field selectors, paging, deletecollection, other patch
/// types, discovery and subresources are not emulated; they are refused, so a test cannot silently rely on them.
/// </summary>
public sealed class ApiRequestHandler(ResourceOperations operations)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["version"])
        {
            if (!HttpMethods.IsGet(request.Method))
            {
                throw ApiStatus.MethodNotAllowed(request.Method);
            }

            await WriteAsync(context, 200, VersionDocument.Create()).ConfigureAwait(false);
            return;
        }

        var route = ApiRoute.Resolve(segments) ?? throw ApiStatus.PathNotFound(request.Path.Value ?? "/");
        if (!operations.IsServed(route.Kind))
        {
            throw ApiStatus.PathNotFound(request.Path.Value ?? "/");
        }

        var query = request.Query;
        var dryRun = DryRun(query["dryRun"].ToString());
        var kind = route.Kind;
        RefuseUnemulatedQuery(query);
        if (route.Name is null)
        {
            if (HttpMethods.IsGet(request.Method))
            {
                var list = operations.List(kind, route.Namespace, query["labelSelector"]);
                await WriteAsync(context, 200, list).ConfigureAwait(false);
            }
            else if (HttpMethods.IsPost(request.Method))
            {
                if (kind.Namespaced && route.Namespace is null)
                {
                    throw ApiStatus.MethodNotAllowed(request.Method);
                }

                var body = RequestBodyParser.ParseObject(await ReadBodyAsync(request).ConfigureAwait(false));
                var created = operations.Create(kind, route.Namespace, body, Manager(context), dryRun);
                await WriteAsync(context, 201, created).ConfigureAwait(false);
            }
            else
            {
                throw ApiStatus.MethodNotAllowed(request.Method);
            }

            return;
        }

        var name = route.Name;
        if (HttpMethods.IsGet(request.Method))
        {
            await WriteAsync(context, 200, operations.Get(kind, route.Namespace, name)).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPut(request.Method))
        {
            var body = RequestBodyParser.ParseObject(await ReadBodyAsync(request).ConfigureAwait(false));
            await WriteAsync(context, 200, operations.Update(kind, route.Namespace, name, body, Manager(context), dryRun)).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPatch(request.Method))
        {
            var type = PatchTypeOf(request.ContentType);
            var force = IsTrue(query["force"].ToString());
            var fieldManager = query["fieldManager"].ToString();
            if (type == PatchType.Apply && fieldManager.Length == 0)
            {
                throw new KubeApiException(ApiStatus.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
            }

            if (type != PatchType.Apply && query.ContainsKey("force"))
            {
                throw new KubeApiException(ApiStatus.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch"));
            }

            var result = operations.Patch(kind, route.Namespace, name, type, await ReadBodyAsync(request).ConfigureAwait(false), Manager(context), force, dryRun, out var created);
            await WriteAsync(context, created ? 201 : 200, result).ConfigureAwait(false);
        }
        else if (HttpMethods.IsDelete(request.Method))
        {
            var text = await ReadBodyAsync(request).ConfigureAwait(false);
            var options = string.IsNullOrWhiteSpace(text) ? null : RequestBodyParser.ParseObject(text);
            if (options?["dryRun"] is JsonArray optionDryRun && optionDryRun.Any(v => v?.GetValue<string>() == "All"))
            {
                dryRun = true;
            }

            await WriteAsync(context, 200, operations.Delete(kind, route.Namespace, name, options, dryRun)).ConfigureAwait(false);
        }
        else
        {
            throw ApiStatus.MethodNotAllowed(request.Method);
        }
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonObject body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }

    /// <summary>Query parameters whose features the emulator lacks: a 400 naming them, never a silently wrong answer.</summary>
    private static void RefuseUnemulatedQuery(IQueryCollection query)
    {
        var used = IsTrue(query["watch"].ToString()) ? "watch"
            : query["fieldSelector"].ToString().Length > 0 ? "fieldSelector"
            : query["limit"].ToString() is { Length: > 0 } limit && limit != "0" ? "limit"
            : query["continue"].ToString().Length > 0 ? "continue"
            : null;
        if (used is not null)
        {
            throw ApiStatus.BadRequest($"the emulator does not implement {used}= (hubdsl does not use it)");
        }
    }

    private static PatchType PatchTypeOf(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/merge-patch+json" => PatchType.Merge,
            "application/apply-patch+yaml" or "application/apply-patch+json" => PatchType.Apply,
            _ => throw ApiStatus.UnsupportedMediaType(mediaType),
        };
    }

    /// <summary>Only "All" is a valid dryRun value, as in the real API.</summary>
    private static bool DryRun(string value) => value switch
    {
        "" => false,
        "All" => true,
        _ => throw new KubeApiException(ApiStatus.Failure(422, "Invalid", $"dryRun: Unsupported value: \"{value}\": supported values: \"All\"")),
    };

    /// <summary>fieldManager when given; otherwise the user agent's product name, as the real server defaults it.</summary>
    private static string Manager(HttpContext context)
    {
        var explicitManager = context.Request.Query["fieldManager"].ToString();
        if (explicitManager.Length > 0)
        {
            if (explicitManager.Length > 128)
            {
                throw new KubeApiException(ApiStatus.Failure(422, "Invalid", "fieldManager: Too long: may not be longer than 128"));
            }

            return explicitManager;
        }

        var agent = context.Request.Headers.UserAgent.ToString();
        var product = agent.Split('/', ' ')[0];
        return product.Length == 0 ? "unknown" : product;
    }

    private static bool IsTrue(string value) => value is "true" or "1" or "True";

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.HttpContext.Items.TryGetValue(RequestPipeline.RequestBodyKey, out var buffered) && buffered is string text)
        {
            return text;
        }

        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }
}
