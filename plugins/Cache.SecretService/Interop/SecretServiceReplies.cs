using Tmds.DBus.Protocol;

namespace KubeKey.Cache.SecretService.Interop;

/// <summary>Reads the replies of the calls in <see cref="SecretServiceMessages"/>.</summary>
internal static class SecretServiceReplies
{
    /// <summary><c>OpenSession</c> → (v output, o result): the session path.</summary>
    public static string ReadSession(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        reader.ReadVariantValue();
        return reader.ReadObjectPathAsString();
    }

    /// <summary><c>SearchItems</c> → (ao unlocked, ao locked).</summary>
    public static SearchResult ReadSearch(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var unlocked = ReadPaths(ref reader);
        var locked = ReadPaths(ref reader);
        return new SearchResult(unlocked, locked);
    }

    /// <summary><c>Unlock</c> → (ao unlocked, o prompt): the prompt path, "/" when none is needed.</summary>
    public static string ReadUnlockPrompt(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        ReadPaths(ref reader);
        return reader.ReadObjectPathAsString();
    }

    /// <summary><c>CreateItem</c> → (o item, o prompt): the prompt path, "/" when none is needed.</summary>
    public static string ReadCreatePrompt(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        reader.ReadObjectPathAsString();
        return reader.ReadObjectPathAsString();
    }

    /// <summary>A reply holding one object path (<c>ReadAlias</c>, <c>Item.Delete</c>).</summary>
    public static string ReadObjectPath(Message message, object? state) =>
        message.GetBodyReader().ReadObjectPathAsString();

    /// <summary>
    /// <c>GetSecrets</c> → a{o(oayays)}: each item's secret value. The session, parameters and
    /// content type are dropped: with the "plain" algorithm there are no parameters, and
    /// gnome-keyring answers text/plain whatever was stored.
    /// </summary>
    public static Dictionary<string, byte[]> ReadSecrets(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var secrets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            var item = reader.ReadObjectPathAsString();
            reader.AlignStruct();
            reader.ReadObjectPathAsString();
            reader.ReadArrayOfByte();
            secrets[item] = reader.ReadArrayOfByte();
            reader.ReadString();
        }

        return secrets;
    }

    /// <summary><c>Properties.Get(Item, "Attributes")</c> → v holding a{ss}.</summary>
    public static Dictionary<string, string> ReadAttributes(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        reader.ReadSignature("a{ss}");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            var name = reader.ReadString();
            attributes[name] = reader.ReadString();
        }

        return attributes;
    }

    /// <summary>The <c>Prompt.Completed</c> signal (b dismissed, v result): whether it was dismissed.</summary>
    public static bool ReadPromptDismissed(Message message, object? state) =>
        message.GetBodyReader().ReadBool();

    private static string[] ReadPaths(ref Reader reader) =>
        Array.ConvertAll(reader.ReadArrayOfObjectPath(), path => path.ToString());
}
