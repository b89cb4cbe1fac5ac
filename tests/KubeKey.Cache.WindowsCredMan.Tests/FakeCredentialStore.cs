
namespace KubeKey.Cache.WindowsCredMan.Tests;

/// <summary>
/// An in-memory Credential Manager that keeps the real one's rules (blob limit, "prefix*"
/// filters, ERROR_NOT_FOUND), can fail chosen calls, and can run code before a read so a test
/// can slip a writer in between a reader's steps.
/// </summary>
internal sealed class FakeCredentialStore : ICredentialStore
{
    private readonly Dictionary<string, (byte[] Blob, string Comment)> _credentials = new(StringComparer.Ordinal);
    private readonly List<string> _reads = [];

    /// <summary>Called with the target before each read; may change the store.</summary>
    public Action<string>? BeforeRead { get; set; }

    /// <summary>Called with the target after each successful write or delete.</summary>
    public Action<string>? AfterChange { get; set; }

    /// <summary>Returns a Win32 error for (operation, target) to fail that call, or null to let it run.</summary>
    public Func<string, string, int?>? Fault { get; set; }

    public IReadOnlyCollection<string> Targets => _credentials.Keys;

    public IReadOnlyList<string> Reads => _reads;

    public int LargestBlobWritten { get; private set; }

    public byte[] BlobOf(string target) => _credentials[target].Blob;

    public string CommentOf(string target) => _credentials[target].Comment;

    public void Put(string target, byte[] blob) => _credentials[target] = (blob, string.Empty);

    public void Remove(string target) => _credentials.Remove(target);

    public CredentialResult<byte[]> Read(string target)
    {
        BeforeRead?.Invoke(target);
        _reads.Add(target);
        if (Fault?.Invoke("read", target) is { } error)
        {
            return CredentialResult<byte[]>.Failed(error);
        }

        return _credentials.TryGetValue(target, out var credential)
            ? CredentialResult<byte[]>.Ok([.. credential.Blob])
            : CredentialResult<byte[]>.Failed(Win32Error.NotFound);
    }

    public int Write(string target, string comment, byte[] blob)
    {
        if (Fault?.Invoke("write", target) is { } error)
        {
            return error;
        }

        if (blob.Length > ChunkedCredentials.MaxBlobSize || comment.Length > 256)
        {
            return Win32Error.InvalidParameter;
        }

        LargestBlobWritten = Math.Max(LargestBlobWritten, blob.Length);
        _credentials[target] = ([.. blob], comment);
        AfterChange?.Invoke(target);
        return Win32Error.Success;
    }

    public int Delete(string target)
    {
        if (Fault?.Invoke("delete", target) is { } error)
        {
            return error;
        }

        if (!_credentials.Remove(target))
        {
            return Win32Error.NotFound;
        }

        AfterChange?.Invoke(target);
        return Win32Error.Success;
    }

    public CredentialResult<IReadOnlyList<string>> Enumerate(string filter)
    {
        if (Fault?.Invoke("enumerate", filter) is { } error)
        {
            return CredentialResult<IReadOnlyList<string>>.Failed(error);
        }

        // CredEnumerateW accepts one trailing '*' only.
        if (!filter.EndsWith('*') || filter.IndexOf('*', StringComparison.Ordinal) != filter.Length - 1)
        {
            return CredentialResult<IReadOnlyList<string>>.Failed(Win32Error.InvalidParameter);
        }

        var prefix = filter[..^1];
        var matches = _credentials.Keys.Where(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 0
            ? CredentialResult<IReadOnlyList<string>>.Failed(Win32Error.NotFound)
            : CredentialResult<IReadOnlyList<string>>.Ok(matches);
    }
}
