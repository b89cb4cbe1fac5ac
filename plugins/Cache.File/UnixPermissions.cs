using Microsoft.Win32.SafeHandles;

namespace KubeKey.Cache.File;

/// <summary>
/// The owner-only modes the cache and key files get, and the check that refuses looser ones.
/// Windows has no such modes (its profile folders are private by ACL), so every method here is a
/// no-op there.
/// </summary>
internal static class UnixPermissions
{
    /// <summary>Mode 600: the owner reads and writes, nobody else does anything.</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Mode 700: the owner lists, enters and changes the folder; nobody else.</summary>
    public const UnixFileMode PrivateFolder =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The file's mode when it grants group or others anything; otherwise null.</summary>
    /// <remarks>Reads the mode from the open handle: that of the very file being read.</remarks>
    public static UnixFileMode? TooOpenMode(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = System.IO.File.GetUnixFileMode(handle);
        return (mode & GroupOrOther) != 0 ? mode : null;
    }

    /// <summary>Creates <paramref name="path"/> and its missing parents with mode 700.</summary>
    /// <remarks>An existing folder keeps its mode: the person may have chosen it.</remarks>
    public static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, PrivateFolder);
        }
    }

    /// <summary>Options that create a new file to write, mode 600 from the first byte.</summary>
    public static FileStreamOptions NewPrivateFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        return options;
    }

    /// <summary>The mode as the four octal digits chmod prints, e.g. "0644".</summary>
    public static string Format(UnixFileMode mode) =>
        "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
