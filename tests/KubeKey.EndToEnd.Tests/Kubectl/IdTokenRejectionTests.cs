using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Kubectl;

/// <summary>
/// The real provider, made to break one rule of OIDC Core §3.1.3.7, RFC 9207 or RFC 9700 at a
/// time: kubekey refuses each answer, kubectl fails with kubekey's reason, nothing is cached and
/// the API server never sees a token.
/// </summary>
public sealed class IdTokenRejectionTests
{
    public static TheoryData<string, string> Faults() => new()
    {
        { "state-mismatch", "carried a state kubekey did not send" },
        { "wrong-callback-issuer", "came from issuer 'https://wrong-issuer.example.test'" },
        { "wrong-issuer", "its issuer is 'https://wrong-issuer.example.test'" },
        { "wrong-audience", "it was issued for 'another-client'" },
        { "extra-audience-no-azp", "several audiences but no authorized party" },
        { "bad-signature", "its signature does not verify" },
        { "alg-none", "its signature does not verify" },
        { "expired", "it expired at" },
        { "future-iat", "issued in the future" },
        { "wrong-nonce", "its nonce is not the one the login sent" },
        { "missing-nonce", "it carries no nonce" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Kubectl_ProviderBreaksARule_LoginRefused(string fault, string reason)
    {
        await using var world = await LoginWorld.StartAsync(Options(fault));

        var result = await world.KubectlAsync(world.FlagsKubeconfig());
        var page = await world.Browser.WaitForPageAsync();
        var cached = await BrowserLoginTests.ReadCachedAsync(world);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("kubekey: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stderr.Contains(reason, StringComparison.Ordinal), result.ToString());
        Assert.Null(cached);
        Assert.Empty(world.Server.AcceptedTokens);
        Assert.Equal(400, page.Status);
        Assert.Contains("Login failed", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", result.Stderr, StringComparison.Ordinal);
    }

    private static OidcProviderOptions Options(string fault) => fault switch
    {
        "state-mismatch" => new OidcProviderOptions { CallbackState = "tampered-state" },
        "wrong-callback-issuer" => new OidcProviderOptions { CallbackIssuer = "https://wrong-issuer.example.test" },
        _ => new OidcProviderOptions
        {
            IdTokenFault = Enum.Parse<IdTokenFault>(
                fault.Replace("-", "", StringComparison.Ordinal), ignoreCase: true)
        },
    };
}
