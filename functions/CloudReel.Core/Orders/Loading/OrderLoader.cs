using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Orders;

/// <summary>
/// Reads a film order from YAML or JSON and checks it all the way: structure, the rules between
/// fields, the models it names and the files it refers to. Every problem is reported at once, each
/// with its line, column and field; only a syntax error stops the checks early.
/// </summary>
/// <param name="files">The files the order refers to.</param>
/// <param name="models">Every model that can be ordered here.</param>
/// <param name="unconfigured">Models known here but not configured, with what to set to use them.</param>
/// <param name="speech">The speech providers' voice lists, asked for only when the order speaks; without them the voices an order names are not checked.</param>
/// <param name="probe">Reads pictures, sound files and clips through; without it they are checked by their first bytes only.</param>
/// <param name="clipMeter">Measures the own clips of shots that give no length (<paramref name="probe"/> over <paramref name="files"/> when absent); without either they last the default length.</param>
public sealed class OrderLoader(
    IOrderFiles files,
    IReadOnlyDictionary<string, ModelCapabilities> models,
    IReadOnlyDictionary<string, string>? unconfigured = null,
    ISpeechChoices? speech = null,
    IMediaFileProbe? probe = null,
    ClipMeter? clipMeter = null)
{
    /// <param name="text">The order file's text.</param>
    /// <param name="fileName">The name every error shows, e.g. "samples/shanghai/order.yaml"; ".json" means JSON, anything else YAML.</param>
    /// <param name="cancellationToken">Cancels the file checks.</param>
    public async Task<OrderLoadResult> LoadAsync(string text, string fileName, CancellationToken cancellationToken = default)
    {
        var problems = new OrderProblems();
        var root = Read(text, fileName, problems);
        if (root is null) return new OrderLoadResult(null, problems.ToErrors(fileName));

        var index = StructuralValidator.Validate(root, problems);
        var meter = clipMeter ?? (probe is not null && files is IOrderSource source ? new ClipMeter(probe, source) : null);
        var order = ShotLengths.Resolve(await ClipLengths.FillAsync(new OrderBinder(index).Bind(root), index, meter, cancellationToken), models);
        var context = new CheckContext(order, index, problems);
        OrderChecks.Run(context);
        CastChecks.Run(context);
        PresentationChecks.Run(context);
        var choices = speech is not null && order.Shots.Any(s => s.Speaks) ? await speech.ChoicesAsync(cancellationToken) : null;
        VoiceChecks.Run(context, choices);
        ModelChecks.Run(context, models, unconfigured ?? new Dictionary<string, string>());
        await FileChecks.RunAsync(context, files, probe, cancellationToken);

        var errors = problems.ToErrors(fileName);
        return new OrderLoadResult(errors.Count == 0 ? order : null, errors);
    }

    /// <summary>
    /// The order as far as it reads and binds, without the checks: enough to learn which files it
    /// names, even when it has errors (the film's own validation reports those). Null when it does not parse.
    /// </summary>
    public static FilmOrder? BindUnchecked(string text, string fileName)
    {
        var problems = new OrderProblems();
        var root = Read(text, fileName, problems);
        return root is null ? null : new OrderBinder(StructuralValidator.Validate(root, problems)).Bind(root);
    }

    /// <summary>Reading and structural validation only: what the JSON Schema can say about the order too.</summary>
    internal static IReadOnlyList<OrderError> CheckStructure(string text, string fileName)
    {
        var problems = new OrderProblems();
        if (Read(text, fileName, problems) is { } root) StructuralValidator.Validate(root, problems);
        return problems.ToErrors(fileName);
    }

    internal static OrderNode? Read(string text, string fileName, OrderProblems problems) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonNodeReader.Read(text, problems)
            : YamlNodeReader.Read(text, problems);
}
