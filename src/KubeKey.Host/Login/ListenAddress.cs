using System.Globalization;
using System.Net;

namespace KubeKey.Host.Login;

/// <summary>Where the login listener binds: a loopback address and a port, 0 for any free one.</summary>
internal sealed record ListenAddress(IPAddress Address, int Port)
{
    /// <summary>Parses <c>host:port</c>, <c>[::1]:port</c> or <c>localhost:port</c>.</summary>
    /// <exception cref="LoginException">Not of that form, or not a loopback address.</exception>
    public static ListenAddress Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw LoginException.InvalidListenAddress(value, "is not of the form host:port");
        }

        var host = value[..colon].Trim('[', ']');
        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw LoginException.InvalidListenAddress(value, "has no port from 0 to 65535");
        }

        // RFC 8252 §8.3: the redirect listener must only be reachable from this machine.
        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            throw LoginException.InvalidListenAddress(value, "is not a loopback address");
        }

        return new ListenAddress(address, port);
    }

    /// <summary>The host as a URI writes it: IPv6 literals in brackets.</summary>
    public string UriHost => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"[{Address}]"
        : Address.ToString();

    public override string ToString() => $"{UriHost}:{Port}";
}
