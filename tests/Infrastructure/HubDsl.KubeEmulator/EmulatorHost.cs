using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Kestrel on 127.0.0.1 only, HTTPS with the cluster's serving certificate. Can stop and restart on the same
/// port so clients see genuinely refused connections in between.
/// </summary>
public sealed class EmulatorHost(X509Certificate2 serverCertificate, RequestPipeline pipeline, FaultInjector faults) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    /// <summary>The bound port; 0 until first started.</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening; the first start picks a free port, later starts reuse it.</summary>
    public async Task StartAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_app is not null)
            {
                return;
            }

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, Port, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;

                    // Before TLS: a refused connection is reset without a handshake.
                    listen.Use(next => connection =>
                    {
                        if (faults.IsRefusingConnections)
                        {
                            connection.Abort(new ConnectionAbortedException("connections are being refused"));
                            return Task.CompletedTask;
                        }

                        return next(connection);
                    });
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = serverCertificate,
                        ClientCertificateMode = ClientCertificateMode.AllowCertificate,

                        // Client certificates are checked against the cluster CA by the authenticator.
                        ClientCertificateValidation = (_, _, _) => true,
                    });
                });
            });
            var started = builder.Build();
            started.Run(pipeline.InvokeAsync);
            await started.StartAsync(cancellation).ConfigureAwait(false);
            var address = started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Port = new Uri(address).Port;
            _app = started;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_app is null)
            {
                return;
            }

            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(quick.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
