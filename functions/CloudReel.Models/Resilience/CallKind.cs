namespace CloudReel.Models.Resilience;

/// <summary>What a call to a service does, which decides what may safely be tried again.</summary>
public enum CallKind
{
    /// <summary>Creates a paid job: never sent again once the service may have taken it.</summary>
    Submit,

    /// <summary>Reads a job's state or a list of jobs: safe to repeat.</summary>
    Query,

    /// <summary>Fetches a finished clip: safe to repeat, slow, and its link may expire.</summary>
    Download,
}
