using CloudReel.Api.Links;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Api;

/// <summary>
/// What the API needs besides the film runtime, shared by every request: the clip store, the models,
/// the model slots, the settings, the clock and the film intake. Registered once per host; the runtime may be per request
/// (the Functions app gets its Durable client per invocation).
/// </summary>
public sealed class FilmApiServices(
    IClipStore store,
    IVideoModelCatalog models,
    IModelSlots slots,
    ApiOptions options,
    TimeProvider time,
    FilmIntake intake,
    ILoggerFactory? loggerFactory = null,
    PlanPreview? preview = null,
    IBatchExpander? expander = null)
{
    public IClipStore Store => store;

    public IVideoModelCatalog Models => models;

    public IModelSlots Slots => slots;

    public ApiOptions Options => options;

    public TimeProvider Time => time;

    public ILoggerFactory LoggerFactory => loggerFactory ?? NullLoggerFactory.Instance;

    /// <summary>How orders are planned and priced for a dry run; null where the host does not plan (dry runs answer 503).</summary>
    public PlanPreview? Preview => preview;

    /// <summary>How films come in: validated, staged and started.</summary>
    public FilmIntake Intake => intake;

    /// <summary>Whether this host takes batches (it gave the API its plan preview and its batch expander).</summary>
    public bool TakesBatches => preview is not null && expander is not null;

    /// <summary>How a template and its rows become orders, every row checked (the host's, with its file probe).</summary>
    public IBatchExpander Expander => expander ?? throw new InvalidOperationException("This host gave the API no batch expander: it takes no batches.");

    /// <summary>How batches come in: every row checked and planned, admitted all or nothing, staged and started (needs the host's plan preview).</summary>
    public BatchIntake Batches => new(intake, new BatchEstimator(preview ?? throw new InvalidOperationException("This host gave the API no plan preview: it takes no batches.")));

    public OutputLinks Links { get; } = new(store, OutputLinks.KeyFrom(options), time, TimeSpan.FromHours(options.LinkLifetimeHours));
}
