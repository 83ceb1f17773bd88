using System.Text.RegularExpressions;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Conversations.Testing;

namespace Conversations.Api.Tests;

/// <summary>The README's error table is what client teams code against: it must say exactly what RefusalStatus does.</summary>
public sealed partial class ReadmeErrorTableTests
{
    [Fact]
    public void Every_refusal_reason_has_its_README_row_with_the_status_and_WhatsApp_code_it_is_sent_with()
    {
        // Arrange
        var rows = ReadmeRows();

        // Act
        var expected = Enum.GetValues<RefusalReason>().ToDictionary(
            RefusalStatus.ReasonName,
            reason => RefusalStatus.Of(reason) is var (code, whatsAppCode)
                ? (RefusalStatus.UpperSnake(code.ToString()), whatsAppCode ?? (RefusalStatus.ReasonName(reason).StartsWith("META_", StringComparison.Ordinal) ? "from Meta" : ""))
                : default);

        // Assert
        Assert.Equal(expected.OrderBy(r => r.Key), rows.Where(r => !IsInfrastructure(r.Key)).OrderBy(r => r.Key));
    }

    [Fact]
    public void Every_infrastructure_failure_has_its_README_row_with_the_status_it_is_sent_with()
    {
        // Arrange
        var rows = ReadmeRows();

        // Act
        var expected = ClusterFailure.All.ToDictionary(f => f.Reason, f => (RefusalStatus.UpperSnake(f.Code.ToString()), ""));

        // Assert
        Assert.Equal(expected.OrderBy(r => r.Key), rows.Where(r => IsInfrastructure(r.Key)).OrderBy(r => r.Key));
    }

    private static bool IsInfrastructure(string reason) => ClusterFailure.All.Any(f => f.Reason == reason);

    private static Dictionary<string, (string Status, string WhatsAppCode)> ReadmeRows()
    {
        var readme = RepositoryFiles.Read("README.md");
        var table = readme[readme.IndexOf("| reason | gRPC status | WhatsApp code |", StringComparison.Ordinal)..];
        return Row().Matches(table.Split("\n\n")[0])
            .ToDictionary(m => m.Groups["reason"].Value, m => (m.Groups["status"].Value, m.Groups["code"].Value.Trim()));
    }

    [GeneratedRegex(@"^\| (?<reason>[A-Z_]+) \| (?<status>[A-Z_]+) \| (?<code>[^|]*)\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
