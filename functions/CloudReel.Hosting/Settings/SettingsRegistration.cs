using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CloudReel.Hosting.Settings;

/// <summary>Settings sections bound to their classes and checked when the host starts, each failure named by its setting.</summary>
public static class SettingsRegistration
{
    /// <summary>Binds <paramref name="section"/> to <typeparamref name="T"/>, checked by <typeparamref name="TValidator"/> when the host starts.</summary>
    public static IServiceCollection AddSettings<T, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>, new()
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionValidator<T>(section, new TValidator())));
        return services;
    }

    /// <summary>
    /// Checks every setting registered to be checked at start, for hosts that build their services
    /// without a generic host (the cloudreel command); the generic host (Functions) does this itself.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is out of range or missing; its message names each.</exception>
    public static void CheckSettings(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Names the section in each failure, so "MaxRetries" reads "Models:Kling: … MaxRetries …".</summary>
    private sealed class SectionValidator<T>(string section, IValidateOptions<T> inner) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var result = inner.Validate(name, options);
            return result.Failed ? ValidateOptionsResult.Fail(result.Failures!.Select(failure => $"{section}: {failure}")) : result;
        }
    }
}
