using System.CommandLine;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class SyncTemplatesCommand
{
    public static Command Create(ServerConnection server)
    {
        var waba = CommandOptions.Waba();
        var command = new Command("sync-templates", "Makes a WABA's templates equal to Meta's: adds and updates them, marks those Meta no longer holds DELETED.") { waba };
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.TemplatesService.TemplatesServiceClient(call.Channel);
            var wabaId = parse.GetRequiredValue(waba);
            var synced = await client.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = wabaId }, call.Options);
            call.Output.WriteLine(
                $"synced WABA {wabaId} with Meta: {synced.Added} added, {synced.Updated} updated, {synced.Removed} removed (now DELETED), {synced.Unchanged} unchanged");
            foreach (var skipped in synced.Skipped)
            {
                call.Output.WriteLine($"skipped {skipped}");
            }
        }, cancellationToken));
        return command;
    }
}
