namespace KubeKey.Cache.MacKeychain.Tests;

/// <summary>
/// An in-memory keychain of generic password items that keeps the real one's answers
/// (errSecItemNotFound, errSecDuplicateItem), can fail or hold chosen calls, and can run code
/// after each change so a test can slip a reader in between a writer's steps.
/// </summary>
internal sealed class FakeKeychain : IKeychain
{
    private readonly Dictionary<(string Service, string Account), (string Label, byte[] Secret)> _items = [];
    private readonly Lock _lock = new();

    /// <summary>Returns an OSStatus for an operation name ("find", "add", …) to fail it, or null.</summary>
    public Func<string, int?>? Fault { get; set; }

    /// <summary>Called after each successful add, update or delete.</summary>
    public Action<string>? AfterChange { get; set; }

    /// <summary>When set, every call first waits (at most ten seconds) for this gate to open.</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public void Put(string service, string account, byte[] secret, string label = "")
    {
        lock (_lock)
        {
            _items[(service, account)] = (label, secret);
        }
    }

    public string LabelOf(string service, string account)
    {
        lock (_lock)
        {
            return _items[(service, account)].Label;
        }
    }

    public KeychainResult<byte[]> Find(string service, string account)
    {
        if (Enter("find") is { } status)
        {
            return KeychainResult<byte[]>.Failed(status);
        }

        lock (_lock)
        {
            return _items.TryGetValue((service, account), out var item)
                ? KeychainResult<byte[]>.Ok([.. item.Secret])
                : KeychainResult<byte[]>.Failed(KeychainStatus.ItemNotFound);
        }
    }

    public int Add(string service, string account, string label, byte[] secret) =>
        Change("add", () => _items.TryAdd((service, account), (label, [.. secret]))
            ? KeychainStatus.Success
            : KeychainStatus.DuplicateItem);

    public int Update(string service, string account, string label, byte[] secret) =>
        Change("update", () =>
        {
            if (!_items.ContainsKey((service, account)))
            {
                return KeychainStatus.ItemNotFound;
            }

            _items[(service, account)] = (label, [.. secret]);
            return KeychainStatus.Success;
        });

    public int Delete(string service, string account) =>
        Change("delete", () => _items.Remove((service, account))
            ? KeychainStatus.Success
            : KeychainStatus.ItemNotFound);

    public KeychainResult<IReadOnlyList<string>> ListAccounts(string service)
    {
        if (Enter("list") is { } status)
        {
            return KeychainResult<IReadOnlyList<string>>.Failed(status);
        }

        lock (_lock)
        {
            var accounts = _items.Keys.Where(k => k.Service == service).Select(k => k.Account).ToList();
            return accounts.Count == 0
                ? KeychainResult<IReadOnlyList<string>>.Failed(KeychainStatus.ItemNotFound)
                : KeychainResult<IReadOnlyList<string>>.Ok(accounts);
        }
    }

    private int? Enter(string operation)
    {
        if (Gate is { } gate && !gate.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The test never opened the fake keychain's gate.");
        }

        return Fault?.Invoke(operation);
    }

    private int Change(string operation, Func<int> change)
    {
        if (Enter(operation) is { } failure)
        {
            return failure;
        }

        int status;
        lock (_lock)
        {
            status = change();
        }

        if (status == KeychainStatus.Success)
        {
            AfterChange?.Invoke(operation);
        }

        return status;
    }
}
