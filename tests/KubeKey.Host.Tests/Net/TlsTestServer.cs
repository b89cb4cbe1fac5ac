using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeKey.Host.Tests.Net;

/// <summary>
/// An HTTPS endpoint on 127.0.0.1 and an ephemeral port, serving "ok" with the given
/// certificate: the provider as far as TLS is concerned. Stopped, and the certificate disposed,
/// when disposed.
/// </summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    public const string Body = "ok";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private TlsTestServer(WebApplication app, X509Certificate2 certificate, Uri url)
    {
        _app = app;
        _certificate = certificate;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="certificate">The certificate with its key; the server owns it from now on.</param>
    public static async Task<TlsTestServer> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync(Body));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new TlsTestServer(app, certificate, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
