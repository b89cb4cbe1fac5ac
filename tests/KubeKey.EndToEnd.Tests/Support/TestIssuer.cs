using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>Signs ID tokens the way a provider would, for tests that seed the cache directly.</summary>
internal sealed class TestIssuer : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestIssuer(string issuer, string clientId)
    {
        Issuer = issuer;
        ClientId = clientId;
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
    }

    public string Issuer { get; }

    public string ClientId { get; }

    public SecurityKey Key { get; }

    public string IdToken(DateTimeOffset expiresAt, string subject = "alice") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("name", "Alice")]),
            IssuedAt = expiresAt.AddHours(-1).UtcDateTime,
            NotBefore = expiresAt.AddHours(-1).UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });

    public void Dispose() => _rsa.Dispose();
}
