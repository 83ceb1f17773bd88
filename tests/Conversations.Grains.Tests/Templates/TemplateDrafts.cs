using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;

namespace Conversations.Grains.Tests.Templates;

/// <summary>Valid drafts to vary one rule at a time, and the assertions every rule test makes.</summary>
internal static class TemplateDrafts
{
    public const string WabaId = "102290129340398";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static TemplateDraft Utility(string body = "Your order {{1}} has shipped") =>
        new("order_update", "en_US", TemplateCategory.Utility, TemplateStatus.Approved, body);

    public static TemplateDraft Marketing(string body = "Hi {{1}}, our autumn collection is here") =>
        new("autumn_launch", "en_US", TemplateCategory.Marketing, TemplateStatus.Approved, body);

    public static TemplateDraft Authentication(string body = "{{1}} is your verification code.") =>
        new("login_code", "en", TemplateCategory.Authentication, TemplateStatus.Approved, body);

    public static TemplateDraft WithButtons(this TemplateDraft draft, params TemplateButton[] buttons) =>
        draft with { Buttons = [.. buttons] };

    public static TemplateButton QuickReply(string text = "Stop updates") => new(ButtonType.QuickReply, text);

    public static TemplateButton Url(string url = "https://example.com/track", string text = "Track order") => new(ButtonType.Url, text, Url: url);

    public static TemplateButton Phone(string phoneNumber = "+16505551234", string text = "Call us") => new(ButtonType.PhoneNumber, text, PhoneNumber: phoneNumber);

    public static TemplateButton CopyCode(string text = "") => new(ButtonType.CopyCode, text);

    public static TemplateButton Otp(string text = "Copy code") => new(ButtonType.Otp, text);

    public static TemplateButton[] Repeat(int count, Func<int, TemplateButton> button) =>
        [.. Enumerable.Range(0, count).Select(button)];

    public static TemplateDefinition Accepted(TemplateDraft draft)
    {
        var result = TemplateRules.Validate(WabaId, draft, Now);
        Assert.True(result.Succeeded, result.Refusal?.Message);
        return result.Value;
    }

    public static Refusal Refused(TemplateDraft draft, RefusalReason reason)
    {
        var result = TemplateRules.Validate(WabaId, draft, Now);
        Assert.False(result.Succeeded, "the draft was accepted");
        Assert.Equal(reason, result.Refusal.Reason);
        return result.Refusal;
    }

    /// <summary>Refused as TEMPLATE_INVALID naming the component and the rule, both also in the message.</summary>
    public static Refusal Invalid(TemplateDraft draft, string component, string rule)
    {
        var refusal = Refused(draft, RefusalReason.TemplateInvalid);
        Assert.Equal(component, refusal.Metadata["component"]);
        Assert.Equal(rule, refusal.Metadata["rule"]);
        Assert.Contains(component, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(rule, refusal.Message, StringComparison.Ordinal);
        return refusal;
    }

    public static void MissingField(TemplateDraft draft, string field) =>
        Assert.Equal(field, Refused(draft, RefusalReason.MissingField).Metadata["field"]);

    public static Refusal HasMetadata(this Refusal refusal, params (string Key, string Value)[] expected)
    {
        foreach (var (key, value) in expected)
        {
            Assert.True(refusal.Metadata.TryGetValue(key, out var actual), $"metadata '{key}' is missing: {string.Join(", ", refusal.Metadata)}");
            Assert.Equal(value, actual);
        }

        return refusal;
    }

    public static TemplateMessage WithButtons(this TemplateMessage message, params (int Index, string Value)[] values) =>
        message with { ButtonParameters = [.. values.Select(v => new ButtonParameter(v.Index, v.Value))] };
}
