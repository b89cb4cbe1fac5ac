using System.Buffers;
using System.Text.Json;

namespace KubeKey.Abstractions;

/// <summary>
/// One cached login: the ID token kubectl is given, the refresh token that renews it, and what
/// kubekey needs to decide without parsing either token.
/// </summary>
/// <remarks>
/// Backends persist an entry only as the bytes of <see cref="ToPayload"/> and read it back with
/// <see cref="TryFromPayload"/>. The payload is versioned JSON; the token strings are secrets
/// and the payload must be protected like them.
/// </remarks>
public sealed class TokenCacheEntry
{
    /// <summary>The payload version this assembly writes and reads.</summary>
    public const int PayloadVersion = 1;

    /// <summary>Creates an entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="idToken"/> is empty.</exception>
    public TokenCacheEntry(
        string idToken,
        string? refreshToken,
        DateTimeOffset expiresAt,
        string issuer,
        string clientId,
        string? subject,
        DateTimeOffset storedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(idToken);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(clientId);
        IdToken = idToken;
        RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        ExpiresAt = expiresAt;
        Issuer = issuer;
        ClientId = clientId;
        Subject = subject;
        StoredAt = storedAt;
    }

    /// <summary>The OIDC ID token (a JWT) handed to kubectl. A secret.</summary>
    public string IdToken { get; }

    /// <summary>The refresh token, or <see langword="null"/> when the provider issued none. A secret.</summary>
    public string? RefreshToken { get; }

    /// <summary>When the ID token expires (its <c>exp</c> claim).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The issuer that signed the ID token.</summary>
    public string Issuer { get; }

    /// <summary>The client id the ID token was issued to.</summary>
    public string ClientId { get; }

    /// <summary>The <c>sub</c> claim, or <see langword="null"/> when unknown.</summary>
    public string? Subject { get; }

    /// <summary>When kubekey stored this entry.</summary>
    public DateTimeOffset StoredAt { get; }

    /// <summary>Serialises the entry as the versioned payload backends store.</summary>
    /// <returns>UTF-8 JSON; it holds the tokens, so it is as secret as they are.</returns>
    public byte[] ToPayload()
    {
        var buffer = new ArrayBufferWriter<byte>(IdToken.Length + (RefreshToken?.Length ?? 0) + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", PayloadVersion);
            writer.WriteString("id_token", IdToken);
            if (RefreshToken is not null)
            {
                writer.WriteString("refresh_token", RefreshToken);
            }

            writer.WriteNumber("expires_at", ExpiresAt.ToUnixTimeSeconds());
            writer.WriteString("issuer", Issuer);
            writer.WriteString("client_id", ClientId);
            if (Subject is not null)
            {
                writer.WriteString("subject", Subject);
            }

            writer.WriteNumber("stored_at", StoredAt.ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a payload written by <see cref="ToPayload"/>.</summary>
    /// <param name="payload">The stored bytes.</param>
    /// <param name="entry">The entry, or <see langword="null"/> when this returns <see langword="false"/>.</param>
    /// <returns>
    /// <see langword="false"/> when the payload is not valid JSON, lacks a required field, or
    /// carries a version other than <see cref="PayloadVersion"/>. Never throws for bad input.
    /// </returns>
    public static bool TryFromPayload(ReadOnlySpan<byte> payload, out TokenCacheEntry? entry)
    {
        entry = null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var fields = new PayloadFields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read() || !fields.Accept(name, ref reader))
                {
                    return false;
                }
            }

            entry = fields.ToEntry();
            return entry is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException
                                       or ArgumentException)
        {
            return false;
        }
    }

    private sealed class PayloadFields
    {
        private long? _version;
        private string? _idToken;
        private string? _refreshToken;
        private long? _expiresAt;
        private string? _issuer;
        private string? _clientId;
        private string? _subject;
        private long? _storedAt;

        public bool Accept(string? name, ref Utf8JsonReader reader)
        {
            switch (name)
            {
                case "v": _version = reader.GetInt64(); break;
                case "id_token": _idToken = reader.GetString(); break;
                case "refresh_token": _refreshToken = reader.GetString(); break;
                case "expires_at": _expiresAt = reader.GetInt64(); break;
                case "issuer": _issuer = reader.GetString(); break;
                case "client_id": _clientId = reader.GetString(); break;
                case "subject": _subject = reader.GetString(); break;
                case "stored_at": _storedAt = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }

            return true;
        }

        public TokenCacheEntry? ToEntry()
        {
            if (_version != PayloadVersion || string.IsNullOrEmpty(_idToken) || _expiresAt is null
                || _issuer is null || _clientId is null)
            {
                return null;
            }

            return new TokenCacheEntry(
                _idToken,
                _refreshToken,
                DateTimeOffset.FromUnixTimeSeconds(_expiresAt.Value),
                _issuer,
                _clientId,
                _subject,
                DateTimeOffset.FromUnixTimeSeconds(_storedAt ?? 0));
        }
    }
}
