using Tmds.DBus.Protocol;
using static KubeKey.Cache.SecretService.Interop.SecretServiceNames;

namespace KubeKey.Cache.SecretService.Interop;

/// <summary>
/// Builds the method calls kubekey makes on the Secret Service, one method per D-Bus call, with
/// the argument signatures of the specification.
/// </summary>
internal static class SecretServiceMessages
{
    public static MessageBuffer OpenSession(DBusConnection bus)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, ServicePath, ServiceInterface, "OpenSession", "sv");
        writer.WriteString(PlainAlgorithm);
        writer.WriteVariantString(string.Empty);
        return writer.CreateMessage();
    }

    public static MessageBuffer SearchItems(DBusConnection bus, IReadOnlyDictionary<string, string> attributes)
    {
        var writer = bus.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Service, ServicePath, ServiceInterface, "SearchItems", "a{ss}");
            WriteAttributes(ref writer, attributes);
            return writer.CreateMessage();
        }
        finally
        {
            // A using variable cannot be passed by ref to the helpers below.
            writer.Dispose();
        }
    }

    public static MessageBuffer GetSecrets(DBusConnection bus, IReadOnlyList<string> items, string session)
    {
        var writer = bus.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Service, ServicePath, ServiceInterface, "GetSecrets", "aoo");
            WriteObjectPaths(ref writer, items);
            writer.WriteObjectPath(session);
            return writer.CreateMessage();
        }
        finally
        {
            // A using variable cannot be passed by ref to the helpers below.
            writer.Dispose();
        }
    }

    public static MessageBuffer Unlock(DBusConnection bus, IReadOnlyList<string> objects)
    {
        var writer = bus.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Service, ServicePath, ServiceInterface, "Unlock", "ao");
            WriteObjectPaths(ref writer, objects);
            return writer.CreateMessage();
        }
        finally
        {
            // A using variable cannot be passed by ref to the helpers below.
            writer.Dispose();
        }
    }

    public static MessageBuffer ReadAlias(DBusConnection bus, string alias)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, ServicePath, ServiceInterface, "ReadAlias", "s");
        writer.WriteString(alias);
        return writer.CreateMessage();
    }

    /// <summary>
    /// <c>Collection.CreateItem(a{sv} properties, (oayays) secret, b replace)</c>. With replace
    /// the service overwrites the item whose attributes match, in one step, so a reader sees the
    /// old secret or the new one.
    /// </summary>
    public static MessageBuffer CreateItem(
        DBusConnection bus,
        string collection,
        string label,
        IReadOnlyDictionary<string, string> attributes,
        string session,
        ReadOnlySpan<byte> secret,
        string contentType)
    {
        var writer = bus.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Service, collection, CollectionInterface, "CreateItem", "a{sv}(oayays)b");

            var properties = writer.WriteDictionaryStart();
            writer.WriteDictionaryEntryStart();
            writer.WriteString(ItemInterface + ".Label");
            writer.WriteVariantString(label);
            writer.WriteDictionaryEntryStart();
            writer.WriteString(ItemInterface + ".Attributes");
            writer.WriteSignature("a{ss}");
            WriteAttributes(ref writer, attributes);
            writer.WriteDictionaryEnd(properties);

            writer.WriteStructureStart();
            writer.WriteObjectPath(session);
            writer.WriteArray(ReadOnlySpan<byte>.Empty);
            writer.WriteArray(secret);
            writer.WriteString(contentType);

            writer.WriteBool(true);
            return writer.CreateMessage();
        }
        finally
        {
            // A using variable cannot be passed by ref to the helpers below.
            writer.Dispose();
        }
    }

    public static MessageBuffer DeleteItem(DBusConnection bus, string item)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, item, ItemInterface, "Delete");
        return writer.CreateMessage();
    }

    public static MessageBuffer GetItemAttributes(DBusConnection bus, string item)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, item, PropertiesInterface, "Get", "ss");
        writer.WriteString(ItemInterface);
        writer.WriteString("Attributes");
        return writer.CreateMessage();
    }

    public static MessageBuffer Prompt(DBusConnection bus, string prompt)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, prompt, PromptInterface, "Prompt", "s");

        // No window id: kubekey runs in a terminal, so the prompt is a top-level window.
        writer.WriteString(string.Empty);
        return writer.CreateMessage();
    }

    public static MessageBuffer Dismiss(DBusConnection bus, string prompt)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, prompt, PromptInterface, "Dismiss");
        return writer.CreateMessage();
    }

    public static MessageBuffer Ping(DBusConnection bus)
    {
        using var writer = bus.GetMessageWriter();
        writer.WriteMethodCallHeader(Service, ServicePath, PeerInterface, "Ping");
        return writer.CreateMessage();
    }

    private static void WriteAttributes(ref MessageWriter writer, IReadOnlyDictionary<string, string> attributes)
    {
        var start = writer.WriteDictionaryStart();
        foreach (var (name, value) in attributes)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(name);
            writer.WriteString(value);
        }

        writer.WriteDictionaryEnd(start);
    }

    private static void WriteObjectPaths(ref MessageWriter writer, IReadOnlyList<string> paths)
    {
        var start = writer.WriteArrayStart(DBusType.ObjectPath);
        foreach (var path in paths)
        {
            writer.WriteObjectPath(path);
        }

        writer.WriteArrayEnd(start);
    }
}
