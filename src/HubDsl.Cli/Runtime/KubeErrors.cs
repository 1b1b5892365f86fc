using System.Net;
using System.Net.Http;
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

    /// <summary>What went wrong, in one line, e.g. "401 Unauthorized" or "connection refused".</summary>
    public static string Describe(Exception e)
    {
        string text;
        switch (e)
        {
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
