using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Intake;

/// <summary>
/// The one way a film comes in, whichever the door (`cloudreel render`, POST /api/films, an order
/// dropped in the store): validate the order against its files and the models this host knows,
/// stage it under orders/&lt;film-id&gt;/, and start the film on the runtime with its label.
/// With <paramref name="speech"/> (every host has it) the order's voices are held to the providers' voice lists.
/// With <paramref name="eventPublishers"/> (every host has them, maybe none) a film whose host has nowhere to send events publishes none.
/// </summary>
public sealed class FilmIntake(
    IClipStore store,
    IVideoModelCatalog models,
    IReferenceImageFetcher fetcher,
    FilmIntakeOptions options,
    IMediaFileProbe? probe = null,
    ISpeechChoices? speech = null,
    IEnumerable<IFilmEventPublisher>? eventPublishers = null)
{
    private readonly OrderStaging _staging = new(store, fetcher);

    /// <summary>Whether films taken in here send their events: some destination is configured (unknown: yes).</summary>
    public bool SendsEvents { get; } = eventPublishers?.Any() ?? true;

    /// <summary>Every problem of the order, each with file, line, column and field; or the order. Its pictures and sound files are read through before anything is spent.</summary>
    public Task<OrderLoadResult> ValidateAsync(OrderDocument order, IOrderFiles files, CancellationToken cancellationToken) =>
        models.OrderLoader(files, probe, speech).LoadAsync(order.Text, order.DisplayName, cancellationToken);

    /// <inheritdoc cref="OrderStaging.StageAsync"/>
    public Task<string> StageAsync(string filmId, OrderDocument order, FilmOrder? parsed, IOrderSource source, CancellationToken cancellationToken) =>
        _staging.StageAsync(filmId, order, parsed, source, cancellationToken);

    /// <summary>The request that starts a staged film as this host makes films: assembled in process, or queued for the assembler container.</summary>
    public FilmRequest Request(string filmId, string orderName, string title, string source, bool draft = false) =>
        new(filmId, orderName, options.QueuedAssemblyTimeout is { } timeout ? new QueuedAssembly(timeout) : null)
        {
            Draft = draft,
            Label = new FilmLabel(title, source, options.OutputRoot, options.Store),
            SendsEvents = SendsEvents,
        };

    /// <summary>Stages an order and starts its film; false when a film with that id exists already (nothing new starts).</summary>
    /// <param name="runtime">The engine the film runs on.</param>
    /// <param name="filmId">The film's id (random, or derived from what identifies the request).</param>
    /// <param name="order">The order as it arrived.</param>
    /// <param name="parsed">The parsed order (validated, or only bound when the film's own validation reports its errors).</param>
    /// <param name="files">Where the order's files are read from.</param>
    /// <param name="origin">Where the order came from, for people (a path, a blob name).</param>
    /// <param name="draft">Assemble a draft preview.</param>
    /// <param name="cancellationToken">Cancels staging and start.</param>
    /// <exception cref="OrderStagingException">A reference image could not be fetched safely.</exception>
    public async Task<bool> SubmitAsync(
        IFilmRuntime runtime, string filmId, OrderDocument order, FilmOrder? parsed, IOrderSource files, string origin, bool draft, CancellationToken cancellationToken)
    {
        var orderName = await StageAsync(filmId, order, parsed, files, cancellationToken);
        return await runtime.StartFilmAsync(Request(filmId, orderName, TitleOf(parsed, order), origin, draft), cancellationToken);
    }

    /// <summary>The order's title, or its file's name when it has none (an order that does not parse).</summary>
    public static string TitleOf(FilmOrder? parsed, OrderDocument order) =>
        string.IsNullOrWhiteSpace(parsed?.Title) ? Path.GetFileNameWithoutExtension(order.DisplayName) : parsed.Title;
}

/// <summary>How this host makes the films it takes in.</summary>
public sealed record FilmIntakeOptions
{
    /// <summary>Films are assembled by the assembler container through the assembly queue, and fail when it has not reported within this time; null: in this process.</summary>
    public TimeSpan? QueuedAssemblyTimeout { get; init; }

    /// <summary>Where this machine writes film outputs (a folder store's films root), remembered with each film.</summary>
    public string? OutputRoot { get; init; }

    /// <summary>The clip store, as it may be remembered (without keys), with each film.</summary>
    public string? Store { get; init; }
}
