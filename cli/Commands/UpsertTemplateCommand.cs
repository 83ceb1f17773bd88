using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class UpsertTemplateCommand
{
    public static Command Create(ServerConnection server)
    {
        var waba = CommandOptions.Waba();
        var name = new Option<string>("--name") { Description = "Template name, e.g. order_update.", Required = true };
        var language = new Option<string>("--language") { Description = "Template language code, e.g. en_US.", Required = true };
        var category = CommandOptions.ProtoEnum<V1.TemplateCategory>("--category", "Template category, as Meta approved it.");
        var status = CommandOptions.ProtoEnum<V1.TemplateStatus>("--status", "Template status; only APPROVED templates can be sent.");
        var body = new Option<string>("--body") { Description = "Body text with {{1}}..{{n}} or {{name}} placeholders.", Required = true };
        var command = new Command("upsert-template", "Creates or replaces a template of a WABA, as Meta's template webhook would.")
        {
            waba,
            name,
            language,
            category,
            status,
            body,
        };
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.TemplatesService.TemplatesServiceClient(call.Channel);
            var stored = await client.UpsertTemplateAsync(
                new V1.UpsertTemplateRequest
                {
                    WabaId = parse.GetRequiredValue(waba),
                    Name = parse.GetRequiredValue(name),
                    Language = parse.GetRequiredValue(language),
                    Category = parse.GetRequiredValue(category),
                    Status = parse.GetRequiredValue(status),
                    Body = parse.GetRequiredValue(body),
                },
                call.Options);
            call.Output.Write("stored template ");
            TemplatePrinter.Print(stored.Template, call.Output);
            TemplatePrinter.PrintWarnings(stored.Template.Warnings, call.Output);
        }, cancellationToken));
        return command;
    }
}
