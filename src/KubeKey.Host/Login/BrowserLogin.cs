using System.Security.Cryptography;
using System.Text;
using System.Web;
using KubeKey.Abstractions;
using KubeKey.Core.Settings;
using Serilog;

namespace KubeKey.Host.Login;

/// <summary>
/// The authorization code flow with PKCE for a native app (RFC 8252): a loopback listener, the
/// person's browser sent to it, the provider's answer received, exchanged and validated, and a
/// page that tells the truth about the outcome, because it is answered only after all of that.
/// </summary>
internal sealed class BrowserLogin
{
    private readonly KubeKeySettings _settings;
    private readonly IOidcProvider _provider;
    private readonly Func<IBrowserLauncher?> _browser;
    private readonly LoginPages _pages;
    private readonly TextWriter _stderr;
    private readonly ILogger _log;

    public BrowserLogin(
        KubeKeySettings settings,
        IOidcProvider provider,
        Func<IBrowserLauncher?> browser,
        LoginPages pages,
        TextWriter stderr,
        ILogger log)
    {
        _settings = settings;
        _provider = provider;
        _browser = browser;
        _pages = pages;
        _stderr = stderr;
        _log = log;
    }

    /// <summary>Runs one login and returns its validated tokens.</summary>
    /// <exception cref="LoginException">It failed, was refused or timed out.</exception>
    public async Task<IssuedTokens> RunAsync(CancellationToken cancellationToken)
    {
        var address = ListenAddress.Parse(_settings.ListenAddress);
        var redirectHost = RedirectHost(address);
        await using var listener = LoopbackListener.Start(address, redirectHost, _log);
        var request = await _provider.PrepareLoginAsync(
            listener.CallbackUri, _settings.AuthParams, cancellationToken).ConfigureAwait(false);

        var outcome = new TaskCompletionSource<IssuedTokens>(TaskCreationOptions.RunContinuationsAsynchronously);
        var callback = new CallbackHandler(this, request, outcome);
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var server = listener.ServeAsync(callback.HandleAsync, serving.Token);

        await AnnounceAsync(listener.BaseUri, cancellationToken).ConfigureAwait(false);
        try
        {
            return await outcome.Task.WaitAsync(_settings.LoginTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw LoginException.TimedOut(_provider.Issuer, _settings.LoginTimeout);
        }
        finally
        {
            await serving.CancelAsync().ConfigureAwait(false);
            await listener.DisposeAsync().ConfigureAwait(false);
            await server.ConfigureAwait(false);
        }
    }

    private string RedirectHost(ListenAddress address)
    {
        var host = _settings.RedirectHostname;
        if (string.IsNullOrEmpty(host))
        {
            return address.UriHost;
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip)
                   && System.Net.IPAddress.IsLoopback(ip))
            ? host
            : throw LoginException.InvalidRedirectHost(host);
    }

    private async Task AnnounceAsync(Uri url, CancellationToken cancellationToken)
    {
        var wait = $"kubekey: waiting up to {_settings.LoginTimeout.TotalSeconds:0} s for the login to finish.";
        if (_settings.SkipOpenBrowser)
        {
            await _stderr.WriteLineAsync($"kubekey: to log in at {_provider.Issuer}, open {url}").ConfigureAwait(false);
            await _stderr.WriteLineAsync(wait).ConfigureAwait(false);
            return;
        }

        await _stderr.WriteLineAsync(
            $"kubekey: opening your browser to log in at {_provider.Issuer}. If no browser opened, visit: {url}")
            .ConfigureAwait(false);
        await _stderr.WriteLineAsync(wait).ConfigureAwait(false);

        var opened = false;
        if (_browser() is { } browser)
        {
            opened = await browser.OpenAsync(url, cancellationToken).ConfigureAwait(false);
        }

        if (!opened)
        {
            _log.Warning("No browser could be started here; open the address above yourself");
        }
    }

    /// <summary>Serves the listener's paths for one login; the first callback decides it.</summary>
    private sealed class CallbackHandler(
        BrowserLogin login, AuthorizationRequest request, TaskCompletionSource<IssuedTokens> outcome)
    {
        private int _answered;

        public async Task<LoopbackResponse> HandleAsync(LoopbackRequest incoming, CancellationToken cancellationToken)
        {
            switch (incoming.Path)
            {
                case "/":
                    return LoopbackResponse.Redirect(request.StartUrl);
                case "/favicon.ico":
                    return LoopbackResponse.NoContent();
                case "/callback" when Interlocked.Exchange(ref _answered, 1) == 0:
                    break;
                default:
                    return LoopbackResponse.NotFound();
            }

            try
            {
                var tokens = await login.CompleteAsync(request, incoming.Target, cancellationToken)
                    .ConfigureAwait(false);
                return login._pages.Success(tokens.Claims) with { AfterWrite = () => outcome.TrySetResult(tokens) };
            }
            catch (LoginException e)
            {
                return login._pages.Failure(e.PageError, e.PageDescription)
                    with
                { AfterWrite = () => outcome.TrySetException(e) };
            }
        }
    }

    private async Task<IssuedTokens> CompleteAsync(
        AuthorizationRequest request, string target, CancellationToken cancellationToken)
    {
        var query = HttpUtility.ParseQueryString(target.Contains('?') ? target[(target.IndexOf('?') + 1)..] : "");

        // RFC 9700 §4.7: the state is compared in constant time, and a wrong one ends the login.
        var state = query["state"] ?? "";
        if (!CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(request.State)))
        {
            throw LoginException.StateMismatch();
        }

        // RFC 9207: an iss parameter names who answered; a different issuer is a mix-up attack.
        if (query["iss"] is { } callbackIssuer && callbackIssuer.TrimEnd('/') != _provider.Issuer.TrimEnd('/'))
        {
            throw LoginException.WrongCallbackIssuer(_provider.Issuer, callbackIssuer);
        }

        if (query["error"] is { } error)
        {
            var description = query["error_description"];
            throw LoginException.ProviderError(_provider.Issuer, error, description);
        }

        _log.Information("Login answered; exchanging the code at {Issuer}", _provider.Issuer);
        var tokens = await _provider.RedeemAsync(request, target, cancellationToken).ConfigureAwait(false);
        _log.Information(
            "ID token for {Subject} validated; valid until {Expiry:u}",
            tokens.Claims.Subject,
            tokens.Claims.ExpiresAt);
        return tokens;
    }
}
