namespace CloudReel.Local.Engine;

/// <summary>Another live process runs the instance: this engine will not run it at the same time.</summary>
public sealed class InstanceLeasedException(string message) : InvalidOperationException(message);
