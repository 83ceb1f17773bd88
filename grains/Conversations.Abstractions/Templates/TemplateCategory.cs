namespace Conversations.Abstractions.Templates;

[GenerateSerializer]
[Alias("template-category")]
public enum TemplateCategory
{
    Marketing = 1,
    Utility = 2,
    Authentication = 3,
}
