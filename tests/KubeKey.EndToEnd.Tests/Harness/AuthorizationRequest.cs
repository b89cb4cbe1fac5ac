using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>The one-time values of one authorization request (RFC 7636 PKCE S256, state, nonce).</summary>
internal sealed record AuthorizationRequest
{
    private AuthorizationRequest(string verifier, string state, string nonce)
    {
        Verifier = verifier;
        State = state;
        Nonce = nonce;
    }

    /// <summary>The PKCE code verifier: 32 random octets, base64url.</summary>
    public string Verifier { get; }

    /// <summary>The S256 challenge of <see cref="Verifier"/>.</summary>
    public string Challenge => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>128 random bits.</summary>
    public string State { get; }

    /// <summary>128 random bits.</summary>
    public string Nonce { get; }

    /// <summary>Fresh random values.</summary>
    public static AuthorizationRequest Create() => new(Random(32), Random(16), Random(16));

    private static string Random(int octets) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(octets));
}
