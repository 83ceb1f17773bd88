using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class FallbackAndEvaluateGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Inside_the_window_the_free_form_content_goes_and_the_fallback_does_not()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("follow_up", "We replied to {{1}}");
        await conversation.InboundNow();

        var receipt = Ok(await conversation.Send(Text() with { FallbackTemplate = TemplateOf("follow_up", "your question") }));

        Assert.Equal(MessageKind.FreeForm, receipt.Kind);
        Assert.False(receipt.UsedFallback);
    }

    [Fact]
    public async Task Outside_the_window_the_fallback_template_goes_instead_and_the_receipt_says_so()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("follow_up", "We replied to {{1}}", category: TemplateCategory.Utility);

        var receipt = Ok(await conversation.Send(Text() with { FallbackTemplate = TemplateOf("follow_up", "your question") }));

        Assert.Equal(MessageKind.Template, receipt.Kind);
        Assert.True(receipt.UsedFallback);
        Assert.Equal(TemplateCategory.Utility, receipt.TemplateCategory);
        var logged = Assert.Single(await conversation.Messages());
        Assert.Equal("follow_up", logged.TemplateName);
        Assert.Equal("text", logged.RequestedType);
    }

    [Fact]
    public async Task A_fallback_that_fails_its_own_checks_is_refused_with_its_own_reason()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("follow_up", "We replied to {{1}}");

        var refusal = Refused(await conversation.Send(Text() with { FallbackTemplate = TemplateOf("follow_up") }), RefusalReason.TemplateParameterMismatch);

        Assert.Equal("true", refusal.Metadata["fallback"]);
        Assert.Empty(await conversation.Messages());
    }

    [Fact]
    public async Task A_fallback_without_a_name_is_refused_even_while_the_window_is_open()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        var refusal = Refused(await conversation.Send(Text() with { FallbackTemplate = TemplateOf("") }), RefusalReason.MissingField);

        Assert.Equal("fallback_template.name", refusal.Metadata["field"]);
    }

    [Fact]
    public async Task Evaluate_says_what_send_would_do_and_changes_nothing()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("follow_up", "We replied to {{1}}", category: TemplateCategory.Utility);
        var command = Text(key: "eval-1") with { FallbackTemplate = TemplateOf("follow_up", "x") };

        var evaluation = Ok(await conversation.Grain.Evaluate(command));

        Assert.True(evaluation.Allowed);
        Assert.Equal(MessageKind.Template, evaluation.Kind);
        Assert.True(evaluation.UsedFallback);
        Assert.Equal(TemplateCategory.Utility, evaluation.TemplateCategory);
        Assert.Empty(await conversation.Messages());
        Assert.False(Ok(await conversation.Send(command)).Replayed);
    }

    [Fact]
    public async Task Evaluate_reports_a_refusal_with_its_reason_and_the_window_expiry()
    {
        var conversation = await Registered(fixture);
        var opened = await conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(24));

        var evaluation = Ok(await conversation.Grain.Evaluate(Text()));

        Assert.False(evaluation.Allowed);
        Assert.Equal(RefusalReason.WindowClosed, evaluation.Refusal!.Reason);
        Assert.Equal(opened.WindowExpiresAt, evaluation.Conversation.WindowExpiresAt);
    }

    [Fact]
    public async Task Evaluate_reports_bad_content_as_a_refusal_too()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        var evaluation = Ok(await conversation.Grain.Evaluate(Text(new string('x', 4097))));

        Assert.False(evaluation.Allowed);
        Assert.Equal(RefusalReason.TextTooLong, evaluation.Refusal!.Reason);
    }
}
