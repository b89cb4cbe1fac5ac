using System.Runtime.Versioning;
using KubeKey.Cache.MacKeychain.Native;

namespace KubeKey.Cache.MacKeychain;

/// <summary>
/// <see cref="IKeychain"/> on Security.framework's SecItem functions, in the user's default
/// (login) keychain: the same place the <c>security</c> tool, and so go-keyring, writes.
/// Every CoreFoundation object a call creates or receives is released when the call ends.
/// </summary>
[SupportedOSPlatform("macos")]
internal sealed class SecurityFrameworkKeychain : IKeychain
{
    private readonly SecurityConstants _k = new();
    private readonly bool _allowPrompts;

    /// <param name="allowPrompts">
    /// When false, a call that would need a prompt fails at once with errSecInteractionNotAllowed.
    /// </param>
    public SecurityFrameworkKeychain(bool allowPrompts)
    {
        _allowPrompts = allowPrompts;
    }

    public KeychainResult<byte[]> Find(string service, string account)
    {
        using var scope = new CFScope();
        var pairs = ItemQuery(scope, service, account);
        pairs.Add((_k.ReturnData, _k.BooleanTrue));
        pairs.Add((_k.MatchLimit, _k.MatchLimitOne));

        var status = SecurityFramework.SecItemCopyMatching(scope.Dictionary(_k, pairs), out var result);
        if (status != KeychainStatus.Success)
        {
            return KeychainResult<byte[]>.Failed(status);
        }

        scope.Own(result);
        return CoreFoundation.Is(result, CoreFoundation.CFDataGetTypeID())
            ? KeychainResult<byte[]>.Ok(CoreFoundation.ToManagedBytes(result))
            : KeychainResult<byte[]>.Ok([]);
    }

    public int Add(string service, string account, string label, byte[] secret)
    {
        using var scope = new CFScope();

        // SecItemAdd takes no authentication-UI key: adding to an unlocked keychain never prompts.
        List<(nint, nint)> attributes =
        [
            (_k.Class, _k.ClassGenericPassword),
            (_k.AttrService, scope.String(service)),
            (_k.AttrAccount, scope.String(account)),
            (_k.AttrLabel, scope.String(label)),
            (_k.ValueData, scope.Data(secret)),
        ];
        return SecurityFramework.SecItemAdd(scope.Dictionary(_k, attributes), 0);
    }

    public int Update(string service, string account, string label, byte[] secret)
    {
        using var scope = new CFScope();
        var query = scope.Dictionary(_k, ItemQuery(scope, service, account));
        var changes = scope.Dictionary(_k, [(_k.AttrLabel, scope.String(label)), (_k.ValueData, scope.Data(secret))]);

        return SecurityFramework.SecItemUpdate(query, changes);
    }

    public int Delete(string service, string account)
    {
        using var scope = new CFScope();

        return SecurityFramework.SecItemDelete(scope.Dictionary(_k, ItemQuery(scope, service, account)));
    }

    public KeychainResult<IReadOnlyList<string>> ListAccounts(string service)
    {
        using var scope = new CFScope();
        var pairs = ItemQuery(scope, service, account: null);
        pairs.Add((_k.ReturnAttributes, _k.BooleanTrue));
        pairs.Add((_k.MatchLimit, _k.MatchLimitAll));

        var status = SecurityFramework.SecItemCopyMatching(scope.Dictionary(_k, pairs), out var result);
        if (status != KeychainStatus.Success)
        {
            return KeychainResult<IReadOnlyList<string>>.Failed(status);
        }

        scope.Own(result);
        var accounts = new List<string>();
        if (CoreFoundation.Is(result, CoreFoundation.CFArrayGetTypeID()))
        {
            var count = CoreFoundation.CFArrayGetCount(result);
            for (nint i = 0; i < count; i++)
            {
                // Values got from a container are borrowed, not owned: no release.
                var item = CoreFoundation.CFArrayGetValueAtIndex(result, i);
                if (CoreFoundation.Is(item, CoreFoundation.CFDictionaryGetTypeID()))
                {
                    var account = CoreFoundation.CFDictionaryGetValue(item, _k.AttrAccount);
                    if (CoreFoundation.Is(account, CoreFoundation.CFStringGetTypeID()))
                    {
                        accounts.Add(CoreFoundation.ToManagedString(account));
                    }
                }
            }
        }

        return KeychainResult<IReadOnlyList<string>>.Ok(accounts);
    }

    private List<(nint Key, nint Value)> ItemQuery(CFScope scope, string service, string? account)
    {
        List<(nint Key, nint Value)> pairs =
        [
            (_k.Class, _k.ClassGenericPassword),
            (_k.AttrService, scope.String(service)),
        ];
        if (account is not null)
        {
            pairs.Add((_k.AttrAccount, scope.String(account)));
        }

        if (!_allowPrompts)
        {
            pairs.Add((_k.UseAuthenticationUI, _k.UseAuthenticationUIFail));
        }

        return pairs;
    }
}
