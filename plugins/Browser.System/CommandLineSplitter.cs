using System.Text;

namespace KubeKey.Browser.System;

/// <summary>
/// Splits a configured command line into a program and its arguments the way a POSIX shell
/// would for words and quotes, without running a shell: nothing is expanded or executed.
/// </summary>
internal static class CommandLineSplitter
{
    /// <summary>Splits <paramref name="commandLine"/> into words.</summary>
    /// <param name="commandLine">The text, e.g. <c>firefox --new-window "{url}"</c>.</param>
    /// <param name="backslashEscapes">
    /// Whether a backslash escapes the next character (Unix). On Windows it is a path separator
    /// and only double quotes group words.
    /// </param>
    /// <exception cref="FormatException">A quote is not closed or the text ends in a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commandLine, bool backslashEscapes)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\\' && backslashEscapes)
            {
                i++;
                if (i == commandLine.Length)
                {
                    throw new FormatException(TrailingBackslash(commandLine));
                }

                word.Append(commandLine[i]);
            }
            else if (c == '"' || (c == '\'' && backslashEscapes))
            {
                i = ReadQuoted(commandLine, i, word, backslashEscapes);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // Reads from the opening quote at `start` to its closing quote; returns the closing index.
    private static int ReadQuoted(string text, int start, StringBuilder word, bool backslashEscapes)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                return i;
            }

            // Inside double quotes a POSIX shell lets a backslash escape only these characters.
            if (c == '\\' && quote == '"' && backslashEscapes && i + 1 < text.Length
                && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                i++;
                c = text[i];
            }

            word.Append(c);
        }

        throw new FormatException(UnclosedQuote(text, quote));
    }

    private static string UnclosedQuote(string text, char quote) =>
        $"The browser command '{text}' has an unclosed {quote} quote; close it or remove it.";

    private static string TrailingBackslash(string text) =>
        $"The browser command '{text}' ends in a lone backslash; remove it or escape it as \\\\.";
}
