using System.Collections.Frozen;
using System.Text;

namespace Conversations.Abstractions.Refusals;

/// <summary>The spelling clients, logs and metrics share: WINDOW_CLOSED for WindowClosed, computed once per reason.</summary>
public static class RefusalNames
{
    private static readonly FrozenDictionary<RefusalReason, string> s_names =
        Enum.GetValues<RefusalReason>().ToFrozenDictionary(reason => reason, reason => UpperSnake(reason.ToString()));

    public static string Of(RefusalReason reason) => s_names.TryGetValue(reason, out var name) ? name : UpperSnake(reason.ToString());

    public static string UpperSnake(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                snake.Append('_');
            }

            snake.Append(char.ToUpperInvariant(name[i]));
        }

        return snake.ToString();
    }
}
