using Google.Protobuf;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// Evaluate and LintTemplate take the same fields, under the same numbers, as Send and UpsertTemplate
/// (ContractTests checks it), so the very request a test sends can be asked about first.
/// </summary>
public static class DryRuns
{
    public static V1.EvaluateRequest AsEvaluate(this V1.SendRequest request) =>
        V1.EvaluateRequest.Parser.ParseFrom(request.ToByteString());

    public static V1.LintTemplateRequest AsLint(this V1.UpsertTemplateRequest request) =>
        V1.LintTemplateRequest.Parser.ParseFrom(request.ToByteString());
}
