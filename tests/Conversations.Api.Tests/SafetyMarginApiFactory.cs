namespace Conversations.Api.Tests;

/// <summary>A host configured with a free-form safety margin, as operators do against Meta's early 131047s.</summary>
public sealed class SafetyMarginApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Conversations:FreeFormSafetyMargin"] = "01:00:00",
        // One reminder tick per window here: a closing-soon tick racing the test's next clock move would blur what is measured.
        ["Conversations:ClosingSoonLeadTime"] = "00:00:00",
    };
}
