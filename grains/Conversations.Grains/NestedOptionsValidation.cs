using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains;

/// <summary>
/// The data annotations of a nested options object, which ValidateDataAnnotations does not descend into, as failures
/// prefixed with the setting's full name (the object's configuration section and the property).
/// </summary>
public static class NestedOptionsValidation
{
    public static List<string> Failures(object options, string section)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? []
            : [.. results.Select(r => $"{string.Join(", ", r.MemberNames.DefaultIfEmpty("").Select(m => m.Length == 0 ? section : $"{section}:{m}"))}: {r.ErrorMessage}")];
    }
}
