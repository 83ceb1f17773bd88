using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Grpc.Core;

namespace Conversations.Api.Tests;

public sealed class RefusalMappingTests
{
    public static TheoryData<RefusalReason> EveryReason() => [.. Enum.GetValues<RefusalReason>()];

    [Theory]
    [MemberData(nameof(EveryReason))]
    public void Every_refusal_reason_has_a_grpc_status_that_is_not_OK(RefusalReason reason) =>
        Assert.NotEqual(StatusCode.OK, RefusalStatus.Of(reason).Code);

    [Theory]
    [InlineData(RefusalReason.WindowClosed, "WINDOW_CLOSED", StatusCode.FailedPrecondition, "131047")]
    [InlineData(RefusalReason.TemplateNotFound, "TEMPLATE_NOT_FOUND", StatusCode.NotFound, "132001")]
    [InlineData(RefusalReason.TemplateParameterMismatch, "TEMPLATE_PARAMETER_MISMATCH", StatusCode.InvalidArgument, "132000")]
    [InlineData(RefusalReason.TemplatePaused, "TEMPLATE_PAUSED", StatusCode.FailedPrecondition, "132015")]
    [InlineData(RefusalReason.TemplateDisabled, "TEMPLATE_DISABLED", StatusCode.FailedPrecondition, "132016")]
    [InlineData(RefusalReason.TemplateParameterFormat, "TEMPLATE_PARAMETER_FORMAT", StatusCode.InvalidArgument, "132012")]
    [InlineData(RefusalReason.TemplateTextTooLong, "TEMPLATE_TEXT_TOO_LONG", StatusCode.InvalidArgument, "132005")]
    public void Reasons_with_a_Meta_equivalent_carry_its_code(RefusalReason reason, string name, StatusCode code, string whatsAppCode)
    {
        Assert.Equal(name, RefusalStatus.ReasonName(reason));
        Assert.Equal((code, whatsAppCode), RefusalStatus.Of(reason));
    }

    [Fact]
    public void Metas_own_code_in_the_refusal_reaches_the_caller()
    {
        var refusal = Refusal.Of(RefusalReason.MetaRejected, "no", ("whatsapp_code", "131026"));

        var proto = refusal.ToProto();

        Assert.Equal("META_REJECTED", proto.Reason);
        Assert.Equal("131026", proto.Metadata["whatsapp_code"]);
        Assert.Equal("FAILED_PRECONDITION", proto.Status);
    }
}
