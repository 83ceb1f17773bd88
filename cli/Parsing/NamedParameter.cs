namespace Conversations.Cli.Parsing;

/// <summary>A "--named key=value" argument; the value may itself contain '='.</summary>
public static class NamedParameter
{
    public static bool TryParse(string text, out KeyValuePair<string, string> parameter)
    {
        var separator = text.IndexOf('=');
        if (separator <= 0)
        {
            parameter = default;
            return false;
        }

        parameter = KeyValuePair.Create(text[..separator], text[(separator + 1)..]);
        return true;
    }
}
