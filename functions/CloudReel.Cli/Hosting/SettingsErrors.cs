using Microsoft.Extensions.Options;

namespace CloudReel.Cli.Hosting;

/// <summary>How a setting out of range or missing is told: every failure on its own line, named by its setting, without a stack trace.</summary>
public static class SettingsErrors
{
    public const string Where = "appsettings.json (beside cloudreel or in the CloudReel home) or CLOUDREEL__ environment variables";

    /// <summary>The failures of <paramref name="error"/> when it is (or only holds) settings validation failures; null otherwise.</summary>
    public static IReadOnlyList<string>? Failures(Exception error) => error switch
    {
        OptionsValidationException invalid => invalid.Failures.ToList(),
        AggregateException { InnerExceptions: var inner } when inner.All(e => e is OptionsValidationException) =>
            inner.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList(),
        _ => null,
    };

    /// <summary>Writes the failures for a person, saying where settings come from.</summary>
    public static void Write(TextWriter errors, IReadOnlyList<string> failures)
    {
        errors.WriteLine($"Settings are not valid ({Where}):");
        foreach (var failure in failures) errors.WriteLine("  " + failure);
    }
}
