using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// A running tests/e2e/provider.mjs: node oidc-provider on 127.0.0.1 with a public native client and a
/// confidential one. Disposing stops it; it also exits by itself when this process goes away.
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private OidcProvider(Process process, StringBuilder stderr, OidcProviderOptions options, JsonElement ready)
    {
        _process = process;
        _stderr = stderr;
        Options = options;
        Issuer = ready.GetProperty("issuer").GetString()!;
        Pid = ready.GetProperty("pid").GetInt32();
        PublicClientId = ready.GetProperty("public_client_id").GetString()!;
        var confidential = ready.GetProperty("confidential_client");
        ConfidentialClientId = confidential.GetProperty("client_id").GetString()!;
        ConfidentialClientSecret = confidential.GetProperty("client_secret").GetString()!;
        CaFile = ready.TryGetProperty("ca_file", out var caFile) ? caFile.GetString() : null;
    }

    /// <summary>The issuer exactly as the provider names it, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Issuer { get; }

    /// <summary>The discovery document's address.</summary>
    public Uri DiscoveryUrl => new($"{Issuer}/.well-known/openid-configuration");

    /// <summary>The node process id.</summary>
    public int Pid { get; }

    /// <summary>The public native client (no secret, PKCE required, any loopback port).</summary>
    public string PublicClientId { get; }

    /// <summary>The confidential native client.</summary>
    public string ConfidentialClientId { get; }

    /// <summary>
    /// The confidential client's secret, sent as <see cref="OidcProviderOptions.ConfidentialAuthMethod"/>.
    /// </summary>
    public string ConfidentialClientSecret { get; }

    /// <summary>The PEM file of the CA behind its certificate, when it serves https; else null.</summary>
    public string? CaFile { get; }

    /// <summary>The options it was started with.</summary>
    public OidcProviderOptions Options { get; }

    /// <summary>What the provider wrote on stderr so far, for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the provider and waits until it listens.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// node or the packages are missing, or the provider did not listen in time; the message carries its stderr.
    /// </exception>
    public static async Task<OidcProvider> StartAsync(
        OidcProviderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OidcProviderOptions();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = E2eFolder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(E2eFolder.Script("provider.mjs"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(options.Port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--max-seconds");
        start.ArgumentList.Add(((int)options.MaxLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        // The settings travel in the environment so the client secret never lands in a file.
        start.Environment["KUBEKEY_TEST_PROVIDER_CONFIG"] = options.ToSettingsJson(secret);
        start.Environment.Remove("TEST_MODE");

        var process = StartNode(start);
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask()
                .WaitAsync(options.StartTimeout, cancellationToken);
            if (line is null)
            {
                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                throw StartFailed($"it exited with code {process.ExitCode}", stderr);
            }

            using var ready = JsonDocument.Parse(line);
            return new OidcProvider(process, stderr, options, ready.RootElement.Clone());
        }
        catch (Exception ex)
        {
            var state = process.HasExited ? $"it had exited with code {process.ExitCode}" : "it was still running";
            Stop(process);
            process.Dispose();
            if (ex is TimeoutException)
            {
                throw StartFailed(
                    $"it did not listen within {options.StartTimeout.TotalSeconds} s ({state})", stderr);
            }

            throw;
        }
    }

    /// <summary>
    /// The claims provider.mjs gives the account <paramref name="login"/> (tests/e2e/lib/accounts.mjs),
    /// apart from <c>email_verified</c>, which is always true.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedClaims(string login)
    {
        var display = string.Concat(login[..1].ToUpperInvariant(), login.AsSpan(1));
        return new Dictionary<string, string>
        {
            ["sub"] = login,
            ["name"] = Options.HtmlName ? $"<b>{display}</b> & \"<i>co</i>\"" : $"{display} Example",
            ["preferred_username"] = login,
            ["email"] = $"{login}@example.test",
            ["picture"] = $"https://pictures.example.test/{Uri.EscapeDataString(login)}.png",
        };
    }

    /// <summary>
    /// Waits for the provider to exit by itself. Once this returns, <see cref="Stderr"/> holds
    /// everything it wrote: waiting on the process object that reads its output waits for the
    /// end of that output too, where another handle on the same pid would not.
    /// </summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>Closes the provider's stdin, which ends it, and kills it if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
        {
            Stop(_process);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)
                ?? throw new InvalidOperationException("The OIDC provider could not be started: node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "The OIDC provider needs node on PATH; install it (scripts/install-test-deps.sh lists what is needed).",
                ex);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
    }

    private static InvalidOperationException StartFailed(string what, StringBuilder stderr)
    {
        string output;
        lock (stderr)
        {
            output = stderr.ToString();
        }

        return new InvalidOperationException(
            $"The OIDC provider (tests/e2e/provider.mjs) failed to start: {what}. Its stderr:\n{output}");
    }
}
