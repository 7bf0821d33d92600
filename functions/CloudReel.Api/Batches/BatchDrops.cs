using CloudReel.Api.Events;
using CloudReel.Azure.Inbound;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CloudReel.Api.Batches;

/// <summary>
/// A batch dropped into the orders container: incoming/batches/&lt;name&gt;/ with template.yaml (or .yml,
/// .json), the pictures its rows name, and last the data file (data.csv, data.jsonl or data.json), whose
/// arrival starts the batch through the one batch intake. The batch id comes from the folder, the data
/// blob and its ETag, so a redelivered event starts nothing new. A batch that is refused gets
/// errors.json beside its data: every error located, or the budget's reason.
/// </summary>
public sealed class BatchDrops(IFilmRuntime runtime, IClipStore store, IBatchExpander expander, BatchIntake intake, ILogger logger)
{
    public const string ErrorsFileName = "errors.json";

    private static readonly string[] TemplateFiles = ["template.yaml", "template.yml", "template.json"];

    public async Task<InboundOutcome> StartAsync(BatchSubmitted drop, CancellationToken cancellationToken)
    {
        var folder = StoreLayout.OrdersPrefix + drop.Folder;
        var name = drop.Folder.TrimEnd('/')[(drop.Folder.TrimEnd('/').LastIndexOf('/') + 1)..];
        string? templateFile = null;
        foreach (var candidate in TemplateFiles)
        {
            if (await store.ExistsAsync(folder + candidate, cancellationToken)) templateFile ??= candidate;
        }

        if (templateFile is null)
        {
            await RefuseAsync(folder, [], $"no template in orders/{drop.Folder}: upload template.yaml before the data file", cancellationToken);
            return new InboundOutcome(drop.EventId, "refused: no template", null);
        }

        var dataFile = drop.DataBlobName[(drop.DataBlobName.LastIndexOf('/') + 1)..];
        var template = OrderDocument.FromFile(await store.ReadTextAsync(folder + templateFile, cancellationToken), templateFile);
        var data = new BatchData((await store.ReadTextAsync(StoreLayout.OrdersPrefix + drop.DataBlobName, cancellationToken)).TrimStart('\uFEFF'), dataFile);
        var files = new StoreFolderFiles(store, folder);
        var expansion = await expander.ExpandAsync(template, data, files, cancellationToken);
        var batchId = BatchIds.Derived(name, "blob", drop.DataBlobName, drop.ETag);
        if (!expansion.IsValid)
        {
            await RefuseAsync(folder, expansion.Errors, $"{expansion.Errors.Count} error(s) in the batch; nothing was started", cancellationToken);
            return new InboundOutcome(drop.EventId, "refused: invalid rows", batchId);
        }

        var admission = await intake.SubmitAsync(runtime, new BatchSubmission(batchId, name, "orders/" + drop.DataBlobName, expansion.Rows, BatchUpload.DefaultFilmsAtOnce), cancellationToken);
        if (!admission.Accepted)
        {
            await RefuseAsync(folder, admission.Errors, admission.Reason!, cancellationToken);
            return new InboundOutcome(drop.EventId, "refused: " + admission.Reason, batchId);
        }

        return new InboundOutcome(drop.EventId, admission.Started ? "batch started" : "batch already started", batchId);
    }

    /// <summary>Tells the integrator why, beside the data they dropped (errors.json is not a data file: writing it starts nothing).</summary>
    private async Task RefuseAsync(string folder, IReadOnlyList<Core.Orders.OrderError> errors, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Batch {Folder} refused: {Reason}", folder, reason);
        var body = new { reason, errors = Core.Orders.OrderLimits.Shown(errors).Select(e => e.ToString()).ToList(), errorCount = errors.Count };
        await store.PutTextAsync(folder + ErrorsFileName, System.Text.Json.JsonSerializer.Serialize(body, WorkflowJson.Indented), "application/json", overwrite: true, cancellationToken);
    }
}
