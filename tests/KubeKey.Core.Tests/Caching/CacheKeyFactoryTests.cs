using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Caching;

public sealed class CacheKeyFactoryTests
{
    private const string Issuer = "https://login.example.com/realms/k8s";

    [Fact]
    public void Create_SameIdentityTwice_SameValue()
    {
        var first = Key(Settings(extraScopes: ["groups"], authParams: Map(("prompt", "consent"))));

        var second = Key(Settings(extraScopes: ["groups"], authParams: Map(("prompt", "consent"))));

        Assert.Equal(first.Value, second.Value);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Create_AnyIdentity_ValueIs32LowerCaseHexDigits()
    {
        var key = Key(Settings(issuer: "HTTPS://LOGIN.EXAMPLE.COM", clientId: "KUBECTL"));

        Assert.Matches("^[0-9a-f]{32}$", key.Value);
    }

    [Fact]
    public void Create_ScopesInOtherOrderOrRepeated_SameValue()
    {
        var key = Key(Settings(extraScopes: ["groups", "offline_access"]));

        var reordered = Key(Settings(extraScopes: ["offline_access", "groups", "email", "groups"]));

        Assert.Equal(key.Value, reordered.Value);
    }

    [Fact]
    public void Create_AuthParamsInOtherOrder_SameValue()
    {
        var key = Key(Settings(authParams: Map(("prompt", "consent"), ("audience", "api"))));

        var reordered = Key(Settings(authParams: Map(("audience", "api"), ("prompt", "consent"))));

        Assert.Equal(key.Value, reordered.Value);
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("issuer path")]
    [InlineData("issuer scheme")]
    [InlineData("client id")]
    [InlineData("client id case")]
    [InlineData("extra scope")]
    [InlineData("other extra scope")]
    [InlineData("auth param value")]
    [InlineData("auth param name")]
    [InlineData("extra auth param")]
    [InlineData("profile")]
    public void Create_OnePartOfTheIdentityDiffers_DifferentValue(string part)
    {
        var baseline = Key(Variant("none"));

        var changed = Key(Variant(part));

        Assert.NotEqual(baseline.Value, changed.Value);
    }

    [Theory]
    [InlineData("HTTPS://LOGIN.Example.COM/realms/k8s")]
    [InlineData("https://login.example.com/realms/k8s/")]
    [InlineData("https://login.example.com/realms/k8s//")]
    [InlineData("https://login.example.com:443/realms/k8s")]
    [InlineData("  https://login.example.com/realms/k8s  ")]
    public void Create_IssuerWrittenDifferently_SameValue(string issuer)
    {
        var key = Key(Settings());

        var other = Key(Settings(issuer: issuer));

        Assert.Equal(key.Value, other.Value);
    }

    [Fact]
    public void Create_IssuerOnOtherPort_DifferentValue()
    {
        var key = Key(Settings(issuer: "https://login.example.com/realms/k8s"));

        var other = Key(Settings(issuer: "https://login.example.com:8443/realms/k8s"));

        Assert.NotEqual(key.Value, other.Value);
    }

    [Fact]
    public void Create_NewlineInAuthParamValue_CannotImitateTwoParams()
    {
        var two = Key(Settings(authParams: Map(("a", "1"), ("b", "2"))));

        var one = Key(Settings(authParams: Map(("a", "1\nb=2"))));

        Assert.NotEqual(two.Value, one.Value);
    }

    [Fact]
    public void Create_EqualsSignMovedBetweenAuthParamNameAndValue_DifferentValue()
    {
        // ("a", "b=c") and ("a=b", "c") send different requests, so they must not share a token.
        var first = Key(Settings(authParams: Map(("a", "b=c"))));

        var second = Key(Settings(authParams: Map(("a=b", "c"))));

        Assert.NotEqual(first.Value, second.Value);
    }

    [Fact]
    public void Create_AuthParamNamedProfile_DiffersFromProfile()
    {
        var param = Key(Settings(authParams: Map(("profile", "admin"))));

        var profile = Key(Settings(profile: "admin"));

        Assert.NotEqual(param.Value, profile.Value);
    }

    [Fact]
    public void Create_Labels_NormalisedIssuerAndClientId()
    {
        var key = Key(Settings(issuer: "HTTPS://Login.Example.com:443/realms/k8s/"));

        Assert.Equal("https://login.example.com/realms/k8s", key.Issuer);
        Assert.Equal("kubectl", key.ClientId);
        Assert.Equal("kubekey: https://login.example.com/realms/k8s (kubectl)", key.Label);
    }

    [Fact]
    public void Create_NoIssuer_ThrowsArgumentNull()
    {
        var settings = Settings(issuer: null);

        Assert.Throws<ArgumentNullException>(() => CacheKeyFactory.Create(settings));
    }

    [Theory]
    [InlineData("https://Login.Example.com:443/", "https://login.example.com")]
    [InlineData("http://127.0.0.1:8080/oidc/", "http://127.0.0.1:8080/oidc")]
    [InlineData("https://login.example.com/Realms/K8s", "https://login.example.com/Realms/K8s")]
    [InlineData("http://localhost:80", "http://localhost")]
    public void NormalizeIssuer_Variants_CanonicalForm(string issuer, string expected)
    {
        var normalized = CacheKeyFactory.NormalizeIssuer(issuer);

        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Canonicalize_KnownIdentity_LengthPrefixedFieldsOneALine()
    {
        var canonical = CacheKeyFactory.Canonicalize(
            "https://i.example", "kubectl", ["openid", "groups"], Map(("prompt", "login")), "admin");

        Assert.Equal(
            "kubekey-cache-key-v2\n17:https://i.example\n7:kubectl\n13:groups openid\n"
            + "6:prompt\n5:login\n13:profile=admin\n",
            canonical);
    }

    /// <summary>The baseline identity ("none") or it with one part changed.</summary>
    private static KubeKeySettings Variant(string part)
    {
        var issuer = Issuer;
        var clientId = "kubectl";
        List<string> scopes = ["groups"];
        var authParams = Map(("prompt", "login"));
        string? profile = null;

        switch (part)
        {
            case "none": break;
            case "issuer": issuer = "https://other.example.com/realms/k8s"; break;
            case "issuer path": issuer = Issuer + "-dev"; break;
            case "issuer scheme": issuer = "http://login.example.com/realms/k8s"; break;
            case "client id": clientId = "kubectl-2"; break;
            case "client id case": clientId = "Kubectl"; break;
            case "extra scope": scopes.Add("offline_access"); break;
            case "other extra scope": scopes = ["roles"]; break;
            case "auth param value": authParams["prompt"] = "consent"; break;
            case "auth param name": authParams = Map(("prompts", "login")); break;
            case "extra auth param": authParams["audience"] = "api"; break;
            case "profile": profile = "admin"; break;
            default: throw new ArgumentOutOfRangeException(nameof(part), part, "No such variant.");
        }

        return Settings(issuer, clientId, scopes, authParams, profile);
    }

    private static CacheKey Key(KubeKeySettings settings) => CacheKeyFactory.Create(settings);

    private static Dictionary<string, string> Map(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static KubeKeySettings Settings(
        string? issuer = Issuer,
        string clientId = "kubectl",
        IReadOnlyList<string>? extraScopes = null,
        IReadOnlyDictionary<string, string>? authParams = null,
        string? profile = null) => new()
        {
            IssuerUrl = issuer,
            ClientId = clientId,
            ExtraScopes = extraScopes ?? [],
            AuthParams = authParams ?? new Dictionary<string, string>(),
            Profile = profile,
            CacheDirectory = "/cache",
            DataDirectory = "/data",
            Browser = "KubeKey.Browser.System",
            Templates = "KubeKey.Templates.Scriban",
            LogLevel = "warning",
        };
}
