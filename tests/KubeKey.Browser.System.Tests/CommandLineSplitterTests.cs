namespace KubeKey.Browser.System.Tests;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("firefox", new[] { "firefox" })]
    [InlineData("  firefox   --new-window\t{url} ", new[] { "firefox", "--new-window", "{url}" })]
    [InlineData("'/opt/My Browser/run' --flag", new[] { "/opt/My Browser/run", "--flag" })]
    [InlineData("\"/opt/My Browser/run\" \"a \\\"b\\\" \\\\ \\x\"", new[] { "/opt/My Browser/run", "a \"b\" \\ \\x" })]
    [InlineData("/opt/My\\ Browser/run", new[] { "/opt/My Browser/run" })]
    [InlineData("a''b '' c", new[] { "ab", "", "c" })]
    [InlineData("chromium '--app=$HOME;rm -rf /' `id`", new[] { "chromium", "--app=$HOME;rm -rf /", "`id`" })]
    public void Split_UnixRules_ReturnsWords(string commandLine, string[] expected)
    {
        var words = CommandLineSplitter.Split(commandLine, backslashEscapes: true);

        Assert.Equal(expected, words);
    }

    [Fact]
    public void Split_WindowsPathWithoutBackslashEscapes_KeepsBackslashes()
    {
        var commandLine = "\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" -new-tab {url}";

        var words = CommandLineSplitter.Split(commandLine, backslashEscapes: false);

        Assert.Equal(["C:\\Program Files\\Mozilla Firefox\\firefox.exe", "-new-tab", "{url}"], words);
    }

    [Theory]
    [InlineData("firefox 'unclosed")]
    [InlineData("firefox \"unclosed")]
    [InlineData("firefox trailing\\")]
    public void Split_MalformedText_ThrowsFormatExceptionQuotingIt(string commandLine)
    {
        var error = Assert.Throws<FormatException>(
            () => CommandLineSplitter.Split(commandLine, backslashEscapes: true));

        Assert.Contains(commandLine, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_EmptyText_ReturnsNoWords()
    {
        var words = CommandLineSplitter.Split("   ", backslashEscapes: true);

        Assert.Empty(words);
    }
}
