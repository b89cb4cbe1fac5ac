using System.Text;

namespace KubeKey.Cache.MacKeychain;

/// <summary>
/// Decodes the secrets go-keyring (which the Go kubekey used) left in the macOS keychain. It
/// stored them through the <c>security</c> tool as UTF-8 text: newer versions always as
/// "go-keyring-base64:" and standard base64, older ones as "go-keyring-encoded:" and hex when
/// the secret held a line break, and otherwise as the plain text.
/// </summary>
internal static class GoKeyringSecret
{
    public const string Base64Prefix = "go-keyring-base64:";
    public const string HexPrefix = "go-keyring-encoded:";

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a stored item's data.</summary>
    /// <returns><see langword="false"/> when the data is not text, or a prefix is followed by bad encoding.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> stored, out string? secret)
    {
        secret = null;
        try
        {
            var text = StrictUtf8.GetString(stored);
            if (text.StartsWith(Base64Prefix, StringComparison.Ordinal))
            {
                text = StrictUtf8.GetString(Convert.FromBase64String(text[Base64Prefix.Length..]));
            }
            else if (text.StartsWith(HexPrefix, StringComparison.Ordinal))
            {
                text = StrictUtf8.GetString(Convert.FromHexString(text[HexPrefix.Length..]));
            }

            secret = text;
            return true;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }
}
