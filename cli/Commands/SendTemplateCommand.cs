using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class SendTemplateCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        var name = new Option<string>("--name") { Description = "Template name.", Required = true };
        var language = new Option<string>("--language") { Description = "Template language code, e.g. en_US.", Required = true };
        var parameters = new Option<string[]>("--param")
        {
            Description = "Value of the next positional placeholder {{1}}..{{n}}; repeat in order.",
            HelpName = "value",
        };
        var named = CommandOptions.NamedParameters("--named", "Value of a named placeholder {{key}}; repeat for each.");
        var idempotencyKey = CommandOptions.IdempotencyKey();
        var command = new Command("template", "Sends an approved template; allowed whether or not the window is open.")
        {
            number,
            name,
            language,
            parameters,
            named,
            idempotencyKey,
        };
        customer.AddTo(command);
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var template = new V1.TemplateContent
            {
                Name = parse.GetRequiredValue(name),
                Language = parse.GetRequiredValue(language),
                Parameters = { parse.GetValue(parameters) ?? [] },
            };
            template.NamedParameters.Add(new Dictionary<string, string>(parse.GetValue(named) ?? []));
            var request = new V1.SendRequest
            {
                BusinessNumberId = parse.GetRequiredValue(number),
                Customer = customer.PhoneOf(parse),
                CustomerUserId = customer.UserIdOf(parse),
                IdempotencyKey = parse.GetValue(idempotencyKey) ?? Guid.NewGuid().ToString(),
                Template = template,
            };
            var sent = await new V1.ConversationsService.ConversationsServiceClient(call.Channel).SendAsync(request, call.Options);
            ReceiptPrinter.Print(sent.Receipt, request.IdempotencyKey, call.Output);
        }, cancellationToken));
        return command;
    }
}
