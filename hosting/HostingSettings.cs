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
        var options = new HostingOptions();
        configuration.GetSection(HostingOptions.Section).Bind(options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Invalid {HostingOptions.Section} configuration: {string.Join(" ", errors.Select(e => e.ErrorMessage))}");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            throw new InvalidOperationException($"{HostingOptions.Section}:Mode must be Silo or Client.");
        }

        return options;
    }
}
