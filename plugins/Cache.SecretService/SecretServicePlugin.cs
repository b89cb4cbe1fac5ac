using System.Reflection;
using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Interop;

namespace KubeKey.Cache.SecretService;

/// <summary>
/// The Linux keyring cache: each cached login is an item in the freedesktop Secret Service
/// (GNOME Keyring, KWallet, KeePassXC), spoken to directly over the D-Bus session bus.
/// </summary>
/// <remarks>
/// The bus is found through <c>DBUS_SESSION_BUS_ADDRESS</c>, else <c>$XDG_RUNTIME_DIR/bus</c>.
/// A locked keyring is unlocked through the service's own prompt only when
/// <see cref="IPluginContext.Interactive"/> is set. The cache it provides also implements
/// <see cref="ILegacyKeyringReader"/>, reading the items the original Go kubekey left behind, and
/// <see cref="ITokenCacheProbe"/>, so kubekey can tell whether a Secret Service answers here.
/// See docs/cache-backends.md.
/// </remarks>
public sealed class SecretServicePlugin : IKubeKeyPlugin
{
    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public const string PluginName = "KubeKey.Cache.SecretService";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new(
        PluginName,
        typeof(SecretServicePlugin).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0",
        PluginContract.Version,
        "The freedesktop Secret Service over D-Bus (GNOME Keyring, KWallet, KeePassXC).",
        ["linux"]);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        registry.AddTokenCache(SecretServiceTokenCache.Create);
    }

    /// <summary>
    /// Checks cheaply whether this backend can work here: a session bus is found and a Secret
    /// Service on it answers within about one second. kubekey uses it to choose a cache backend
    /// automatically; it opens no session, reads no item and never prompts.
    /// </summary>
    /// <param name="context">Where the session bus address is read from, and where the reason
    /// for a negative answer is logged at debug level.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>
    /// <see langword="true"/> when the service answered; <see langword="false"/> when there is no
    /// session bus, no service on it, or no answer in time. Never throws for those.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<bool> IsAvailableAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var reason = await ProbeAsync(context, cancellationToken).ConfigureAwait(false);
        if (reason is not null)
        {
            context.Log.Debug("Secret Service cache unavailable: " + reason);
        }

        return reason is null;
    }

    /// <summary>The probe behind <see cref="IsAvailableAsync"/>, with the reason for a "no".</summary>
    /// <returns><see langword="null"/> when the service answered; otherwise why not and what to do.</returns>
    internal static async ValueTask<string?> ProbeAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        var address = SessionBusAddress.Resolve(context);
        if (address is null)
        {
            return SecretServiceErrors.NoBusAddress().Message;
        }

        // One deadline for connecting and asking, so the whole probe stays within it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SecretServiceTimeouts.Probe);
        try
        {
            await SecretServiceConnection.ProbeAsync(address, SecretServiceTimeouts.Probe, deadline.Token)
                .ConfigureAwait(false);
            return null;
        }
        catch (TokenCacheException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SecretServiceErrors.NoAnswer("Ping", SecretServiceTimeouts.Probe).Message;
        }
    }
}
