using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NucleusCloud.Host.Startup;

/// <summary>
/// <c>X-Forwarded-*</c> headers are believed only when the peer is a configured proxy
/// (<c>ForwardedHeaders:KnownProxies</c> addresses, <c>ForwardedHeaders:KnownNetworks</c> CIDR ranges;
/// loopback when neither is set), and only one hop back: the address the proxy itself saw. Anyone
/// else's headers are ignored, so a client cannot choose the address it is rate-limited and audited
/// under.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> makes the framework trust forwarded headers from every
    /// peer; a deployment that sets it would let any client forge its address, so the Host will not start.
    /// </summary>
    public static void RefuseBlanketTrust(IConfiguration configuration)
    {
        if (configuration.GetValue("FORWARDEDHEADERS_ENABLED", false))
        {
            throw new InvalidOperationException(
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-For from any client. Remove it; list the proxies in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks instead (loopback is trusted by default).");
        }
    }

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.ForwardLimit = 1;
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return; // the framework's defaults: 127.0.0.0/8 and ::1
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a CIDR range such as 10.0.0.0/8."));
        }
    }
}
