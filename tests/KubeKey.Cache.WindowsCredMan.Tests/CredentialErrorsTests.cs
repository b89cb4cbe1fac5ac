
namespace KubeKey.Cache.WindowsCredMan.Tests;

public sealed class CredentialErrorsTests
{
    [Theory]
    [InlineData(Win32Error.NoSuchLogonSession, "no credential store")]
    [InlineData(Win32Error.AccessDenied, "denied access")]
    [InlineData(Win32Error.InvalidParameter, "kubekey bug")]
    [InlineData(Win32Error.BadUserName, "kubekey bug")]
    [InlineData(1783, "Win32 error 1783")]
    public void For_Error_SaysWhatFailedAndHowToGoOn(int error, string expected)
    {
        var exception = CredentialErrors.For(error, "write", "kubekey:ab12");

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("write", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"kubekey:ab12\"", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotWindows_Always_NamesTheAlternatives()
    {
        var exception = CredentialErrors.NotWindows();

        Assert.Contains("only on Windows", exception.Message, StringComparison.Ordinal);
        Assert.Contains("KubeKey.Cache.File", exception.Message, StringComparison.Ordinal);
    }
}
