using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Templates;

/// <summary>Meta's template limits (spec section 3); configuration with Meta's values as defaults, since Meta changes them.</summary>
public sealed class TemplateLimits
{
    [Range(1, 4096)] public int MaxNameLength { get; set; } = 512;
    [Range(1, 4096)] public int MaxHeaderTextLength { get; set; } = 60;
    [Range(1, 65_536)] public int MaxBodyLength { get; set; } = 1024;
    [Range(1, 4096)] public int MaxFooterLength { get; set; } = 60;
    [Range(1, 100)] public int MaxButtons { get; set; } = 10;
    [Range(1, 100)] public int MaxUrlButtons { get; set; } = 2;
    [Range(1, 100)] public int MaxPhoneNumberButtons { get; set; } = 1;
    [Range(1, 100)] public int MaxCopyCodeButtons { get; set; } = 1;
    [Range(1, 100)] public int MaxOtpButtons { get; set; } = 1;
    [Range(1, 1024)] public int MaxButtonTextLength { get; set; } = 25;
    [Range(1, 65_536)] public int MaxButtonUrlLength { get; set; } = 2000;
    [Range(2, 64)] public int MaxButtonPhoneNumberLength { get; set; } = 20;
    [Range(1, 1440)] public int MinCodeExpiryMinutes { get; set; } = 1;
    [Range(1, 1440)] public int MaxCodeExpiryMinutes { get; set; } = 90;

    /// <summary>Longest one-time passcode an authentication template carries.</summary>
    [Range(1, 1024)] public int MaxAuthenticationCodeLength { get; set; } = 15;

    /// <summary>Longest coupon code a copy-code button carries.</summary>
    [Range(1, 1024)] public int MaxCopyCodeLength { get; set; } = 15;

    /// <summary>A parameter value may hold at most this many spaces in a row (Meta's 132012).</summary>
    [Range(1, 1024)] public int MaxConsecutiveSpaces { get; set; } = 4;
}
