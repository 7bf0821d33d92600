using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Reads what the assembler container made: films/&lt;film-id&gt;/assembly-result.json, its last write.</summary>
public sealed class ReadAssemblyResultActivity(IClipStore store, IHostApplicationLifetime host) : TaskActivity<string, AssemblyResult>
{
    public override async Task<AssemblyResult> RunAsync(TaskActivityContext context, string filmId)
    {
        var name = AssemblyJobMessage.ResultNameOf(filmId);
        return WorkflowJson.Deserialize<AssemblyResult>(await store.ReadTextAsync(name, host.ApplicationStopping))
            ?? throw new InvalidDataException($"{name} holds no assembly result.");
    }
}
