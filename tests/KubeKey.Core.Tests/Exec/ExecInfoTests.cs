using System.Text.Json;
using KubeKey.Core.Errors;
using KubeKey.Core.Exec;

namespace KubeKey.Core.Tests.Exec;

public sealed class ExecInfoTests
{
    [Theory]
    [InlineData("client.authentication.k8s.io/v1", true)]
    [InlineData("client.authentication.k8s.io/v1", false)]
    [InlineData("client.authentication.k8s.io/v1beta1", true)]
    [InlineData("client.authentication.k8s.io/v1beta1", false)]
    public void Parse_KnownApiVersion_TakesVersionAndInteractive(string version, bool interactive)
    {
        var json = $$$"""
            {"kind":"ExecCredential","apiVersion":"{{{version}}}",
             "spec":{"interactive":{{{(interactive ? "true" : "false")}}}}}
            """;

        var info = ExecInfo.Parse(json, stdinIsTerminal: !interactive);

        Assert.Equal(version, info.ApiVersion);
        Assert.Equal(interactive, info.Interactive);
        Assert.True(info.FromKubectl);
        Assert.Null(info.ClusterServer);
    }

    [Fact]
    public void Parse_ClusterInfoProvided_TakesServer()
    {
        const string json = """
            {"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1",
             "spec":{"interactive":false,"cluster":{"server":"https://10.0.0.1:6443",
             "certificate-authority-data":"LS0t","config":{"audience":"k8s"}}}}
            """;

        var info = ExecInfo.Parse(json, stdinIsTerminal: false);

        Assert.Equal("https://10.0.0.1:6443", info.ClusterServer);
    }

    [Fact]
    public void Parse_NoSpec_NotInteractive()
    {
        var info = ExecInfo.Parse("""{"apiVersion":"client.authentication.k8s.io/v1beta1"}""", stdinIsTerminal: true);

        Assert.Equal(ExecInfo.V1Beta1, info.ApiVersion);
        Assert.False(info.Interactive);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("  ", false)]
    public void Parse_UnsetOrEmpty_V1AndInteractiveWhenStdinIsTerminal(string? value, bool terminal)
    {
        var info = ExecInfo.Parse(value, terminal);

        Assert.Equal(ExecInfo.V1, info.ApiVersion);
        Assert.Equal(terminal, info.Interactive);
        Assert.False(info.FromKubectl);
        Assert.Null(info.ClusterServer);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"apiVersion\":\"client.authentication.k8s.io/v1\",}")]
    public void Parse_MalformedJson_ThrowsSayingNotValidJson(string value)
    {
        var error = ParseFailure(value);

        Assert.Contains("KUBERNETES_EXEC_INFO", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("""[{"apiVersion":"client.authentication.k8s.io/v1"}]""")]
    [InlineData("\"client.authentication.k8s.io/v1\"")]
    [InlineData("42")]
    public void Parse_NotAnObject_ThrowsSayingSo(string value)
    {
        var error = ParseFailure(value);

        Assert.Contains("not a JSON object", error.Message, StringComparison.Ordinal);
        Assert.Contains("unset it to run kubekey by hand", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"ExecCredential","spec":{"interactive":true}}""")]
    [InlineData("""{"kind":"ExecCredential","apiVersion":1}""")]
    [InlineData("""{"kind":"ExecCredential","apiVersion":null}""")]
    public void Parse_NoApiVersion_ThrowsSayingSo(string value)
    {
        var error = ParseFailure(value);

        Assert.Contains("has no apiVersion", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client.authentication.k8s.io/v1alpha1")]
    [InlineData("client.authentication.k8s.io/v2")]
    [InlineData("CLIENT.AUTHENTICATION.K8S.IO/V1")]
    public void Parse_UnknownApiVersion_ThrowsNamingItAndTheSupportedOnes(string apiVersion)
    {
        var json = $$$"""{"kind":"ExecCredential","apiVersion":"{{{apiVersion}}}","spec":{}}""";

        var error = ParseFailure(json);

        Assert.Contains($"'{apiVersion}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("exec.apiVersion", error.Message, StringComparison.Ordinal);
        Assert.Contains(ExecInfo.V1 + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains(ExecInfo.V1Beta1, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    private static ExecInfoException ParseFailure(string value) =>
        Assert.Throws<ExecInfoException>(() => ExecInfo.Parse(value, stdinIsTerminal: false));
}
