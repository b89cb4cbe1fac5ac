using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// Stands in for kube-apiserver's OIDC authenticator: an HTTPS endpoint on 127.0.0.1 with a
/// self-signed certificate that accepts a request only when its bearer token is an ID token
/// signed by the issuer's keys, for the expected issuer and audience, and unexpired.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _acceptedTokens = new();
    private readonly ConcurrentQueue<string> _rejections = new();

    private ApiServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>The bearer tokens that passed validation, in order.</summary>
    public IReadOnlyList<string> AcceptedTokens => [.. _acceptedTokens];

    /// <summary>Why tokens were refused, for failure messages.</summary>
    public IReadOnlyList<string> Rejections => [.. _rejections];

    /// <summary>The CA data kubeconfig needs to trust this server.</summary>
    public string CertificateAuthorityData =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Certificate.ExportCertificatePem()));

    public static async Task<ApiServer> StartAsync(
        string issuer, string audience, Func<CancellationToken, Task<IEnumerable<SecurityKey>>> signingKeys)
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new ApiServer(app, certificate);
        app.Run(context => server.HandleAsync(context, issuer, audience, signingKeys));

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = addresses.Addresses.Single();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(
        HttpContext context,
        string issuer,
        string audience,
        Func<CancellationToken, Task<IEnumerable<SecurityKey>>> signingKeys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await RefuseAsync(context, "no bearer token");
            return;
        }

        var token = header["Bearer ".Length..];
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = await signingKeys(context.RequestAborted),
            ClockSkew = TimeSpan.Zero,
        });
        if (!result.IsValid)
        {
            await RefuseAsync(context, result.Exception?.GetType().Name ?? "invalid");
            return;
        }

        _acceptedTokens.Enqueue(token);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"kind\":\"Status\",\"status\":\"Success\",\"message\":\"kubekey-ok\"}");
    }

    private Task RefuseAsync(HttpContext context, string reason)
    {
        _rejections.Enqueue(reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"Unauthorized\",\"code\":401}");
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=kubekey-test-apiserver", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));

        // Kestrel needs a certificate whose private key it can use; a PKCS#12 round trip gives one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
