namespace Conversations.Api.Tests;

/// <summary>A host configured with a free-form safety margin, as operators do against Meta's early 131047s.</summary>
public sealed class SafetyMarginApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Conversations:FreeFormSafetyMargin"] = "01:00:00",
    };
}
