using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using KubeKey.Core.Errors;
using KubeKey.Core.Settings;
using KubeKey.Host.Net;
using KubeKey.Testing;

namespace KubeKey.Host.Tests.Net;

public sealed class ProviderHttpTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly X509Certificate2 _authority = TestCertificates.CreateAuthority("kubekey-test-ca");

    public void Dispose()
    {
        _authority.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task CreateClient_NoExtraCa_RefusesAServerFromAPrivateCa()
    {
        await using var server = await StartServerAsync();
        using var client = ProviderHttp.CreateClient(Settings());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task CreateClient_CaFromAFile_TrustsTheServer()
    {
        await using var server = await StartServerAsync();
        var file = WriteFile("ca.pem", TestCertificates.Pem(_authority));
        using var client = ProviderHttp.CreateClient(Settings(files: [file]));

        var body = await client.GetStringAsync(server.Url);

        Assert.Equal(TlsTestServer.Body, body);
    }

    [Fact]
    public async Task CreateClient_CaAsBase64Data_TrustsTheServer()
    {
        await using var server = await StartServerAsync();
        using var client = ProviderHttp.CreateClient(WithData(_authority));

        var body = await client.GetStringAsync(server.Url);

        Assert.Equal(TlsTestServer.Body, body);
    }

    [Fact]
    public async Task CreateClient_CaInABundleWithOthers_TrustsTheServer()
    {
        await using var server = await StartServerAsync();
        using var other = TestCertificates.CreateAuthority("kubekey-other-ca");
        var file = WriteFile("bundle.pem", TestCertificates.Pem(other) + TestCertificates.Pem(_authority));
        using var client = ProviderHttp.CreateClient(Settings(files: [file]));

        var body = await client.GetStringAsync(server.Url);

        Assert.Equal(TlsTestServer.Body, body);
    }

    [Fact]
    public async Task CreateClient_UnrelatedCa_RefusesTheServer()
    {
        await using var server = await StartServerAsync();
        using var unrelated = TestCertificates.CreateAuthority("kubekey-unrelated-ca");
        using var client = ProviderHttp.CreateClient(WithData(unrelated));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task CreateClient_NameDoesNotMatchEvenWithTheCa_RefusesTheServer()
    {
        await using var server = await StartServerAsync(dnsName: "provider.example");
        using var client = ProviderHttp.CreateClient(WithData(_authority));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public void CreateHandler_MissingFile_NamesTheSettingAndTheFile()
    {
        var file = _temp.Combine("nowhere", "ca.pem");

        var error = Assert.Throws<ConfigurationException>(
            () => ProviderHttp.CreateHandler(Settings(files: [file])));

        AssertOneLine(error, "certificateAuthorities", $"'{file}'", "does not exist");
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void CreateHandler_UnreadableFile_NamesTheSettingAndTheFile()
    {
        // A folder cannot be read as a file, even by root, unlike a file with mode 000.
        var folder = _temp.Combine("ca.pem");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<ConfigurationException>(
            () => ProviderHttp.CreateHandler(Settings(files: [folder])));

        AssertOneLine(error, "certificateAuthorities", $"'{folder}'", "cannot be read");
    }

    [Theory]
    [InlineData("not a certificate at all\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    public void CreateHandler_FileWithoutACertificate_NamesTheSettingAndTheFile(string content)
    {
        var file = WriteFile("ca.pem", content);

        var error = Assert.Throws<ConfigurationException>(
            () => ProviderHttp.CreateHandler(Settings(files: [file])));

        AssertOneLine(error, "certificateAuthorities", $"'{file}'", "holds no PEM certificate");
    }

    [Fact]
    public void CreateHandler_DataNotBase64_NamesTheEntryWithoutEchoingIt()
    {
        var data = TestCertificates.Pem(_authority);

        var error = Assert.Throws<ConfigurationException>(
            () => ProviderHttp.CreateHandler(Settings(data: [Base64(_authority), data])));

        AssertOneLine(
            error, "Entry 2 of certificateAuthorityData", "'-----BEGIN C…'", "not valid base64");
        Assert.DoesNotContain(data, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHandler_DataWithoutACertificate_NamesTheEntry()
    {
        var data = Convert.ToBase64String("just text"u8.ToArray());

        var error = Assert.Throws<ConfigurationException>(
            () => ProviderHttp.CreateHandler(Settings(data: [data])));

        AssertOneLine(error, "Entry 1 of certificateAuthorityData", "holds no PEM certificate");
    }

    [Fact]
    public void CreateHandler_AnySettings_KeepsTheDefaultProxyAndBoundsTheConnect()
    {
        using var handler = ProviderHttp.CreateHandler(WithData(_authority));

        Assert.True(handler.UseProxy);
        Assert.Null(handler.Proxy);
        Assert.Equal(TimeSpan.FromSeconds(10), handler.ConnectTimeout);
    }

    [Fact]
    public void CreateHandler_NoExtraCa_LeavesThePlatformCheckAlone()
    {
        using var handler = ProviderHttp.CreateHandler(Settings());

        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
    }

    [Fact]
    public void CreateClient_AnySettings_BoundsEachRequest()
    {
        using var client = ProviderHttp.CreateClient(Settings());

        Assert.Equal(ProviderHttp.RequestTimeout, client.Timeout);
    }

    private Task<TlsTestServer> StartServerAsync(string? dnsName = null) =>
        TlsTestServer.StartAsync(TestCertificates.IssueServer(_authority, dnsName));

    private string WriteFile(string name, string content)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Base64(X509Certificate2 authority) => TestCertificates.Base64Pem(authority);

    private static KubeKeySettings WithData(X509Certificate2 authority) => Settings(data: [Base64(authority)]);

    private static KubeKeySettings Settings(string[]? files = null, string[]? data = null) => new()
    {
        CacheDirectory = "unused",
        DataDirectory = "unused",
        Browser = "unused",
        Templates = "unused",
        LogLevel = "warning",
        CertificateAuthorities = files ?? [],
        CertificateAuthorityData = data ?? [],
    };

    private static void AssertOneLine(ConfigurationException error, params string[] expected)
    {
        Assert.DoesNotContain('\n', error.Message);
        foreach (var text in expected)
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }
    }
}
