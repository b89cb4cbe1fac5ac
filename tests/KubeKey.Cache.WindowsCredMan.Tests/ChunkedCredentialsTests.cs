using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.WindowsCredMan.Tests;

public sealed class ChunkedCredentialsTests
{
    private const string Key = "00ff";
    private readonly FakeCredentialStore _store = new();
    private readonly RecordingLog _log = new();
    private readonly CredentialTargets _targets = new();
    private readonly ChunkedCredentials _credentials;

    public ChunkedCredentialsTests()
    {
        _credentials = new ChunkedCredentials(_store, _targets, _log);
    }

    [Fact]
    public void Write_PayloadThatFitsOneBlob_StoresOnlyTheHead()
    {
        var payload = Payload(ChunkedCredentials.MaxBlobSize - HeadRecord.InlineOverhead, seed: 1);

        _credentials.Write(Key, "label", payload);

        Assert.Equal(["kubekey:00ff"], _store.Targets);
        Assert.Equal(payload, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_PayloadOneByteOverInline_MovesToOnePart()
    {
        var payload = Payload(ChunkedCredentials.MaxBlobSize - HeadRecord.InlineOverhead + 1, seed: 2);

        _credentials.Write(Key, "label", payload);

        Assert.Single(PartsOf(Key));
        Assert.Equal(payload, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_PayloadOneByteOverOneBlob_SplitsIntoTwoParts()
    {
        var payload = Payload(ChunkedCredentials.MaxBlobSize + 1, seed: 30);

        _credentials.Write(Key, "label", payload);

        Assert.Equal(2, PartsOf(Key).Count);
        Assert.Equal(payload, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_SixteenKilobytes_StaysWithinTheBlobLimitAndReassembles()
    {
        var payload = Payload(16 * 1024 + 77, seed: 3);

        _credentials.Write(Key, "label", payload);

        Assert.Equal(7, PartsOf(Key).Count);
        Assert.Equal(ChunkedCredentials.MaxBlobSize, _store.LargestBlobWritten);
        Assert.Equal(payload, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_LargeThenSmall_LeavesNoParts()
    {
        _credentials.Write(Key, "label", Payload(12_000, seed: 4));
        var small = Payload(100, seed: 5);

        _credentials.Write(Key, "label", small);

        Assert.Empty(PartsOf(Key));
        Assert.Equal(small, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_SmallThenLarge_KeepsOnlyTheNewGeneration()
    {
        _credentials.Write(Key, "label", Payload(100, seed: 6));
        var large = Payload(9_000, seed: 7);

        _credentials.Write(Key, "label", large);

        Assert.Equal(4, PartsOf(Key).Count);
        Assert.Single(GenerationsOf(Key));
        Assert.Equal(large, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_LargeOverLarge_UsesAFreshGenerationAndDeletesTheOld()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 8));
        var before = GenerationsOf(Key).Single();
        var second = Payload(6_000, seed: 9);

        _credentials.Write(Key, "label", second);

        var after = GenerationsOf(Key).Single();
        Assert.NotEqual(before, after);
        Assert.Equal(3, PartsOf(Key).Count);
        Assert.Equal(second, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_HeadWriteFails_KeepsOldPayloadAndRemovesNewParts()
    {
        var old = Payload(8_000, seed: 10);
        _credentials.Write(Key, "label", old);
        var oldParts = PartsOf(Key);
        _store.Fault = (operation, target) => operation == "write" && target == "kubekey:00ff" ? 1312 : null;

        var thrown = Assert.Throws<TokenCacheException>(() => _credentials.Write(Key, "label", Payload(9_000, 11)));

        _store.Fault = null;
        Assert.Contains("logon session", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(oldParts, PartsOf(Key));
        Assert.Equal(old, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_PartWriteFails_KeepsOldPayloadAndRemovesNewParts()
    {
        var old = Payload(3_000, seed: 12);
        _credentials.Write(Key, "label", old);
        var oldParts = PartsOf(Key);
        _store.Fault = (operation, target) => operation == "write" && target.EndsWith(":2", StringComparison.Ordinal)
            ? Win32Error.AccessDenied
            : null;

        Assert.Throws<TokenCacheException>(() => _credentials.Write(Key, "label", Payload(9_000, seed: 13)));

        _store.Fault = null;
        Assert.Equal(oldParts, PartsOf(Key));
        Assert.Equal(old, _credentials.Read(Key).Payload);
    }

    [Fact]
    public void Write_StaleCleanupFails_StillStoresAndNextWriteCleansUp()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 14));
        _store.Fault = (operation, _) => operation == "delete" ? Win32Error.AccessDenied : null;
        var second = Payload(5_500, seed: 15);

        _credentials.Write(Key, "label", second);
        var generationsWhileFailing = GenerationsOf(Key).Count;
        _store.Fault = null;
        _credentials.Write(Key, "label", second);

        Assert.Equal(2, generationsWhileFailing);
        Assert.Single(GenerationsOf(Key));
        Assert.Equal(second, _credentials.Read(Key).Payload);
        Assert.Contains(_log.Lines, l => l.Level == "debug" && l.Message.Contains("stale", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Read_WriterInterleavedAtAnyStep_ReturnsOldOrNewWhole(int readsBeforeWrite)
    {
        var old = Payload(11_000, seed: 16);
        var replacement = Payload(7_000, seed: 17);
        _credentials.Write(Key, "label", old);
        var reads = 0;
        _store.BeforeRead = _ =>
        {
            if (reads++ == readsBeforeWrite)
            {
                _credentials.Write(Key, "label", replacement);
            }
        };

        var result = _credentials.Read(Key);

        Assert.Null(result.Problem);
        Assert.True(
            result.Payload.AsSpan().SequenceEqual(old) || result.Payload.AsSpan().SequenceEqual(replacement),
            $"The reader got {result.Payload?.Length} bytes that are neither the old nor the new payload.");
        Assert.Empty(_log.Warnings);
    }

    [Theory]
    [InlineData(100, 9_000)]
    [InlineData(9_000, 100)]
    [InlineData(11_000, 7_000)]
    public void Write_ReaderAfterEveryWriterStep_SeesOldOrNewWhole(int oldSize, int newSize)
    {
        var old = Payload(oldSize, seed: 31);
        var replacement = Payload(newSize, seed: 32);
        _credentials.Write(Key, "label", old);
        var seen = new List<byte[]?>();
        _store.AfterChange = _ => seen.Add(_credentials.Read(Key).Payload);

        _credentials.Write(Key, "label", replacement);

        Assert.NotEmpty(seen);
        Assert.All(seen, payload => Assert.True(
            payload.AsSpan().SequenceEqual(old) || payload.AsSpan().SequenceEqual(replacement),
            "A reader between two writer steps got neither the old nor the new payload."));
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public void Read_HeadSwitchedBetweenHeadAndParts_ReturnsTheNewPayload()
    {
        _credentials.Write(Key, "label", Payload(11_000, seed: 18));
        var replacement = Payload(7_000, seed: 19);
        var switched = false;
        _store.BeforeRead = target =>
        {
            if (!switched && target.Contains(":part:", StringComparison.Ordinal))
            {
                switched = true;
                _credentials.Write(Key, "label", replacement);
            }
        };

        var result = _credentials.Read(Key);

        Assert.Equal(replacement, result.Payload);
        Assert.Equal(2, _store.Reads.Count(t => t == "kubekey:00ff"));
    }

    [Fact]
    public void Read_WriterNeverStops_GivesUpAsBroken()
    {
        _credentials.Write(Key, "label", Payload(11_000, seed: 20));
        _store.BeforeRead = RewriteBeforePart(seed: 21);

        var result = _credentials.Read(Key);

        Assert.Null(result.Payload);
        Assert.Contains("kept changing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartMissing_IsBroken()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 22));
        _store.Remove(PartsOf(Key)[1]);

        var result = _credentials.Read(Key);

        Assert.Null(result.Payload);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartChanged_FailsTheChecksum()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 23));
        var part = PartsOf(Key)[2];
        var blob = _store.BlobOf(part);
        blob[100] ^= 0x5a;
        _store.Put(part, blob);

        var result = _credentials.Read(Key);

        Assert.Null(result.Payload);
        Assert.Contains("checksum", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartTruncated_IsBroken()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 24));
        var part = PartsOf(Key)[0];
        _store.Put(part, _store.BlobOf(part)[..1000]);

        var result = _credentials.Read(Key);

        Assert.Null(result.Payload);
        Assert.Contains("fewer than", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeadNotKubekeys_IsBroken()
    {
        _store.Put("kubekey:00ff", "hello"u8.ToArray());

        var result = _credentials.Read(Key);

        Assert.Null(result.Payload);
        Assert.Contains("format", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoHead_IsMissing()
    {
        var result = _credentials.Read(Key);

        Assert.Same(StoredPayload.Missing, result);
    }

    [Fact]
    public void Delete_LargeEntry_RemovesHeadAndEveryPart()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 25));
        _credentials.Write("aa", "other", Payload(9_000, seed: 26));

        var removed = _credentials.Delete(Key);
        var removedAgain = _credentials.Delete(Key);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.DoesNotContain(_store.Targets, t => t.StartsWith("kubekey:00ff", StringComparison.Ordinal));
        Assert.Equal(5, _store.Targets.Count);
    }

    [Fact]
    public void Delete_PartCannotBeDeleted_Throws()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 27));
        _store.Fault = (operation, target) =>
            operation == "delete" && target.Contains(":part:", StringComparison.Ordinal)
            ? Win32Error.AccessDenied
            : null;

        var thrown = Assert.Throws<TokenCacheException>(() => _credentials.Delete(Key));

        Assert.Contains("denied", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListKeys_MixedCredentials_ReturnsOnlyKubekeyHeads()
    {
        _credentials.Write(Key, "label", Payload(9_000, seed: 28));
        _credentials.Write("0123", "label", Payload(10, seed: 29));
        _store.Put("github.com/metno/kubekey:kubectl@https://issuer", [1]);
        _store.Put("kubekey:not-a-key", [1]);

        var keys = _credentials.ListKeys();

        Assert.Equal(["00ff", "0123"], keys.Order());
    }

    [Fact]
    public void ListKeys_NothingStored_ReturnsEmpty()
    {
        var keys = _credentials.ListKeys();

        Assert.Empty(keys);
    }

    private Action<string> RewriteBeforePart(byte seed) => target =>
    {
        if (target.Contains(":part:", StringComparison.Ordinal))
        {
            _store.BeforeRead = null;
            _credentials.Write(Key, "label", Payload(6_000, seed));
            _store.BeforeRead = RewriteBeforePart((byte)(seed + 1));
        }
    };

    private List<string> PartsOf(string key) =>
        [.. _store.Targets.Where(t => t.StartsWith($"kubekey:{key}:part:", StringComparison.Ordinal)).Order()];

    private HashSet<string> GenerationsOf(string key) =>
        [.. PartsOf(key).Select(t => t.Split(':')[3])];

    private static byte[] Payload(int size, byte seed)
    {
        var payload = new byte[size];
        new Random(seed).NextBytes(payload);
        return payload;
    }
}
