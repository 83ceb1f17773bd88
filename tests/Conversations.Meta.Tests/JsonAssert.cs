using System.Text.Json.Nodes;

namespace Conversations.Meta.Tests;

public static class JsonAssert
{
    /// <summary>Same JSON, property order aside; the failure shows both documents.</summary>
    public static void Equal(string expected, JsonNode? actual)
    {
        var want = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(want, actual),
            $"Expected JSON:{Environment.NewLine}{want?.ToJsonString()}{Environment.NewLine}Actual JSON:{Environment.NewLine}{actual?.ToJsonString()}");
    }
}
