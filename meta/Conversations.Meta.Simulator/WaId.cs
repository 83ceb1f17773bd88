namespace Conversations.Meta.Simulator;

public static class WaId
{
    /// <summary>Meta's wa_id for a recipient given as "+16505551234" or "16505551234".</summary>
    public static string Of(string to) => to.Trim().TrimStart('+');
}
