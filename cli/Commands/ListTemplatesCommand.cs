using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class ListTemplatesCommand
{
    public static Command Create(ServerConnection server)
    {
        var waba = CommandOptions.Waba();
        var command = new Command("list-templates", "Lists the templates of a WABA, one per line.") { waba };
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.TemplatesService.TemplatesServiceClient(call.Channel);
            var wabaId = parse.GetRequiredValue(waba);
            var response = await client.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = wabaId }, call.Options);
            if (response.Templates.Count == 0)
            {
                call.Output.WriteLine($"no templates for WABA {wabaId}");
            }

            foreach (var template in response.Templates)
            {
                TemplatePrinter.Print(template, call.Output);
            }
        }, cancellationToken));
        return command;
    }
}
