using KubeKey.Abstractions;

namespace KubeKey.Cache.SecretService.Interop;

/// <summary>Finds the D-Bus session bus the way libsecret does.</summary>
internal static class SessionBusAddress
{
    public const string AddressVariable = "DBUS_SESSION_BUS_ADDRESS";
    public const string RuntimeDirVariable = "XDG_RUNTIME_DIR";

    /// <summary>
    /// <c>DBUS_SESSION_BUS_ADDRESS</c> when set; otherwise the systemd user bus socket
    /// <c>$XDG_RUNTIME_DIR/bus</c> when it exists. Tmds.DBus does not fall back by itself, but
    /// libsecret and GDBus do, so kubekey must too or it would miss keyrings they find.
    /// </summary>
    /// <returns>A D-Bus address, or <see langword="null"/> when there is no session bus.</returns>
    public static string? Resolve(IPluginContext context)
    {
        var address = context.GetEnvironmentVariable(AddressVariable);
        if (!string.IsNullOrWhiteSpace(address))
        {
            return address;
        }

        var runtimeDir = context.GetEnvironmentVariable(RuntimeDirVariable);
        if (string.IsNullOrEmpty(runtimeDir))
        {
            return null;
        }

        var socket = Path.Combine(runtimeDir, "bus");
        return File.Exists(socket) ? "unix:path=" + socket : null;
    }
}
