using System.Net;

namespace Conversations.Meta;

/// <summary>The values of <see cref="MetaOptions.HttpVersion"/> and what each asks of the handler.</summary>
public static class GraphHttpVersion
{
    /// <summary>HTTP/1.1, as Meta's own examples use.</summary>
    public const string Http11 = "1.1";

    /// <summary>HTTP/2 where TLS negotiates it (ALPN), else HTTP/1.1; over plain http this stays HTTP/1.1.</summary>
    public const string Http2 = "2";

    /// <summary>HTTP/2 without TLS ("prior knowledge"), to a plain-http endpoint that serves it, such as a simulator.</summary>
    public const string H2c = "h2c";

    public static bool IsValid(string? value) => value is Http11 or Http2 or H2c;

    /// <exception cref="ArgumentException">Not one of <see cref="Http11"/>, <see cref="Http2"/> or <see cref="H2c"/>.</exception>
    public static (Version Version, HttpVersionPolicy Policy) Parse(string? value) => value switch
    {
        Http11 => (HttpVersion.Version11, HttpVersionPolicy.RequestVersionOrLower),
        Http2 => (HttpVersion.Version20, HttpVersionPolicy.RequestVersionOrLower),
        // Exact: without TLS there is nothing to negotiate, and falling back would hide a server that cannot speak it.
        H2c => (HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact),
        _ => throw new ArgumentException($"HTTP version '{value}' is not {Http11}, {Http2} or {H2c}.", nameof(value)),
    };
}
