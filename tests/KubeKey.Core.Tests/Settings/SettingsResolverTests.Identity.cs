using KubeKey.Core.Errors;
using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Settings;

/// <summary>RequireIdentity: what a login or a cache lookup needs,; each message says how to fix it.</summary>
public sealed partial class SettingsResolverTests
{
    [Fact]
    public void RequireIdentity_NoIssuer_ThrowsSayingHowToSetIt()
    {
        var settings = Identity(issuer: null, clientId: "kubectl");

        var error = RequireFailure(settings);

        Assert.Contains("issuer", error.Message, StringComparison.Ordinal);
        Assert.Contains("--oidc-issuer-url", error.Message, StringComparison.Ordinal);
        Assert.Contains("IDP_ISSUER_URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"issuerUrl\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireIdentity_BlankIssuer_ThrowsMissingIssuer()
    {
        var settings = Identity(issuer: "  ", clientId: "kubectl");

        var error = RequireFailure(settings);

        Assert.Contains("--oidc-issuer-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireIdentity_NoClientId_ThrowsSayingHowToSetIt()
    {
        var settings = Identity(issuer: "https://login.example.com", clientId: null);

        var error = RequireFailure(settings);

        Assert.Contains("client id", error.Message, StringComparison.Ordinal);
        Assert.Contains("--oidc-client-id", error.Message, StringComparison.Ordinal);
        Assert.Contains("CLIENT_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"clientId\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login.example.com/realms/k8s")]
    [InlineData("/realms/k8s")]
    [InlineData("realms")]
    public void RequireIdentity_RelativeIssuer_ThrowsAskingForAbsoluteHttps(string issuer)
    {
        var settings = Identity(issuer, "kubectl");

        var error = RequireFailure(settings);

        Assert.Contains($"'{issuer}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://login.example.com:8080/realms/k8s")]
    [InlineData("ftp://login.example.com")]
    [InlineData("http://127.0.0.1.example.com")]
    public void RequireIdentity_NotHttpsAndNotLoopback_ThrowsSayingHttps(string issuer)
    {
        var settings = Identity(issuer, "kubectl");

        var error = RequireFailure(settings);

        Assert.Contains("does not use https", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1 or localhost", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost")]
    [InlineData("http://LOCALHOST:9000/realms/dev")]
    [InlineData("http://[::1]:8080")]
    [InlineData("https://login.example.com/realms/k8s")]
    [InlineData("https://login.example.com:8443/")]
    public void RequireIdentity_HttpsOrLoopbackHttp_Accepted(string issuer)
    {
        var settings = Identity(issuer, "kubectl");

        var error = Record.Exception(() => SettingsResolver.RequireIdentity(settings));

        Assert.Null(error);
    }

    [Theory]
    [InlineData("https://login.example.com/realms/k8s?tenant=a")]
    [InlineData("https://login.example.com/realms/k8s#top")]
    public void RequireIdentity_QueryOrFragment_ThrowsNamingIt(string issuer)
    {
        var settings = Identity(issuer, "kubectl");

        var error = RequireFailure(settings);

        Assert.Contains($"'{issuer}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("query or fragment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireIdentity_BadIssuer_MessageHoldsNoClientSecret()
    {
        var settings = new KubeKeySettings
        {
            IssuerUrl = "http://example.com",
            ClientId = "kubectl",
            ClientSecret = "client-secret-value-4711",
            CacheDirectory = "/c",
            DataDirectory = "/d",
            Browser = "b",
            Templates = "t",
            LogLevel = "warning",
        };

        var error = RequireFailure(settings);

        Assert.DoesNotContain("client-secret-value-4711", error.ToString(), StringComparison.Ordinal);
    }

    private KubeKeySettings Identity(string? issuer, string? clientId)
    {
        if (issuer is not null)
        {
            _sandbox.Environment["KUBEKEY_ISSUER_URL"] = issuer;
        }

        if (clientId is not null)
        {
            _sandbox.Environment["KUBEKEY_CLIENT_ID"] = clientId;
        }

        return _sandbox.Resolve();
    }

    private static ConfigurationException RequireFailure(KubeKeySettings settings) =>
        Assert.Throws<ConfigurationException>(() => SettingsResolver.RequireIdentity(settings));
}
