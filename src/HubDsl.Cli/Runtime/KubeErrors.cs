using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace HubDsl.Cli.Runtime;

/// <summary>One-line, credential-free descriptions of API and connection failures.</summary>
public static class KubeErrors
{
    /// <summary>The HTTP status of an API failure, or null for connection-level failures.</summary>
    public static int? StatusCode(Exception e) => e is HttpOperationException http ? (int)http.Response.StatusCode : null;

    /// <summary>Whether the API answered 404.</summary>
    public static bool IsNotFound(Exception e) => StatusCode(e) == 404;

    /// <summary>The metav1.Status reason of an API failure (AlreadyExists, Conflict, ...), if any.</summary>
    public static string? Reason(HttpOperationException e) => StatusField(e, "reason");

    /// <summary>
    /// The field-manager conflicts of a failed server-side apply (409 with details.causes of reason
    /// FieldManagerConflict, message <c>conflict with "manager"</c>, optionally followed by <c> using apiVersion</c>),
    /// as (manager, field) pairs; empty for any other failure (e.g. a resourceVersion conflict).
    /// </summary>
    public static IReadOnlyList<(string Manager, string Field)> ApplyConflicts(Exception e)
    {
        if (e is not HttpOperationException { Response: { } response } || (int)response.StatusCode != 409 || string.IsNullOrEmpty(response.Content)) return Array.Empty<(string, string)>();
        try
        {
            var causes = (JsonNode.Parse(response.Content) as JsonObject)?["details"]?["causes"] as JsonArray;
            return (causes ?? new JsonArray()).OfType<JsonObject>()
                .Where(c => JsonYaml.Text(c, "reason") == "FieldManagerConflict")
                .Select(c => (Manager: QuotedManager(JsonYaml.Text(c, "message")), Field: JsonYaml.Text(c, "field") ?? string.Empty))
                .Where(c => c.Manager is not null)
                .Select(c => (c.Manager!, c.Field))
                .ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return Array.Empty<(string, string)>();
        }
    }

    private const string ServerKey = "HubDsl.Server";
    private const string ActivityKey = "HubDsl.Activity";

    /// <summary>
    /// Records on a failure which server and which call it came from (the first record wins: the innermost call
    /// knows best). Always false, for use in an exception filter that leaves the stack as it is.
    /// </summary>
    public static bool Annotate(Exception e, string server, string activity)
    {
        if (!e.Data.Contains(ServerKey))
        {
            e.Data[ServerKey] = server;
            e.Data[ActivityKey] = activity;
        }

        return false;
    }

    /// <summary>"https://server (list Secret objects in namespace argocd)" for a failure of an API call, else null.</summary>
    public static string? Request(Exception e) =>
        e.Data[ServerKey] is string server ? server + (e.Data[ActivityKey] is string activity ? " (" + activity + ")" : string.Empty) : null;

    /// <summary>
    /// <see cref="Describe"/> prefixed with the server and call the failure came from, for a message that has no
    /// other context (the top-level error line).
    /// </summary>
    public static string DescribeWithRequest(Exception e) =>
        e is DeadlineExceededException || Request(e) is not { } request ? Describe(e) : Redactor.Scrub(request) + ": " + Describe(e);

    /// <summary>What went wrong, in one line, e.g. "401 Unauthorized" or "connection refused".</summary>
    public static string Describe(Exception e)
    {
        string text;
        switch (e)
        {
            case DeadlineExceededException deadline:
                text = deadline.Message;
                break;
            case var _ when NotJson(e) is { } json:
                text = json.Message.StartsWith("'<'", StringComparison.Ordinal)
                    ? "the server answered with HTML, not Kubernetes JSON: check that the kubeconfig's server URL is the Kubernetes API server (not a web page, dashboard or login proxy)"
                    : "the server's answer is not Kubernetes JSON (" + json.Message.Split(" Path:")[0] + ")";
                break;
            case HttpOperationException http:
                var code = (int)http.Response.StatusCode;
                var message = StatusField(http, "message");
                text = code + " " + (StatusField(http, "reason") ?? http.Response.ReasonPhrase ?? ((HttpStatusCode)code).ToString())
                    + (string.IsNullOrEmpty(message) || message == StatusField(http, "reason") ? string.Empty : ": " + message);
                break;
            case TaskCanceledException or OperationCanceledException:
                text = "timed out";
                break;
            case TimeoutException timeout:
                text = timeout.Message;
                break;
            case HttpRequestException request:
                text = DescribeConnection(request);
                break;
            case AuthenticationException:
                text = "TLS handshake failed: the server certificate is not trusted";
                break;
            case UserInputException user:
                text = user.Message;
                break;
            default:
                text = e.Message;
                break;
        }

        // Scrubbed before the line breaks go: a credential echoed across lines (a PEM key) is found whole.
        return Redactor.Scrub(Redactor.Scrub(text).Replace('\n', ' ').Replace('\r', ' ').Trim());
    }

    // KubernetesClient wraps an answer it cannot parse (HTML from a proxy, truncated JSON) around a JsonException.
    private static System.Text.Json.JsonException? NotJson(Exception e)
    {
        if (e is HttpOperationException) return null;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json) return json;
        }

        return null;
    }

    private static string DescribeConnection(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "host not found";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset }:
                    return "connection reset";
                case SocketException socket:
                    return "connection failed (" + socket.SocketErrorCode + ")";
                case AuthenticationException:
                    return "TLS handshake failed: the server certificate is not trusted (check the CA, or --insecure-skip-tls-verify)";
            }
        }

        if (e.HttpRequestError == HttpRequestError.ResponseEnded) return "connection closed by the server";
        if (e.HttpRequestError == HttpRequestError.SecureConnectionError) return "TLS handshake failed";
        return "connection failed: " + e.Message;
    }

    private static string? QuotedManager(string? message)
    {
        const string prefix = "conflict with \"";
        if (message is null || !message.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var end = message.IndexOf('"', prefix.Length);
        return end > prefix.Length ? message.Substring(prefix.Length, end - prefix.Length) : null;
    }

    private static string? StatusField(HttpOperationException e, string field)
    {
        var content = e.Response?.Content;
        if (string.IsNullOrEmpty(content)) return null;
        try
        {
            return JsonNode.Parse(content) is JsonObject status && status[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
