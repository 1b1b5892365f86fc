using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Per-request order, as in front of a real API server: connection refusal, request log, latency,
/// injected failures, authentication, then the API itself. Errors leave as metav1.Status bodies.
/// </summary>
public sealed class RequestPipeline(FaultInjector faults, RequestLog log, RequestAuthenticator authenticator, ApiRequestHandler api, TimeProvider time)
{
    // Like the system:public-info-viewer role: these answer without credentials.
    public const string RequestBodyKey = "HubDsl.KubeEmulator.RequestBody";

    private static readonly string[] PublicPaths = ["/version", "/healthz", "/livez", "/readyz"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (faults.IsRefusingConnections)
        {
            context.Abort();
            return;
        }

        var request = context.Request;

        // Read once here so the log can show what the client sent; the API reads it back from Items.
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Items[RequestBodyKey] = body;
        var entry = new RequestLogEntry(time.GetUtcNow(), request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", null)
        {
            ContentType = request.ContentType,
            Body = body.Length == 0 ? null : body,
        };
        log.Add(entry);
        try
        {
            var latency = faults.Latency;
            if (latency > TimeSpan.Zero && (faults.LatencyMatches is not { } delays || delays(entry)))
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            var failure = faults.TakeFailure(entry);
            if (failure is { Body: { } answer })
            {
                context.Response.StatusCode = failure.StatusCode;
                context.Response.ContentType = failure.ContentType;
                await context.Response.WriteAsync(answer).ConfigureAwait(false);
                return;
            }

            if (failure is not null)
            {
                var retrySeconds = failure.RetryAfter is { } retry ? (int?)Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : null;
                if (retrySeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await ApiRequestHandler.WriteAsync(context, failure.StatusCode, ApiStatus.ForInjectedFailure(failure.StatusCode, retrySeconds, failure.Message?.Invoke(body))).ConfigureAwait(false);
                return;
            }

            var user = authenticator.Authenticate(request.Headers.Authorization.ToString(), context.Connection.ClientCertificate);
            var isPublic = Array.IndexOf(PublicPaths, entry.Path) >= 0;
            if (user is null || (ReferenceEquals(user, AuthenticatedUser.Anonymous) && !isPublic))
            {
                throw ApiStatus.Unauthorized();
            }

            entry.User = user.Name;
            if (entry.Path is "/healthz" or "/livez" or "/readyz")
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok").ConfigureAwait(false);
                return;
            }

            await api.HandleAsync(context).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (!context.Response.HasStarted)
        {
            await ApiRequestHandler.WriteAsync(context, e.Code, e.Status).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or the connection was refused mid-flight).
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            await ApiRequestHandler.WriteAsync(context, 500, ApiStatus.Failure(500, "InternalError", "Internal error occurred: " + e.Message)).ConfigureAwait(false);
        }
        finally
        {
            entry.StatusCode = context.Response.StatusCode;
        }
    }
}
