using KubeKey.Host;

return await KubeKeyApp.RunAsync(args, HostEnvironment.FromProcess()).ConfigureAwait(false);
