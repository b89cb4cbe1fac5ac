using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeKey.Host.Net;

namespace KubeKey.Host.Tests.Net;

public sealed class ExtraRootsValidatorTests
{
    [Fact]
    public void Validate_SystemCheckPassed_AcceptsWithoutTheExtraCas()
    {
        using var unrelated = TestCertificates.CreateAuthority("kubekey-unrelated-ca");
        using var authority = TestCertificates.CreateAuthority("kubekey-test-ca");
        using var server = TestCertificates.IssueServer(authority);
        var validator = new ExtraRootsValidator([unrelated]);

        var accepted = validator.Validate(this, server, null, SslPolicyErrors.None);

        Assert.True(accepted);
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(
        SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable)]
    public void Validate_ErrorBesidesTheChain_RefusesEvenFromATrustedCa(SslPolicyErrors errors)
    {
        using var authority = TestCertificates.CreateAuthority("kubekey-test-ca");
        using var server = TestCertificates.IssueServer(authority);
        var validator = new ExtraRootsValidator([authority]);

        var accepted = validator.Validate(this, server, null, errors);

        Assert.False(accepted);
    }

    [Fact]
    public void Validate_UntrustedChainFromAnExtraCa_Accepts()
    {
        using var authority = TestCertificates.CreateAuthority("kubekey-test-ca");
        using var server = TestCertificates.IssueServer(authority);
        var validator = new ExtraRootsValidator([authority]);

        var accepted = validator.Validate(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors);

        Assert.True(accepted);
    }

    [Fact]
    public void Validate_NoCertificate_Refuses()
    {
        using var authority = TestCertificates.CreateAuthority("kubekey-test-ca");
        var validator = new ExtraRootsValidator(new X509Certificate2Collection(authority));

        var accepted = validator.Validate(this, null, null, SslPolicyErrors.RemoteCertificateChainErrors);

        Assert.False(accepted);
    }
}
