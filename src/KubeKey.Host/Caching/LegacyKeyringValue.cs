using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace KubeKey.Host.Caching;

/// <summary>
/// The value the Go kubekey kept in its keyring item: the ID token, a dot, and the token's
/// expiry in Unix seconds, e.g. <c>eyJ….eyJ….sig.1767225600</c>.
/// </summary>
/// <param name="IdToken">The ID token, a JWT in compact form. A secret.</param>
/// <param name="ExpiresAt">When the token expires, as the Go kubekey recorded it.</param>
internal sealed record LegacyKeyringValue(string IdToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Reads a stored value.</summary>
    /// <returns>
    /// <see langword="false"/> when the value is not a three-part token followed by a dot and a
    /// whole number of seconds in range. Never throws for bad input.
    /// </returns>
    public static bool TryParse(string value, out LegacyKeyringValue? parsed)
    {
        parsed = null;

        // The token itself holds dots, so the expiry is what follows the last one.
        var split = value.LastIndexOf('.');
        if (split <= 0)
        {
            return false;
        }

        var token = value[..split];
        if (!IsCompactJwt(token)
            || !long.TryParse(value.AsSpan(split + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        parsed = new LegacyKeyringValue(token, DateTimeOffset.FromUnixTimeSeconds(seconds));
        return true;
    }

    /// <summary>The token's <c>sub</c> claim, or <see langword="null"/> when its payload does not decode.</summary>
    public string? Subject()
    {
        var payload = IdToken.Split('.')[1];
        try
        {
            var json = Base64Url.DecodeFromChars(payload);
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSubject = reader.ValueTextEquals("sub"u8);
                reader.Read();
                if (isSubject)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsCompactJwt(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0
            && parts.All(part => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
