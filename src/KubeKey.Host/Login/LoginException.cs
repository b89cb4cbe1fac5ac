using KubeKey.Core.Errors;

namespace KubeKey.Host.Login;

/// <summary>A browser login or a refresh could not produce a valid ID token.</summary>
/// <remarks>Messages never carry a token, code, verifier or secret, only what the person can act on.</remarks>
internal sealed class LoginException : KubeKeyException
{
    private LoginException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        PageDescription = message;
    }

    /// <summary>The error code the failure page shows.</summary>
    public string PageError { get; private init; } = "login_failed";

    /// <summary>The text the failure page shows under the code.</summary>
    public string? PageDescription { get; private init; }

    public static LoginException InvalidListenAddress(string value, string why) =>
        new($"The listen address '{value}' {why}. Give a loopback host and port, such as 127.0.0.1:0 "
            + "(any free port) or 127.0.0.1:8000, with --listen-address or KUBEKEY_LISTEN_ADDRESS.");

    public static LoginException InvalidRedirectHost(string value) =>
        new($"The redirect host '{value}' is not a loopback name. Use 127.0.0.1, [::1] or localhost "
            + "with --oidc-redirect-url-hostname.");

    public static LoginException PortInUse(string address, Exception inner) =>
        new($"The login listener cannot bind {address}: the address is in use. Stop the program that "
            + "holds it, or let kubekey pick a free port with --listen-address 127.0.0.1:0.", inner);

    public static LoginException CannotListen(string address, Exception inner) =>
        new($"The login listener cannot bind {address} ({inner.Message}). Check the address given "
            + "with --listen-address.", inner);

    public static LoginException TimedOut(string issuer, TimeSpan waited) =>
        new($"No login at {issuer} arrived within {waited.TotalSeconds:0} s. Run the command again and "
            + "finish the login in the browser, or allow more time with --authentication-timeout-sec.");

    public static LoginException ProviderError(string issuer, string error, string? description) =>
        new($"The provider {issuer} refused the login: {error}"
            + (string.IsNullOrWhiteSpace(description) ? "" : $" ({description})")
            + ". Log in again, or ask the provider's administrators what the error means.")
        {
            PageError = error,
            PageDescription = description,
        };

    public static LoginException StateMismatch() =>
        new("The login's answer carried a state kubekey did not send, so it was refused (a forged or "
            + "stale callback). Run the command again and use the browser tab it opens.")
        {
            PageError = "state_mismatch",
        };

    public static LoginException WrongCallbackIssuer(string expected, string actual) =>
        new($"The login's answer came from issuer '{actual}', not '{expected}' (RFC 9207), so it was "
            + "refused. Check that the browser went to the right provider and log in again.")
        {
            PageError = "issuer_mismatch",
        };

    public static LoginException ProviderUnreachable(string issuer, string why, Exception? inner = null) =>
        new($"The provider {issuer} could not be reached: {why}. Check the issuer URL, the network and "
            + "any proxy (HTTPS_PROXY), and that its certificate is trusted (--certificate-authority).",
            inner);

    public static LoginException ExchangeFailed(string issuer, string why) =>
        new($"The provider {issuer} did not hand out tokens for the login: {why}. Log in again; if it "
            + "keeps failing, check the client id and secret registered at the provider.");

    public static LoginException InvalidIdToken(string issuer, string why) =>
        new($"The ID token from {issuer} was refused: {why}. kubekey accepts only tokens that are signed "
            + "by the provider's keys and issued for this client; check the issuer URL and client id.");

    public static LoginException NoIdToken(string issuer) =>
        new($"The provider {issuer} answered the login without an ID token. Ask for the openid scope and "
            + "check that the client is registered for OpenID Connect.");

    public static LoginException LockTimeout(string path, TimeSpan waited) =>
        new($"Another kubekey has been logging in for {waited.TotalSeconds:0} s and still holds {path}. "
            + "Finish or cancel that login, then run the command again.");
}
