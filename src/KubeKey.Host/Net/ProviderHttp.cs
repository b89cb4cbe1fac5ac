using KubeKey.Core.Errors;
using KubeKey.Core.Settings;

namespace KubeKey.Host.Net;

/// <summary>
/// The HTTP stack kubekey talks to the OIDC provider with (discovery, keys, token endpoint):
/// TLS verified against the system roots plus the configured extra CAs, the standard proxy
/// variables honoured, and timeouts so an unreachable provider cannot hang kubectl.
/// </summary>
internal static class ProviderHttp
{
    /// <summary>The longest a TCP and TLS connection to the provider may take to open.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest one request to the provider may take, answer included.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A handler for requests to the provider. The CA files and data in
    /// <paramref name="settings"/> are read now, once; nothing can turn verification off.
    /// </summary>
    /// <exception cref="ConfigurationException">
    /// A certificateAuthorities file is missing, unreadable or holds no PEM certificate, or a
    /// certificateAuthorityData entry is not base64 or holds no PEM certificate.
    /// </exception>
    public static SocketsHttpHandler CreateHandler(KubeKeySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var roots = CertificateAuthorityReader.Read(settings);

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,

            // With no Proxy set, the handler uses HttpClient.DefaultProxy, which honours
            // HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (and the system proxy on Windows and
            // macOS). Corporate networks rely on it: keep UseProxy on and Proxy unset.
            UseProxy = true,
        };

        // Without extra CAs the platform's own check stands alone, exactly as for any other client.
        if (roots.Count > 0)
        {
            var validator = new ExtraRootsValidator(roots);
            handler.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        }

        return handler;
    }

    /// <summary>
    /// A client over <see cref="CreateHandler"/> whose requests give up after
    /// <see cref="RequestTimeout"/>; disposing it disposes the handler.
    /// </summary>
    /// <exception cref="ConfigurationException">As for <see cref="CreateHandler"/>.</exception>
    public static HttpClient CreateClient(KubeKeySettings settings) =>
        new(CreateHandler(settings), disposeHandler: true) { Timeout = RequestTimeout };
}
