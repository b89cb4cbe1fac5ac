using System.Net;
using System.Net.Sockets;
using System.Text;
using Serilog;

namespace KubeKey.Host.Login;

/// <summary>
/// The short-lived HTTP listener a browser login redirects to (RFC 8252 §7.3): bound to a
/// loopback address only, one request per connection, opened for one login and closed after it.
/// </summary>
/// <remarks>
/// Small on purpose: it reads a request line and headers, checks the <c>Host</c> header against
/// the names it was bound under (a DNS-rebinding page cannot reach it), answers only GET, and
/// sends headers that keep the page, whose address holds the authorization code, out of caches,
/// referrers and third-party loads.
/// </remarks>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private static readonly TimeSpan RequestReadTimeout = TimeSpan.FromSeconds(10);

    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'";

    private readonly TcpListener _listener;
    private readonly HashSet<string> _hosts;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private LoopbackListener(TcpListener listener, string redirectHost, ILogger log)
    {
        _listener = listener;
        _log = log;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var bound = ((IPEndPoint)listener.LocalEndpoint).Address;
        var boundHost = bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound}]" : bound.ToString();
        _hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            $"{redirectHost}:{Port}",
            $"{boundHost}:{Port}",
        };
        BaseUri = new Uri($"http://{redirectHost}:{Port}/");
    }

    /// <summary>The port bound; the one picked by the system when 0 was asked for.</summary>
    public int Port { get; }

    /// <summary>The address the browser is sent to first: <c>http://host:port/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The redirect URI registered with the provider: <c>http://host:port/callback</c>.</summary>
    public Uri CallbackUri => new(BaseUri, "callback");

    /// <summary>Binds <paramref name="address"/>; the redirect URI names <paramref name="redirectHost"/>.</summary>
    /// <exception cref="LoginException">The address is in use or cannot be bound.</exception>
    public static LoopbackListener Start(ListenAddress address, string redirectHost, ILogger log)
    {
        var listener = new TcpListener(address.Address, address.Port);

        // Another process's socket on a fixed port must make this bind fail, never share it.
        listener.ExclusiveAddressUse = true;
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            throw LoginException.PortInUse(address.ToString(), e);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw LoginException.CannotListen(address.ToString(), e);
        }

        var started = new LoopbackListener(listener, redirectHost, log);
        log.Debug("Login listener bound {Address}:{Port}", address.UriHost, started.Port);
        return started;
    }

    /// <summary>
    /// Serves requests until <paramref name="cancellationToken"/> is cancelled or the listener is
    /// disposed, each on its own task, so a slow answer never blocks the next request.
    /// </summary>
    public async Task ServeAsync(
        Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handler,
        CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var connections = new List<Task>();
        try
        {
            while (!linked.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(linked.Token).ConfigureAwait(false);
                connections.RemoveAll(task => task.IsCompleted);
                connections.Add(HandleConnectionAsync(client, handler, linked.Token));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping: the accept loop ends; connections still open finish or are cancelled.
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleConnectionAsync(
        TcpClient client,
        Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handler,
        CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
                if (head is null)
                {
                    return;
                }

                var response = await RespondAsync(head, handler, cancellationToken).ConfigureAwait(false);
                try
                {
                    await WriteAsync(stream, response, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    response.AfterWrite?.Invoke();
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException
                                           or ObjectDisposedException)
            {
                // A browser that closes a connection early (preconnects do) costs nothing.
                _log.Verbose("Login listener connection ended: {Reason}", e.GetType().Name);
            }
        }
    }

    private async Task<LoopbackResponse> RespondAsync(
        RequestHead head,
        Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handler,
        CancellationToken cancellationToken)
    {
        if (head.Host is null || !_hosts.Contains(head.Host))
        {
            _log.Debug("Login listener refused a request for host {Host}", head.Host);
            return LoopbackResponse.MisdirectedRequest();
        }

        // GET alone: a HEAD or a prefetch must never consume the one callback a login accepts.
        if (head.Method != "GET")
        {
            return LoopbackResponse.MethodNotAllowed();
        }

        return await handler(new LoopbackRequest(head.Method, head.Target), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RequestHead?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestReadTimeout);
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return RequestHead.Parse(Encoding.Latin1.GetString(buffer, 0, end));
            }
        }

        return null;
    }

    private static async Task WriteAsync(
        NetworkStream stream, LoopbackResponse response, CancellationToken cancellationToken)
    {
        var body = response.Html is null ? [] : Encoding.UTF8.GetBytes(response.Html);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(response.Reason).Append("\r\n")
            .Append("Content-Type: text/html; charset=utf-8\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("Pragma: no-cache\r\n")
            .Append("Referrer-Policy: no-referrer\r\n")
            .Append("Content-Security-Policy: ").Append(ContentSecurityPolicy).Append("\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n")
            .Append("X-Frame-Options: DENY\r\n")
            .Append("Connection: close\r\n");
        if (response.Location is not null)
        {
            head.Append("Location: ").Append(response.Location.AbsoluteUri).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record RequestHead(string Method, string Target, string? Host)
    {
        public static RequestHead? Parse(string text)
        {
            var lines = text.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !requestLine[1].StartsWith('/'))
            {
                return null;
            }

            string? host = null;
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("host", StringComparison.OrdinalIgnoreCase))
                {
                    // Two Host headers make the request ambiguous; refuse it like a wrong one.
                    host = host is null ? line[(colon + 1)..].Trim() : "";
                }
            }

            return new RequestHead(requestLine[0].ToUpperInvariant(), requestLine[1], host);
        }
    }
}
