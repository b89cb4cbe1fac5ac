using System.Globalization;
using System.Text.Json;

namespace KubeKey.Core.Exec;

/// <summary>
/// The one writer of stdout. It writes exactly one ExecCredential and refuses a second, so no
/// path can put anything else where kubectl reads the credential.
/// </summary>
public sealed class ExecCredentialWriter
{
    private readonly Stream _stdout;
    private int _written;

    /// <param name="stdout">The process's standard output, or a buffer in tests.</param>
    public ExecCredentialWriter(Stream stdout)
    {
        _stdout = stdout;
    }

    /// <summary>Whether the credential was written.</summary>
    public bool HasWritten => Volatile.Read(ref _written) != 0;

    /// <summary>Writes the credential: the token and when kubectl should ask again.</summary>
    /// <exception cref="InvalidOperationException">A credential was written already.</exception>
    public void Write(string apiVersion, string token, DateTimeOffset expirationTimestamp)
    {
        if (Interlocked.Exchange(ref _written, 1) != 0)
        {
            throw new InvalidOperationException("The ExecCredential was written already; stdout takes exactly one.");
        }

        using (var writer = new Utf8JsonWriter(_stdout))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteString("kind", "ExecCredential");
            writer.WriteStartObject("status");
            writer.WriteString("token", token);

            // RFC 3339 in UTC with whole seconds, the form client-go's metav1.Time parses.
            writer.WriteString(
                "expirationTimestamp",
                expirationTimestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        _stdout.WriteByte((byte)'\n');
        _stdout.Flush();
    }
}
