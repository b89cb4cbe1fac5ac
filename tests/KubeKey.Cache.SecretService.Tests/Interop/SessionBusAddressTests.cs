using System.Net.Sockets;
using KubeKey.Cache.SecretService.Interop;
using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Testing;

namespace KubeKey.Cache.SecretService.Tests.Interop;

public sealed class SessionBusAddressTests
{
    [Fact]
    public void Resolve_AddressVariableSet_ReturnsItUnchanged()
    {
        using var temp = new TempDirectory();
        var context = new FakePluginContext(temp.Path);
        context.Environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/user/1000/bus,guid=0123";
        context.Environment["XDG_RUNTIME_DIR"] = temp.Path;

        var address = SessionBusAddress.Resolve(context);

        Assert.Equal("unix:path=/run/user/1000/bus,guid=0123", address);
    }

    [LinuxFact]
    public void Resolve_OnlyRuntimeDirWithBusSocket_ReturnsThatSocket()
    {
        using var temp = new TempDirectory();
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(temp.Combine("bus")));
        var context = new FakePluginContext(temp.Path);
        context.Environment["XDG_RUNTIME_DIR"] = temp.Path;

        var address = SessionBusAddress.Resolve(context);

        Assert.Equal("unix:path=" + temp.Combine("bus"), address);
    }

    [Fact]
    public void Resolve_RuntimeDirWithoutBusSocket_ReturnsNull()
    {
        using var temp = new TempDirectory();
        var context = new FakePluginContext(temp.Path);
        context.Environment["XDG_RUNTIME_DIR"] = temp.Path;

        var address = SessionBusAddress.Resolve(context);

        Assert.Null(address);
    }

    [Fact]
    public void Resolve_NothingSet_ReturnsNull()
    {
        using var temp = new TempDirectory();

        var address = SessionBusAddress.Resolve(new FakePluginContext(temp.Path));

        Assert.Null(address);
    }
}
