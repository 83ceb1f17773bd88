using System.Net;

namespace Conversations.Api.Auth;

/// <summary>
/// Where Kestrel will listen, read from configuration the way Kestrel reads it: the endpoints under Kestrel:Endpoints
/// win; without any, "urls" (ASPNETCORE_URLS), then the http/https ports (which listen on every interface).
/// </summary>
public static class ListenAddresses
{
    /// <summary>The first setting that makes the api listen beyond loopback, as "setting=value"; null when all are loopback.</summary>
    public static string? FirstNonLoopback(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => (Setting: $"Kestrel:Endpoints:{e.Key}:Url", Url: e["Url"] ?? ""))
            .ToList();
        if (endpoints.Count == 0)
        {
            endpoints = [.. (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(url => (Setting: "urls", Url: url))];
        }

        if (endpoints.Count == 0)
        {
            foreach (var ports in new[] { "http_ports", "https_ports" })
            {
                if (!string.IsNullOrWhiteSpace(configuration[ports]))
                {
                    return $"{ports}={configuration[ports]}";
                }
            }
        }

        return endpoints.Where(e => !IsLoopback(e.Url)).Select(e => $"{e.Setting}={e.Url}").FirstOrDefault();
    }

    /// <summary>localhost, 127.0.0.0/8 and ::1; a wildcard (*, +, 0.0.0.0, [::]) or any other host is not.</summary>
    public static bool IsLoopback(string url)
    {
        string host;
        try
        {
            host = BindingAddress.Parse(url).Host;
        }
        catch (FormatException)
        {
            return false; // Kestrel refuses it too; here it only must not pass for loopback.
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
