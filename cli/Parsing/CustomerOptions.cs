using System.CommandLine;

namespace Conversations.Cli.Parsing;

/// <summary>
/// How a command names a customer: --customer (a phone number), --customer-user-id (a business-scoped user id), or
/// both; at least one unless <see cref="Optional"/>. The server resolves either to the customer's one conversation.
/// </summary>
public sealed class CustomerOptions
{
    public Option<string?> Phone { get; } = new("--customer")
    {
        Description = "The customer's phone number in E.164, with or without the leading '+'.",
        HelpName = "e164",
    };

    public Option<string?> UserId { get; } = new("--customer-user-id")
    {
        Description = "The customer's business-scoped user id (BSUID, e.g. US.13491208655302741918): for a customer known only by it, or with --customer.",
        HelpName = "bsuid",
    };

    /// <summary>Whether a command may name no customer at all (watch: every customer).</summary>
    public bool Optional { get; init; }

    public void AddTo(Command command)
    {
        command.Options.Add(Phone);
        command.Options.Add(UserId);
        if (!Optional)
        {
            command.Validators.Add(result =>
            {
                if (result.GetResult(Phone) is null && result.GetResult(UserId) is null)
                {
                    result.AddError("Give --customer (a phone number), --customer-user-id (a BSUID) or both.");
                }
            });
        }
    }

    public string PhoneOf(ParseResult parse) => parse.GetValue(Phone) ?? "";

    public string UserIdOf(ParseResult parse) => parse.GetValue(UserId) ?? "";
}
