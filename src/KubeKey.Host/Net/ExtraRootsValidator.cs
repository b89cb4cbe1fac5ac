using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeKey.Host.Net;

/// <summary>
/// Checks the provider's certificate against the system roots and, failing that, against the
/// configured extra CAs: they add to the system's trust, never replace it, and never excuse a
/// certificate issued for another name.
/// </summary>
internal sealed class ExtraRootsValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    private readonly X509Certificate2Collection _roots;

    public ExtraRootsValidator(X509Certificate2Collection roots)
    {
        _roots = roots;
    }

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(
        object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only an untrusted chain can be mended by another root; a wrong name or no certificate
        // at all is refused whatever CA signed it.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);

        // The same revocation rule as the system check, which SslStream runs without one by default.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent.
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2;
        using var copy = leaf is null
            ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())
            : null;
        return custom.Build(leaf ?? copy!);
    }
}
