namespace Conversations.Auth;

/// <summary>
/// What a bearer token may do, in its space-separated <c>scope</c> claim. A dry run needs the scope of the call it
/// mirrors (Evaluate is a Send, LintTemplate an UpsertTemplate).
/// </summary>
public static class Scopes
{
    /// <summary>Read conversations, messages, events, templates, business numbers, messaging limits and usage.</summary>
    public const string Read = "conversations.read";

    /// <summary>Send (unary, streamed, evaluated), cancel scheduled sends and record inbound messages.</summary>
    public const string Send = "conversations.send";

    /// <summary>Author templates: upsert (any status but APPROVED) and lint.</summary>
    public const string ManageTemplates = "templates.manage";

    /// <summary>
    /// Register, release and move numbers, set messaging limits, template status and quality, upsert APPROVED
    /// templates; the only scope with which <see cref="CallerClaims.Any"/> in the WABA or portfolio claims counts.
    /// </summary>
    public const string Admin = "numbers.admin";

    public static readonly IReadOnlyList<string> All = [Read, Send, ManageTemplates, Admin];
}
