using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeKey.Core.Errors;
using KubeKey.Core.Settings;

namespace KubeKey.Host.Net;

/// <summary>
/// Reads the extra CAs of <see cref="KubeKeySettings.CertificateAuthorities"/> (PEM files) and
/// <see cref="KubeKeySettings.CertificateAuthorityData"/> (base64-encoded PEM), once, up front:
/// a bad entry then fails the run with its name before any request is sent.
/// </summary>
internal static class CertificateAuthorityReader
{
    // Enough of a data entry to tell which one is meant, without echoing a whole bundle.
    private const int PreviewLength = 12;

    /// <summary>Every certificate of every entry, files first; empty when none are set.</summary>
    /// <exception cref="ConfigurationException">
    /// A file is missing or unreadable, an entry is not base64, or an entry holds no certificate.
    /// </exception>
    public static X509Certificate2Collection Read(KubeKeySettings settings)
    {
        var certificates = new X509Certificate2Collection();
        foreach (var file in settings.CertificateAuthorities)
        {
            certificates.AddRange(ReadFile(file));
        }

        for (var i = 0; i < settings.CertificateAuthorityData.Count; i++)
        {
            certificates.AddRange(ReadData(i + 1, settings.CertificateAuthorityData[i]));
        }

        return certificates;
    }

    private static X509Certificate2Collection ReadFile(string file)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ConfigurationException.CertificateAuthorityMissing(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ConfigurationException.CertificateAuthorityUnreadable(file, e.Message, e);
        }

        return Parse(pem, inner => ConfigurationException.CertificateAuthorityFileInvalid(file, inner));
    }

    private static X509Certificate2Collection ReadData(int position, string data)
    {
        var start = data.Length <= PreviewLength ? data : data[..PreviewLength] + "…";
        string pem;
        try
        {
            pem = Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }
        catch (FormatException e)
        {
            throw ConfigurationException.CertificateAuthorityDataNotBase64(position, start, e);
        }

        return Parse(
            pem, inner => ConfigurationException.CertificateAuthorityDataInvalid(position, start, inner));
    }

    private static X509Certificate2Collection Parse(
        string pem, Func<Exception?, ConfigurationException> invalid)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            // Blocks other than CERTIFICATE (a stray key, say) are skipped, not refused.
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw invalid(e);
        }

        return certificates.Count > 0 ? certificates : throw invalid(null);
    }
}
