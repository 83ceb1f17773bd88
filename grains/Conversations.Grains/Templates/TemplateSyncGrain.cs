using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Templates;

/// <summary>
/// Reads a WABA's templates from Meta and hands them to its registry, outside the registry's turn: sends keep finding
/// templates while Meta answers. Once synced, the WABA is synced again every
/// <see cref="ConversationOptions.TemplateSyncInterval"/> by a reminder (none when the interval is zero).
/// </summary>
[GrainType("template-sync")]
public sealed class TemplateSyncGrain(
    IWhatsAppTemplates meta,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<TemplateSyncGrain> logger)
    : Grain, ITemplateSyncGrain, IRemindable
{
    public const string ReminderName = "meta-template-sync";

    private bool _reminderArmed;

    public async Task<Result<TemplateSyncResult>> Sync(CancellationToken cancellationToken = default)
    {
        var waba = MetaId.WabaId(this.GetPrimaryKeyString());
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        var listed = await meta.ListTemplates(waba.Value!, cancellationToken);
        if (!listed.Succeeded)
        {
            return MetaRefusals.Of(listed.ErrorClass!.Value, listed.Error!, "WhatsApp did not list the WABA's templates");
        }

        var applied = await GrainFactory.GetGrain<ITemplateRegistryGrain>(waba.Value).ApplyMetaView([.. listed.Value.Select(t => t.Draft)], cancellationToken);
        await KeepSyncing();
        return Result<TemplateSyncResult>.Ok(applied);
    }

    public async Task<Result<TemplateSubmission>> Submit(TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var waba = MetaId.WabaId(this.GetPrimaryKeyString());
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        var pending = draft with { Status = TemplateStatus.Pending };
        var validated = TemplateRules.Validate(waba.Value!, pending, time.GetUtcNow(), options.Value.Templates);
        if (!validated.Succeeded)
        {
            return validated.Refusal;
        }

        if (NotCarried(pending) is { } field)
        {
            return Refusal.Of(RefusalReason.InvalidField, $"{field} cannot be submitted to Meta from here yet: submit a text header, body and footer, or create it in WhatsApp Manager and sync.", ("field", field), ("rule", "not_submittable"));
        }

        var submitted = await meta.SubmitTemplate(waba.Value!, pending, cancellationToken);
        if (!submitted.Succeeded)
        {
            return MetaRefusals.Of(submitted.ErrorClass!.Value, submitted.Error!, "WhatsApp did not take the template for review");
        }

        var answer = submitted.Value!;
        var stored = await GrainFactory.GetGrain<ITemplateRegistryGrain>(waba.Value).Upsert(pending with { Status = answer.Status, Category = answer.Category }, cancellationToken);
        return stored.Succeeded ? Result<TemplateSubmission>.Ok(new TemplateSubmission(stored.Value!, answer.Id)) : stored.Refusal!;
    }

    /// <summary>What the Cloud API client's submission does not carry to Meta, so that nothing is dropped silently.</summary>
    private static string? NotCarried(TemplateDraft draft) =>
        !draft.Buttons.IsEmpty ? "buttons"
        : draft.Header is { Format: not HeaderFormat.Text } ? "header"
        : draft.CodeExpiryMinutes is not null ? "code_expiry_minutes"
        : null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var synced = await Sync();
        if (synced.Succeeded)
        {
            logger.LogInformation(
                "WABA {WabaId} synced with Meta: {Added} added, {Updated} updated, {Removed} removed, {Skipped} skipped",
                this.GetPrimaryKeyString(),
                synced.Value!.Added,
                synced.Value.Updated,
                synced.Value.Removed,
                synced.Value.Skipped.Length);
        }
        else
        {
            logger.LogWarning("WABA {WabaId}: the periodic template sync failed ({Reason}: {Message}); the next tick tries again", this.GetPrimaryKeyString(), synced.Refusal!.Reason, synced.Refusal.Message);
        }
    }

    /// <summary>Arms the periodic sync once per activation; a reminder Orleans already holds is only updated.</summary>
    private async Task KeepSyncing()
    {
        var interval = options.Value.TemplateSyncInterval;
        if (interval <= TimeSpan.Zero || _reminderArmed)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, interval, interval);
        _reminderArmed = true;
    }
}
