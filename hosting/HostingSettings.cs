using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Conversations.Hosting;

public static class HostingSettings
{
    /// <summary>
    /// Reads and validates the hosting section eagerly: the cluster is wired before the options system runs,
    /// so a bad port or mode must fail here, loudly, rather than after the silo half-started.
    /// </summary>
    public static HostingOptions Read(IConfiguration configuration)
    {
        var options = Validated<HostingOptions>(configuration, HostingOptions.Section);
        if (!Enum.IsDefined(options.Mode))
        {
            throw new InvalidOperationException($"{HostingOptions.Section}:Mode must be Silo or Client.");
        }

        return options;
    }

    /// <summary>A section bound and checked against its data annotations now, for wiring that cannot wait for the options system.</summary>
    public static T Validated<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Invalid {section} configuration: {string.Join(" ", errors.Select(e => e.ErrorMessage))}");
        }

        return options;
    }
}
