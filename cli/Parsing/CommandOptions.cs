using System.CommandLine;

namespace Conversations.Cli.Parsing;

/// <summary>
/// Options more than one command takes, and options whose values need a parser of their own. Each call makes a new
/// instance, because an option belongs to the command it is added to.
/// </summary>
public static class CommandOptions
{
    public static Option<string> BusinessNumber() => new("--number")
    {
        Description = "Meta's phone number id of the business number (digits).",
        HelpName = "business_number_id",
        Required = true,
    };

    public static Option<string> Customer() => new("--customer")
    {
        Description = "The customer's phone number in E.164, with or without the leading '+'.",
        HelpName = "e164",
        Required = true,
    };

    public static Option<string> Waba() => new("--waba")
    {
        Description = "The WhatsApp Business Account id (digits).",
        HelpName = "waba_id",
        Required = true,
    };

    public static Option<string> Portfolio() => new("--portfolio")
    {
        Description = "Meta's business portfolio id (digits); its messaging limit is shared by every number in it.",
        HelpName = "portfolio_id",
        Required = true,
    };

    public static Option<string?> IdempotencyKey() => new("--idempotency-key")
    {
        Description = "Repeat a key to retry a send safely: the first receipt comes back and nothing is sent twice. [default: a fresh GUID]",
        HelpName = "key",
    };

    public static Option<T> ProtoEnum<T>(string name, string description) where T : struct, Enum
    {
        var choices = Parsing.ProtoEnum.Choices<T>();
        var listed = string.Join('|', choices);
        // A long list in the usage column would push every description off the screen.
        var fitsUsageColumn = listed.Length <= 40;
        var option = new Option<T>(name)
        {
            Description = fitsUsageColumn ? description : $"{description} One of {string.Join(", ", choices)}.",
            HelpName = fitsUsageColumn ? listed : name.TrimStart('-'),
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (Parsing.ProtoEnum.TryParse<T>(text, out var value))
                {
                    return value;
                }

                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", choices)}.");
                return default;
            },
        };
        option.CompletionSources.Add(choices.ToArray());
        return option;
    }

    public static Option<int?> Throughput() => new("--throughput")
    {
        Description = "Messages per second Meta allows the number (80 by default, up to 1000 after an upgrade). [default: keep the current]",
        HelpName = "per_second",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            // The range is the server's rule; the CLI only makes sure a number reaches it.
            if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var perSecond))
            {
                return perSecond;
            }

            result.AddError($"--throughput: '{text}' is not a whole number of messages per second such as 80 or 1000.");
            return null;
        },
    };

    public static Option<string?> MessagingLimitTier() => new("--tier")
    {
        Description = "The tier to set: unique customers per moving 24 h; 2K, 10K and 100K are accepted too. [default: only read the limit]",
        HelpName = string.Join('|', Parsing.MessagingLimitTier.Choices),
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Parsing.MessagingLimitTier.TryParse(text, out var tier))
            {
                return tier;
            }

            result.AddError($"--tier: '{text}' is not one of {string.Join(", ", Parsing.MessagingLimitTier.Choices)} (or 2K, 10K, 100K).");
            return null;
        },
    };

    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "iso-8601",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (InstantText.TryParse(text, out var instant))
            {
                return instant;
            }

            result.AddError($"{name}: '{text}' is not an ISO-8601 instant such as 2026-11-25T10:00:00Z.");
            return null;
        },
    };

    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (DurationText.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a duration such as 25h, 90m, 1d2h or 25:00:00.");
            return null;
        },
    };

    public static Option<KeyValuePair<string, string>[]> NamedParameters(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "key=value",
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result =>
        {
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var token in result.Tokens)
            {
                if (!NamedParameter.TryParse(token.Value, out var parameter))
                {
                    result.AddError($"{name}: '{token.Value}' is not key=value, e.g. {name} first_name=Ana.");
                }
                else if (parameters.Any(p => p.Key == parameter.Key))
                {
                    result.AddError($"{name}: '{parameter.Key}' is given twice.");
                }
                else
                {
                    parameters.Add(parameter);
                }
            }

            return [.. parameters];
        },
    };
}
