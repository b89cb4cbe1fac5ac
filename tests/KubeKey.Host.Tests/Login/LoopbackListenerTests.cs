using System.Net;
using System.Net.Sockets;
using System.Text;
using KubeKey.Host.Login;
using Serilog;

namespace KubeKey.Host.Tests.Login;

public sealed class LoopbackListenerTests : IAsyncLifetime
{
    private static readonly ILogger Log = new LoggerConfiguration().CreateLogger();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private LoopbackListener _listener = null!;
    private Task _serving = null!;

    public Task InitializeAsync()
    {
        _listener = LoopbackListener.Start(ListenAddress.Parse("127.0.0.1:0"), "127.0.0.1", Log);
        _serving = _listener.ServeAsync(
            (request, _) => Task.FromResult(request.Path == "/ok"
                ? LoopbackResponse.Page(200, "<p>fine</p>")
                : LoopbackResponse.NotFound()),
            _stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listener.DisposeAsync();
        await _serving.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    [Fact]
    public void Start_PortZero_BindsAFreePortAndNamesTheCallback()
    {
        var port = _listener.Port;

        Assert.NotEqual(0, port);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/callback"), _listener.CallbackUri);
    }

    [Fact]
    public async Task Serve_GetWithItsOwnHost_AnswersWithTheSecurityHeaders()
    {
        var response = await SendAsync($"GET /ok HTTP/1.1\r\nHost: 127.0.0.1:{_listener.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response, StringComparison.Ordinal);
        Assert.Contains("\r\nCache-Control: no-store\r\n", response, StringComparison.Ordinal);
        Assert.Contains("\r\nReferrer-Policy: no-referrer\r\n", response, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Security-Policy: default-src 'none';", response, StringComparison.Ordinal);
        Assert.EndsWith("<p>fine</p>", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example.test")]
    [InlineData("localhost")]
    [InlineData("")]
    public async Task Serve_ForeignHostHeader_RefusedAsMisdirected(string host)
    {
        var response = await SendAsync($"GET /ok HTTP/1.1\r\nHost: {host}:{_listener.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 421 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain("fine", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_TwoHostHeaders_RefusedAsMisdirected()
    {
        var host = $"127.0.0.1:{_listener.Port}";

        var response = await SendAsync($"GET /ok HTTP/1.1\r\nHost: {host}\r\nHost: {host}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 421 ", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Serve_MethodOtherThanGet_RefusedWithMethodNotAllowed(string method)
    {
        var response = await SendAsync(
            $"{method} /ok HTTP/1.1\r\nHost: 127.0.0.1:{_listener.Port}\r\nContent-Length: 0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 405 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConnectionThatSendsNothing_DoesNotBlockTheNextRequest()
    {
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, _listener.Port);

        var response = await SendAsync($"GET /ok HTTP/1.1\r\nHost: 127.0.0.1:{_listener.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FixedPortInUse_FailsSayingSo()
    {
        var address = $"127.0.0.1:{_listener.Port}";

        var error = Assert.Throws<LoginException>(
            () => LoopbackListener.Start(ListenAddress.Parse(address), "127.0.0.1", Log));

        Assert.Contains($"cannot bind {address}: the address is in use", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("0.0.0.0:8000", "is not a loopback address")]
    [InlineData("192.0.2.1:8000", "is not a loopback address")]
    [InlineData("127.0.0.1", "is not of the form host:port")]
    [InlineData("127.0.0.1:70000", "has no port from 0 to 65535")]
    public void Parse_BadAddress_SaysWhatIsWrong(string value, string why)
    {
        var error = Assert.Throws<LoginException>(() => ListenAddress.Parse(value));

        Assert.Contains($"'{value}' {why}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:0", "127.0.0.1", 0)]
    [InlineData("[::1]:8000", "::1", 8000)]
    [InlineData("127.0.0.2:18000", "127.0.0.2", 18000)]
    public void Parse_LoopbackAddress_Accepted(string value, string address, int port)
    {
        var parsed = ListenAddress.Parse(value);

        Assert.Equal(IPAddress.Parse(address), parsed.Address);
        Assert.Equal(port, parsed.Port);
    }

    private async Task<string> SendAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _listener.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
