namespace Conversations.Grains.BusinessNumbers;

[GenerateSerializer]
[Alias("business-number-state")]
public sealed class BusinessNumberState
{
    [Id(0)] public string? WabaId { get; set; }
}
