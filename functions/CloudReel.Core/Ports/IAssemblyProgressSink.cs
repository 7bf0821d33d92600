namespace CloudReel.Core.Ports;

/// <summary>Where an assembly's progress goes: the CLI's progress bar locally, logs in Azure.</summary>
public interface IAssemblyProgressSink
{
    void Report(string filmId, AssemblyProgress progress);
}

public sealed class NullAssemblyProgressSink : IAssemblyProgressSink
{
    public static readonly NullAssemblyProgressSink Instance = new();

    public void Report(string filmId, AssemblyProgress progress)
    {
    }
}
