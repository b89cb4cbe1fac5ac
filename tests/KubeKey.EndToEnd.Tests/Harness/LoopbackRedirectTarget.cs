using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>
/// A bare redirect target on 127.0.0.1 standing in for kubekey's listener, so the harness can be proven
/// without kubekey: it answers the first <c>/callback</c> with a small page and hands over its parameters.
/// </summary>
internal sealed class LoopbackRedirectTarget : IDisposable
{
    /// <summary>A header the callback page carries, so tests can tell its answer from the provider's.</summary>
    public const string MarkerHeader = "X-Harness-Callback";

    private readonly HttpListener _listener;

    private LoopbackRedirectTarget(HttpListener listener, int port)
    {
        _listener = listener;
        RedirectUri = $"http://127.0.0.1:{port}/callback";
    }

    /// <summary>The redirect URI to register in the authorization request.</summary>
    public string RedirectUri { get; }

    /// <summary>Listens on a free port.</summary>
    public static LoopbackRedirectTarget Start()
    {
        // HttpListener cannot bind port 0: take a free port from the OS and retry if another
        // process grabs it first.
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackRedirectTarget(listener, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Waits for the callback, answers it and returns its query parameters.</summary>
    /// <exception cref="TimeoutException">No callback arrived in time.</exception>
    public async Task<IReadOnlyDictionary<string, string>> WaitForCallbackAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var context = await _listener.GetContextAsync().WaitAsync(deadline - DateTimeOffset.UtcNow);
            if (context.Request.Url?.AbsolutePath != "/callback")
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }

            var query = QueryHelpers.ParseQuery(context.Request.Url.Query);
            await AnswerAsync(context.Response);
            return query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Close();

    private static async Task AnswerAsync(HttpListenerResponse response)
    {
        var body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>Callback received.</p></body></html>");
        response.StatusCode = 200;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers[MarkerHeader] = "1";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }
}
