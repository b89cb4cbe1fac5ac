namespace KubeKey.Browser.System.Tests;

public sealed class BrowserCommandPlannerTests
{
    private static readonly Uri LoginUrl = new("http://127.0.0.1:38123/?a=1&b=%25x");
    private const string Target = "http://127.0.0.1:38123/?a=1&b=%25x";

    [Fact]
    public void Plan_LinuxDesktopWithoutBrowserVariable_UsesXdgOpen()
    {
        var planner = new BrowserCommandPlanner(FakeSystemProbe.LinuxDesktop());

        var plan = planner.Plan(LoginUrl);

        var only = Assert.Single(plan);
        Assert.Equal("xdg-open", only.Program);
        Assert.Equal([Target], only.Arguments);
        Assert.False(only.UseShell);
    }

    [Fact]
    public void Plan_BrowserVariableList_TriesEachEntryThenXdgOpen()
    {
        var probe = FakeSystemProbe.LinuxDesktop();
        probe.Environment["BROWSER"] = "firefox:chromium --app=%s --x=%%s:: ";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        Assert.Equal(["firefox", "chromium", "xdg-open"], plan.Select(c => c.Program));
        Assert.Equal([Target], plan[0].Arguments);
        Assert.Equal(["--app=" + Target, "--x=%s"], plan[1].Arguments);
        Assert.All(plan.Take(2), c => Assert.Equal("$BROWSER", c.Source));
    }

    [Fact]
    public void Plan_LinuxWithoutDisplay_OffersOnlyTheBrowserVariable()
    {
        var probe = new FakeSystemProbe();
        probe.Environment["BROWSER"] = "w3m";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        Assert.Equal(["w3m"], plan.Select(c => c.Program));
    }

    [Fact]
    public void Plan_WaylandOnly_UsesXdgOpen()
    {
        var probe = new FakeSystemProbe();
        probe.Environment["WAYLAND_DISPLAY"] = "wayland-0";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        Assert.Equal(["xdg-open"], plan.Select(c => c.Program));
    }

    [Theory]
    [InlineData("Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1)", null)]
    [InlineData("Linux version 6.8.0-45-generic", "Ubuntu-24.04")]
    public void DetectPlatform_WslSigns_ReturnsWsl(string procVersion, string? distro)
    {
        var probe = new FakeSystemProbe();
        probe.Files["/proc/version"] = procVersion;
        if (distro is not null)
        {
            probe.Environment["WSL_DISTRO_NAME"] = distro;
        }

        var platform = new BrowserCommandPlanner(probe).DetectPlatform();

        Assert.Equal(BrowserPlatform.Wsl, platform);
    }

    [Fact]
    public void Plan_Wsl_TriesWslviewThenCmdStartWithEscapedUrl()
    {
        var probe = new FakeSystemProbe();
        probe.Files["/proc/version"] = "Linux version 5.15.153.1-microsoft-standard-WSL2";
        probe.Environment["BROWSER"] = "/usr/bin/custom";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(new Uri("http://127.0.0.1:1/cb?state=x&path=%2FPATH%2F(1)!"));

        Assert.Equal(["/usr/bin/custom", "wslview", "cmd.exe"], plan.Select(c => c.Program));
        Assert.Equal(["/c", "start", "http://127.0.0.1:1/cb?state=x^&path=%^2FPATH%^2F^(1^)^!"], plan[2].Arguments);
    }

    [Fact]
    public void Plan_WslWithWslgDisplay_FallsBackToXdgOpenLast()
    {
        var probe = new FakeSystemProbe();
        probe.Environment["WSL_DISTRO_NAME"] = "Debian";
        probe.Environment["DISPLAY"] = ":0";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        Assert.Equal(["wslview", "cmd.exe", "xdg-open"], plan.Select(c => c.Program));
    }

    [Fact]
    public void Plan_MacOS_UsesOpenAndIgnoresXdg()
    {
        var probe = new FakeSystemProbe { IsMacOS = true };
        probe.Environment["DISPLAY"] = ":0";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        var only = Assert.Single(plan);
        Assert.Equal("open", only.Program);
        Assert.Equal([Target], only.Arguments);
    }

    [Fact]
    public void Plan_Windows_HandsTheUrlToTheShell()
    {
        var planner = new BrowserCommandPlanner(new FakeSystemProbe { IsWindows = true });

        var plan = planner.Plan(LoginUrl);

        var only = Assert.Single(plan);
        Assert.True(only.UseShell);
        Assert.Equal(Target, only.Program);
        Assert.Empty(only.Arguments);
    }

    [Fact]
    public void Plan_CommandSetting_IsTheOnlyCandidateWithUrlAsOneArgument()
    {
        var probe = FakeSystemProbe.LinuxDesktop();
        probe.Environment["BROWSER"] = "firefox";
        probe.Settings["command"] = "'/opt/my browser/run' --profile \"work one\" --open={url}";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(new Uri("http://127.0.0.1:1/?q=a b;touch /tmp/pwned"));

        var only = Assert.Single(plan);
        Assert.Equal("/opt/my browser/run", only.Program);
        Assert.Equal(
            ["--profile", "work one", "--open=http://127.0.0.1:1/?q=a%20b;touch%20/tmp/pwned"],
            only.Arguments);
        Assert.True(only.Configured);
    }

    [Fact]
    public void Plan_CommandWithoutPlaceholder_AppendsTheUrl()
    {
        var probe = FakeSystemProbe.LinuxDesktop();
        probe.Settings["command"] = "chromium --incognito";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        Assert.Equal(["--incognito", Target], Assert.Single(plan).Arguments);
    }

    [Fact]
    public void Plan_EnvironmentCommand_OverridesTheSetting()
    {
        var probe = FakeSystemProbe.LinuxDesktop();
        probe.Settings["command"] = "from-setting {url}";
        probe.Environment[BrowserCommandPlanner.CommandVariable] = "from-environment {url}";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        var only = Assert.Single(plan);
        Assert.Equal("from-environment", only.Program);
        Assert.Equal("$KUBEKEY_BROWSER_COMMAND", only.Source);
    }

    [Fact]
    public void Plan_WindowsCommandSetting_KeepsBackslashesInThePath()
    {
        var probe = new FakeSystemProbe { IsWindows = true };
        probe.Settings["command"] = "\"C:\\Program Files\\Browser\\b.exe\" {url}";
        var planner = new BrowserCommandPlanner(probe);

        var plan = planner.Plan(LoginUrl);

        var only = Assert.Single(plan);
        Assert.Equal("C:\\Program Files\\Browser\\b.exe", only.Program);
        Assert.False(only.UseShell);
    }

    [Theory]
    [InlineData("firefox '{url}")]
    [InlineData("''")]
    public void Plan_MalformedCommand_ThrowsFormatExceptionWithAdvice(string command)
    {
        var probe = FakeSystemProbe.LinuxDesktop();
        probe.Settings["command"] = command;
        var planner = new BrowserCommandPlanner(probe);

        var error = Assert.Throws<FormatException>(() => planner.Plan(LoginUrl));

        Assert.Matches("(close it|set it to a program)", error.Message);
    }
}
