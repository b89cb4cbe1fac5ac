using System.Security.Claims;
using System.Security.Cryptography;
using Duende.IdentityModel.OidcClient;
using KubeKey.Host.Login.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using DuendeJwk = Duende.IdentityModel.Jwk;

namespace KubeKey.Host.Tests.Login;

public sealed class IdTokenValidatorTests : IDisposable
{
    private const string Issuer = "https://issuer.example";
    private const string ClientId = "kubectl";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly OidcClientOptions _options;

    public IdTokenValidatorTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "k1" };
        var parameters = _rsa.ExportParameters(false);
        var jwk = new DuendeJwk.JsonWebKey
        {
            Kty = "RSA",
            Kid = "k1",
            N = Base64UrlEncoder.Encode(parameters.Modulus),
            E = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        _options = new OidcClientOptions
        {
            ClientId = ClientId,
            ProviderInformation = new ProviderInformation
            {
                IssuerName = Issuer,
                KeySet = new DuendeJwk.JsonWebKeySet { Keys = [jwk] },
            },
        };
    }

    public void Dispose() => _rsa.Dispose();

    [Fact]
    public async Task Validate_GoodToken_Accepted()
    {
        var validator = new IdTokenValidator(TimeProvider.System) { ExpectedNonce = "n-1" };

        var result = await validator.ValidateAsync(Token(), _options);

        Assert.False(result.IsError, validator.LastFailure);
        Assert.Equal("alice", result.User.FindFirst("sub")?.Value);
        Assert.Null(validator.LastFailure);
    }

    [Fact]
    public async Task Validate_NoNonceExpected_RefreshedTokenWithoutNonceAccepted()
    {
        var validator = new IdTokenValidator(TimeProvider.System);

        var result = await validator.ValidateAsync(Token(nonce: null), _options);

        Assert.False(result.IsError, validator.LastFailure);
    }

    [Fact]
    public async Task Validate_AzpOfAnotherClient_Refused()
    {
        var validator = new IdTokenValidator(TimeProvider.System) { ExpectedNonce = "n-1" };

        var result = await validator.ValidateAsync(Token(azp: "someone-else"), _options);

        Assert.True(result.IsError);
        Assert.Contains("authorized party (azp) is 'someone-else'", validator.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SymmetricallySignedToken_Refused()
    {
        var validator = new IdTokenValidator(TimeProvider.System) { ExpectedNonce = "n-1" };
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "k1" };

        var result = await validator.ValidateAsync(
            Token(signing: new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256)), _options);

        Assert.True(result.IsError);
        Assert.Contains("signature does not verify", validator.LastFailure, StringComparison.Ordinal);
    }

    private string Token(string? nonce = "n-1", string? azp = null, SigningCredentials? signing = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "alice",
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        if (azp is not null)
        {
            claims["azp"] = azp;
        }

        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = signing ?? new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }
}
