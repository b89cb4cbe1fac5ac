using System.Text.RegularExpressions;
using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Kubectl;

/// <summary>
/// A login and a refresh at the most verbose level, through kubectl, leave no token, code,
/// verifier or client secret on stderr or in the log file.
/// </summary>
public sealed partial class SecretLeakTests
{
    [Fact]
    public async Task LoginAndRefresh_TraceLevel_NoSecretOnStderrOrInTheLog()
    {
        await using var world = await LoginWorld.StartAsync(audience: "kubekey-confidential");
        var logFile = world.KubeKey.Combine("kubekey.log");
        var verbose = new Dictionary<string, string>
        {
            ["KUBEKEY_LOG_LEVEL"] = "trace",
            ["KUBEKEY_LOG_FILE"] = logFile,
        };
        var kubeconfig = world.OriginalKubeconfig(
            world.Provider.ConfidentialClientId, world.Provider.ConfidentialClientSecret);

        var login = await world.KubectlAsync(kubeconfig, verbose);
        var loggedIn = await BrowserLoginTests.ReadCachedAsync(world, world.Provider.ConfidentialClientId);
        var refresh = await world.KubeKeyAsync(
        [
            "get-token", "--force-refresh", $"--oidc-issuer-url={world.Provider.Issuer}",
            $"--oidc-client-id={world.Provider.ConfidentialClientId}",
            $"--oidc-client-secret={world.Provider.ConfidentialClientSecret}",
            "--oidc-extra-scope=offline_access", "--oidc-auth-request-extra-params=prompt=consent",
        ], verbose);
        var refreshed = await BrowserLoginTests.ReadCachedAsync(world, world.Provider.ConfidentialClientId);
        var output = login.Stderr + refresh.Stderr + File.ReadAllText(logFile);

        Assert.True(login.ExitCode == 0, login + world.Browser.Stderr);
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Assert.NotNull(loggedIn?.RefreshToken);
        Assert.NotNull(refreshed?.RefreshToken);
        Assert.Contains("Refreshed; the new token is valid until", output, StringComparison.Ordinal);
        string[] secrets =
        [
            loggedIn.IdToken, loggedIn.RefreshToken, refreshed.IdToken, refreshed.RefreshToken,
            world.Provider.ConfidentialClientSecret,
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }

        // Codes, verifiers, states and tokens are long base64url runs; nothing kubekey logs is.
        Assert.Empty(SecretShaped().Matches(output).Select(m => m.Value));
        Assert.DoesNotContain("eyJ", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("[A-Za-z0-9_-]{43,}")]
    private static partial Regex SecretShaped();
}
