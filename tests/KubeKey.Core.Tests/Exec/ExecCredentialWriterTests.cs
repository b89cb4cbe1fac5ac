using System.Text;
using System.Text.Json;
using KubeKey.Core.Exec;

namespace KubeKey.Core.Tests.Exec;

public sealed class ExecCredentialWriterTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
    private static readonly DateTimeOffset Expiry = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Write_Once_ExactlyOneJsonObjectFollowedByNewline()
    {
        using var stdout = new MemoryStream();

        new ExecCredentialWriter(stdout).Write(ExecInfo.V1, Token, Expiry);

        var text = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Count(c => c == '\n'));
        using var document = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Theory]
    [InlineData("client.authentication.k8s.io/v1")]
    [InlineData("client.authentication.k8s.io/v1beta1")]
    public void Write_Once_CarriesApiVersionKindTokenAndExpiry(string apiVersion)
    {
        using var stdout = new MemoryStream();

        new ExecCredentialWriter(stdout).Write(apiVersion, Token, Expiry);

        using var document = JsonDocument.Parse(stdout.ToArray());
        var root = document.RootElement;
        Assert.Equal(["apiVersion", "kind", "status"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(apiVersion, root.GetProperty("apiVersion").GetString());
        Assert.Equal("ExecCredential", root.GetProperty("kind").GetString());
        var status = root.GetProperty("status");
        Assert.Equal(["token", "expirationTimestamp"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Token, status.GetProperty("token").GetString());
        Assert.Equal("2030-01-02T03:04:05Z", status.GetProperty("expirationTimestamp").GetString());
    }

    [Fact]
    public void Write_ExpiryWithOffsetAndMilliseconds_Rfc3339UtcWholeSeconds()
    {
        using var stdout = new MemoryStream();
        var local = new DateTimeOffset(2030, 6, 30, 23, 59, 58, 999, TimeSpan.FromHours(2));

        new ExecCredentialWriter(stdout).Write(ExecInfo.V1, Token, local);

        using var document = JsonDocument.Parse(stdout.ToArray());
        var stamp = document.RootElement.GetProperty("status").GetProperty("expirationTimestamp").GetString();
        Assert.Equal("2030-06-30T21:59:58Z", stamp);
    }

    [Fact]
    public void Write_TokenWithCharactersJsonEscapes_ReadsBackUnchanged()
    {
        using var stdout = new MemoryStream();
        const string token = "a+b/c=\"d\\e<f>&";

        new ExecCredentialWriter(stdout).Write(ExecInfo.V1, token, Expiry);

        using var document = JsonDocument.Parse(stdout.ToArray());
        Assert.Equal(token, document.RootElement.GetProperty("status").GetProperty("token").GetString());
    }

    [Fact]
    public void Write_Twice_SecondThrowsAndWritesNothing()
    {
        using var stdout = new MemoryStream();
        var writer = new ExecCredentialWriter(stdout);
        writer.Write(ExecInfo.V1, Token, Expiry);
        var afterFirst = stdout.ToArray();

        var error = Assert.Throws<InvalidOperationException>(
            () => writer.Write(ExecInfo.V1, "second.token.value", Expiry));

        Assert.Equal(afterFirst, stdout.ToArray());
        Assert.DoesNotContain("second.token.value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasWritten_BeforeAndAfterWrite_FollowsTheWrite()
    {
        using var stdout = new MemoryStream();
        var writer = new ExecCredentialWriter(stdout);
        var before = writer.HasWritten;

        writer.Write(ExecInfo.V1, Token, Expiry);

        Assert.False(before);
        Assert.True(writer.HasWritten);
    }

    [Fact]
    public void Write_Once_FlushesEverythingAndLeavesTheStreamOpen()
    {
        using var stdout = new FlushRecordingStream();

        new ExecCredentialWriter(stdout).Write(ExecInfo.V1, Token, Expiry);

        Assert.Equal(stdout.Length, stdout.LengthAtLastFlush);
        Assert.True(stdout.CanWrite);
    }

    /// <summary>Records what was flushed: the trailing newline must be pushed out too.</summary>
    private sealed class FlushRecordingStream : MemoryStream
    {
        public long LengthAtLastFlush { get; private set; } = -1;

        public override void Flush()
        {
            LengthAtLastFlush = Length;
            base.Flush();
        }
    }
}
