using System.Globalization;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Sending;
using Conversations.Grains.Window;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Conversation;

/// <summary>
/// One (business number, customer) conversation. Every decision compares persisted timestamps with the injected clock;
/// the expiry reminder only records that the window closed, so a late tick can never let a free-form message through.
/// </summary>
[GrainType("conversation")]
public sealed class ConversationGrain(
    [PersistentState("conversation", StorageNames.Conversations)] IPersistentState<ConversationState> state,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IRemindable
{
    public const string ExpiryReminderName = "window-expiry";

    private readonly ConversationOptions _options = options.Value;
    private ConversationKey? _key;
    private string? _wabaId;

    private ConversationKey Key => _key ??= ConversationKey.Parse(this.GetPrimaryKeyString());

    private CustomerServiceWindow Window => new(state.State.LastInboundAt, _options.WindowDuration);

    public async Task<Result<ConversationSnapshot>> RecordInbound(InboundMessage message, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(message.MessageId))
        {
            return Refusal.MissingField("message_id");
        }

        if (message.MessageId.Length > _options.MaxMessageIdLength)
        {
            return Refusal.FieldTooLong("message_id", _options.MaxMessageIdLength);
        }

        var now = time.GetUtcNow();
        if (state.State.RecentInboundIds.Contains(message.MessageId))
        {
            return Result<ConversationSnapshot>.Ok(Snapshot(now));
        }

        state.State.RecentInboundIds.AppendBounded(message.MessageId, _options.InboundIdsRemembered);
        if (OpensWindow(message.Type))
        {
            var window = Window.WithInbound(message.SentAt, now);
            state.State.LastInboundAt = window.LastInboundAt;
            if (window.IsOpenAt(now))
            {
                state.State.WindowClosedAt = null;
                await ArmExpiryReminder(window, now);
            }
        }

        await Persist(cancellationToken);
        return Result<ConversationSnapshot>.Ok(Snapshot(now));
    }

    public async Task<Result<SendReceipt>> Send(SendCommand command, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        if (string.IsNullOrWhiteSpace(command.IdempotencyKey))
        {
            return Refusal.MissingField("idempotency_key");
        }

        if (command.IdempotencyKey.Length > _options.MaxIdempotencyKeyLength)
        {
            return Refusal.FieldTooLong("idempotency_key", _options.MaxIdempotencyKeyLength);
        }

        if (command.Content is null)
        {
            return Refusal.MissingField("content");
        }

        var now = time.GetUtcNow();
        var hash = ContentHash.Of(command.Content);
        if (state.State.SentMessages.FindLast(m => m.IdempotencyKey == command.IdempotencyKey) is { } earlier)
        {
            // A retry must get the first answer even if the window has closed since; different content under the key is a caller bug.
            return earlier.ContentHash == hash
                ? Result<SendReceipt>.Ok(new SendReceipt(earlier.MessageId, earlier.Kind, earlier.AcceptedAt, Snapshot(now), Replayed: true))
                : Refusal.Of(
                    RefusalReason.IdempotencyConflict,
                    $"Idempotency key '{command.IdempotencyKey}' was already used for different content (message {earlier.MessageId}).",
                    ("idempotency_key", command.IdempotencyKey),
                    ("message_id", earlier.MessageId));
        }

        if (await Decide(command.Content, now, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var sent = new SentMessage(command.IdempotencyKey, hash, NewMessageId(), command.Content.Kind, now);
        state.State.SentMessages.AppendBounded(sent, _options.SendsRemembered);
        await Persist(cancellationToken);
        return Result<SendReceipt>.Ok(new SendReceipt(sent.MessageId, sent.Kind, sent.AcceptedAt, Snapshot(now), Replayed: false));
    }

    public async Task<Result<ConversationSnapshot>> Get(CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Result<ConversationSnapshot>.Ok(Snapshot(time.GetUtcNow()));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminderName)
        {
            return;
        }

        var now = time.GetUtcNow();
        var window = Window;
        if (window.IsOpenAt(now))
        {
            // The customer wrote again after the reminder was armed: follow the window to its new end.
            await this.RegisterOrUpdateReminder(ExpiryReminderName, window.ExpiresAt!.Value - now, _options.ExpiryReminderPeriod);
            return;
        }

        if (state.State.ExpiryReminderArmed || state.State.WindowClosedAt is null)
        {
            state.State.WindowClosedAt = window.ExpiresAt;
            state.State.ExpiryReminderArmed = false;
            await Persist(CancellationToken.None);
            logger.LogInformation(
                "Customer service window of {BusinessNumberId}/{Customer} closed at {ClosedAt}",
                Key.BusinessNumberId,
                CustomerNumber.Mask(Key.Customer),
                window.ExpiresAt);
        }

        // Unregistering last: if the write above failed, the next tick retries it.
        if (await this.GetReminder(ExpiryReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<Refusal?> Decide(MessageContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (SendPolicy.CheckContent(content, _options) is { } invalid)
        {
            return invalid;
        }

        return content switch
        {
            TemplateMessage template => SendPolicy.CheckTemplate(
                await GrainFactory.GetGrain<ITemplateRegistryGrain>(_wabaId!).Find(template.Name, template.Language, cancellationToken),
                template),
            _ => SendPolicy.CheckFreeForm(Window, now, _options.FreeFormSafetyMargin),
        };
    }

    private bool OpensWindow(InboundMessageType type) =>
        type != InboundMessageType.Reaction || _options.ReactionsOpenWindow;

    /// <summary>Registering writes to the reminder table, so it happens when a window opens, not on every message.</summary>
    private async Task ArmExpiryReminder(CustomerServiceWindow window, DateTimeOffset now)
    {
        if (state.State.ExpiryReminderArmed)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ExpiryReminderName, window.ExpiresAt!.Value - now, _options.ExpiryReminderPeriod);
        state.State.ExpiryReminderArmed = true;
    }

    private async Task Persist(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // The in-memory state now differs from what storage holds; a fresh activation rereads the truth.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Refuses a malformed key or an unregistered business number before any state is touched.</summary>
    private async Task<Refusal?> CheckIdentity(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/');
        var valid = slash > 0 ? ConversationKey.Create(key[..slash], key[(slash + 1)..]) : ConversationKey.Create(key, null);
        if (!valid.Succeeded)
        {
            return valid.Refusal;
        }

        if (valid.Value.ToString() != key)
        {
            return Refusal.Of(
                RefusalReason.InvalidCustomer,
                $"Conversation key '{key}' is not normalized; address conversations as '{valid.Value}'.",
                ("field", "customer"));
        }

        _wabaId ??= await GrainFactory.GetGrain<IBusinessNumberGrain>(Key.BusinessNumberId).GetWabaId(cancellationToken);
        return _wabaId is null
            ? Refusal.Of(
                RefusalReason.UnknownBusinessNumber,
                $"Business number {Key.BusinessNumberId} is not registered; register it with its WABA first.",
                ("business_number_id", Key.BusinessNumberId))
            : null;
    }

    private ConversationSnapshot Snapshot(DateTimeOffset now)
    {
        var window = Window;
        var open = window.IsOpenAt(now, _options.FreeFormSafetyMargin);
        var closedAt = open ? null : state.State.WindowClosedAt ?? window.ExpiresAt - _options.FreeFormSafetyMargin;
        return new ConversationSnapshot(
            Key.BusinessNumberId,
            Key.Customer,
            open,
            window.ExpiresAt,
            state.State.LastInboundAt,
            closedAt,
            state.State.ExpiryReminderArmed);
    }

    private static string NewMessageId() => "cnv." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
