using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudReel.Api;

/// <summary>Settings of the HTTP API (configuration section "Api"), the same in both homes.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>`cloudreel serve` only: the key clients send (x-api-key or x-functions-key header). Azure uses function keys instead.</summary>
    public string? Key { get; set; }

    /// <summary>Key for signing output links the store cannot sign itself (a folder store); defaults to one derived from <see cref="Key"/>.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>How long output links stay valid.</summary>
    [Range(0.1, 168)]
    public double LinkLifetimeHours { get; set; } = 24;

    /// <summary>The largest order body accepted.</summary>
    [Range(1024, 20 * 1024 * 1024)]
    public int MaxOrderBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest order sent with its files (multipart/form-data: pictures, music, a logo); the order itself is still held to <see cref="MaxOrderBytes"/>.</summary>
    [Range(1024, 500 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>
    /// When set, films started here are assembled by the assembler container through the assembly
    /// queue, and fail when it has not reported within this many minutes (the Functions app sets it).
    /// </summary>
    [Range(1, 24 * 60)]
    public double? QueuedAssemblyTimeoutMinutes { get; set; }

    /// <summary><see cref="QueuedAssemblyTimeoutMinutes"/> as a time span; null when films assemble in this process.</summary>
    public TimeSpan? QueuedAssemblyTimeout => QueuedAssemblyTimeoutMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
}

/// <summary>The API's settings, the one way every host reads them: bound from the "Api" section and checked at start.</summary>
public static class ApiOptionsRegistration
{
    /// <summary>
    /// Binds <see cref="ApiOptions"/> and validates its data annotations when the host starts (and whenever it is
    /// first read): a value out of range stops the host with <see cref="OptionsValidationException"/> naming it.
    /// </summary>
    public static OptionsBuilder<ApiOptions> AddApiOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
}
