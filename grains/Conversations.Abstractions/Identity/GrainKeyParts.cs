namespace Conversations.Abstractions.Identity;

/// <summary>The two parts of a "{a}/{b}" grain key whose parts are validated ids with no '/' of their own.</summary>
internal static class GrainKeyParts
{
    public static (string First, string Second) Split(string grainKey, string keyName)
    {
        var slash = grainKey.IndexOf('/');
        if (slash <= 0 || slash == grainKey.Length - 1)
        {
            throw new FormatException($"'{grainKey}' is not a {keyName} key.");
        }

        return (grainKey[..slash], grainKey[(slash + 1)..]);
    }
}
