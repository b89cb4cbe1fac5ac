namespace KubeKey.Cache.MacKeychain.Tests;

public sealed class KeychainErrorsTests
{
    [Theory]
    [InlineData(KeychainStatus.InteractionNotAllowed, "cannot be shown here")]
    [InlineData(KeychainStatus.UserCanceled, "choose Allow")]
    [InlineData(KeychainStatus.AuthFailed, "Access Control")]
    [InlineData(KeychainStatus.NoSuchKeychain, "default-keychain")]
    [InlineData(KeychainStatus.NotAvailable, "default-keychain")]
    [InlineData(KeychainStatus.ReadOnly, "read-only")]
    [InlineData(-34018, "security error -34018")]
    public void For_Status_SaysWhatFailedAndHowToGoOn(int status, string expected)
    {
        var exception = KeychainErrors.For(status, "store", "kubekey: https://issuer (cli)");

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("kubekey: https://issuer (cli)", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotMacOS_Always_NamesTheAlternatives()
    {
        var exception = KeychainErrors.NotMacOS();

        Assert.Contains("only on macOS", exception.Message, StringComparison.Ordinal);
        Assert.Contains("KubeKey.Cache.File", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimedOut_Timeout_NamesTheSecondsAndTheWayOut()
    {
        var exception = KeychainErrors.TimedOut(TimeSpan.FromMinutes(2));

        Assert.Contains("120 seconds", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"never\"", exception.Message, StringComparison.Ordinal);
    }
}
