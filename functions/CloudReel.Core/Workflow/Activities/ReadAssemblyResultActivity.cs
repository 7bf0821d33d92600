using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Reads what the assembler container made: films/&lt;film-id&gt;/assembly-result.json, its last write.</summary>
public sealed class ReadAssemblyResultActivity(IClipStore store) : Activity<string, AssemblyResult>
{
    public override async Task<AssemblyResult> RunAsync(ActivityContext context, string filmId)
    {
        var name = AssemblyJobMessage.ResultNameOf(filmId);
        return WorkflowJson.Deserialize<AssemblyResult>(await store.ReadTextAsync(name, context.CancellationToken))
            ?? throw new InvalidDataException($"{name} holds no assembly result.");
    }
}
