using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CloudReel.Models.Configuration;

/// <summary>
/// What every video service's section (<c>Models:&lt;Service&gt;</c>) may set besides its keys. Options
/// are plain classes: their ToString never prints a key.
/// </summary>
public abstract class ServiceOptions
{
    /// <summary>Overrides the service's documented address (tests point it at a local fake).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Overrides the documented or assumed price per second of video.</summary>
    [Range(typeof(decimal), "0", "1000")]
    public decimal? PricePerSecond { get; set; }

    /// <summary>The currency prices are in. The default is USD.</summary>
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO 4217 code such as USD or CNY.")]
    public string Currency { get; set; } = "USD";

    /// <summary>Jobs the account may run at once; more wait in CloudReel, unsent.</summary>
    [Range(1, 1000)]
    public int? MaxConcurrentJobs { get; set; }

    /// <summary>How often to ask about a running job when the service gives no hint.</summary>
    [Range(0.01, 3600)]
    public double? PollIntervalSeconds { get; set; }

    /// <summary>How long a job may run before the attempt is given up.</summary>
    [Range(0.1, 24 * 60)]
    public double? JobTimeoutMinutes { get; set; }

    [ValidateObjectMembers]
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>The service's address: <see cref="BaseUrl"/>, else the documented one for the options' region.</summary>
    public Uri ServiceUri(string documented) => new((BaseUrl ?? documented).TrimEnd('/') + "/");

    public TimeSpan PollInterval(double defaultSeconds) => TimeSpan.FromSeconds(PollIntervalSeconds ?? defaultSeconds);

    public TimeSpan JobTimeout(double defaultMinutes) => TimeSpan.FromMinutes(JobTimeoutMinutes ?? defaultMinutes);
}
