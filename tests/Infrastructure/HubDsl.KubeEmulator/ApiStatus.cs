using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>Builds metav1.Status bodies with the reasons, messages and details the real API server uses.</summary>
public static class ApiStatus
{
    public static JsonObject Success(ResourceKind kind, string name, string? uid)
    {
        var details = Details(kind, name);
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static KubeApiException NotFound(ResourceKind kind, string name) =>
        new(Failure(404, "NotFound", $"{kind.GroupResource} \"{name}\" not found", Details(kind, name)));

    public static KubeApiException NamespaceNotFound(string ns) =>
        new(Failure(404, "NotFound", $"namespaces \"{ns}\" not found", Details(ResourceCatalog.Namespaces, ns)));

    public static KubeApiException PathNotFound(string path) =>
        new(Failure(404, "NotFound", $"the server could not find the requested resource ({path})"));

    public static KubeApiException AlreadyExists(ResourceKind kind, string name) =>
        new(Failure(409, "AlreadyExists", $"{kind.GroupResource} \"{name}\" already exists", Details(kind, name)));

    public static KubeApiException StaleResourceVersion(ResourceKind kind, string name) =>
        new(Failure(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {kind.GroupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(kind, name)));

    public static KubeApiException Forbidden(ResourceKind kind, string name, string why) =>
        new(Failure(403, "Forbidden", $"{kind.GroupResource} \"{name}\" is forbidden: {why}", Details(kind, name)));

    /// <summary>Server-side apply conflicts: one cause per contested field, named like the real API does.</summary>
    public static KubeApiException ApplyConflict(ResourceKind kind, string name, IReadOnlyList<(string Manager, string Field)> conflicts)
    {
        var byManager = conflicts.GroupBy(c => c.Manager).ToList();
        var parts = byManager.Select(g =>
            g.Count() == 1
                ? $"conflict with \"{g.Key}\": {g.First().Field}"
                : $"conflicts with \"{g.Key}\":\n" + string.Join("\n", g.Select(c => "- " + c.Field)));
        var count = conflicts.Count;
        var message = $"Apply failed with {count} conflict{(count == 1 ? "" : "s")}: " + string.Join("\n", parts);
        var details = Details(kind, name);
        details["causes"] = new JsonArray(conflicts
            .Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{c.Manager}\"",
                ["field"] = c.Field,
            })
            .ToArray());
        return new KubeApiException(Failure(409, "Conflict", message, details));
    }

    public static KubeApiException Invalid(ResourceKind kind, string name, string field, string message)
    {
        var details = Details(kind, name);
        details["causes"] = new JsonArray(new JsonObject
        {
            ["reason"] = "FieldValueInvalid",
            ["message"] = message,
            ["field"] = field,
        });
        return new KubeApiException(Failure(
            422,
            "Invalid",
            $"{kind.Kind} \"{name}\" is invalid: {field}: {message}",
            details));
    }

    public static KubeApiException BadRequest(string message) => new(Failure(400, "BadRequest", message));

    public static KubeApiException Unauthorized() => new(Failure(401, "Unauthorized", "Unauthorized"));

    public static KubeApiException MethodNotAllowed(string method) =>
        new(Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})"));

    public static KubeApiException UnsupportedMediaType(string contentType) =>
        new(Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/apply-patch+yaml ({contentType})"));

    /// <summary>The Status an injected failure returns; the reason follows the HTTP code like the real server's.</summary>
    public static JsonObject ForInjectedFailure(int code, int? retryAfterSeconds, string? echoed = null)
    {
        var (reason, message) = code switch
        {
            400 => ("BadRequest", "injected bad request"),
            401 => ("Unauthorized", "Unauthorized"),
            403 => ("Forbidden", "injected forbidden"),
            404 => ("NotFound", "injected not found"),
            409 => ("Conflict", "Operation cannot be fulfilled: injected conflict"),
            410 => ("Expired", "injected expired"),
            422 => ("Invalid", "injected invalid"),
            429 => ("TooManyRequests", "Too many requests, please try again later."),
            500 => ("InternalError", "Internal error occurred: injected failure"),
            503 => ("ServiceUnavailable", "The service is unavailable: injected failure"),
            504 => ("Timeout", "Timeout: injected failure"),
            _ => ("Unknown", $"injected failure {code}"),
        };
        JsonObject? details = retryAfterSeconds is { } seconds ? new JsonObject { ["retryAfterSeconds"] = seconds } : null;
        return Failure(code, reason, echoed ?? message, details);
    }

    private static JsonObject Details(ResourceKind kind, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (kind.Group.Length > 0)
        {
            details["group"] = kind.Group;
        }

        details["kind"] = kind.Plural;
        return details;
    }
}
