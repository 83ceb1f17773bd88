using Google.Protobuf.Reflection;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// Where the contract gives two RPCs the same input (Evaluate is a dry-run Send, LintTemplate a dry-run Upsert), their
/// request messages must stay field-for-field the same, or the api's one mapping would silently drop a field.
/// </summary>
public sealed class ContractTests
{
    public static TheoryData<string, string> DryRunPairs => new()
    {
        { V1.EvaluateRequest.Descriptor.FullName, V1.SendRequest.Descriptor.FullName },
        { V1.LintTemplateRequest.Descriptor.FullName, V1.UpsertTemplateRequest.Descriptor.FullName },
    };

    [Theory]
    [MemberData(nameof(DryRunPairs))]
    public void A_dry_run_request_has_exactly_the_fields_of_the_request_it_mirrors(string dryRun, string mirrored)
    {
        // Arrange
        var file = V1.ConversationsReflection.Descriptor;

        // Act
        var dryRunFields = Shape(file.FindTypeByName<MessageDescriptor>(dryRun.Split('.')[^1]));
        var mirroredFields = Shape(file.FindTypeByName<MessageDescriptor>(mirrored.Split('.')[^1]));

        // Assert
        Assert.NotEmpty(dryRunFields);
        Assert.Equal(mirroredFields, dryRunFields);
    }

    [Fact]
    public void Every_rpc_has_its_own_request_and_response_message()
    {
        // Arrange
        var methods = V1.ConversationsReflection.Descriptor.Services.SelectMany(s => s.Methods).ToList();

        // Act
        var messages = methods.SelectMany(m => new[] { m.InputType.FullName, m.OutputType.FullName }).ToList();

        // Assert
        Assert.Equal(26, methods.Count);
        Assert.Equal(messages.Count, messages.Distinct().Count());
        Assert.All(methods, m => Assert.Equal(m.Name + "Request", m.InputType.Name));
        Assert.All(methods, m => Assert.Equal(m.Name + "Response", m.OutputType.Name));
    }

    private static List<string> Shape(MessageDescriptor message) =>
        [.. message.Fields.InFieldNumberOrder().Select(f =>
            $"{f.FieldNumber} {f.Name} {f.FieldType} {(f.FieldType is FieldType.Message or FieldType.Enum ? (f.FieldType == FieldType.Message ? f.MessageType.FullName : f.EnumType.FullName) : "")} {f.IsRepeated} {f.RealContainingOneof?.Name}")];
}
