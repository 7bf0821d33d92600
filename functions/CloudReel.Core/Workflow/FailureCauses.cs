using System.Reflection;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>What a task's failure was caused by, asked in a way that cannot itself fail.</summary>
public static class FailureCauses
{
    /// <summary>
    /// <see cref="TaskFailureDetails.IsCausedBy{T}"/>, which looks the failure's type up by name in every
    /// loaded assembly and throws <see cref="AmbiguousMatchException"/> when two of them answer: netstandard.dll
    /// forwards HttpRequestException and SocketException, the commonest failures of a video service. Then the
    /// names are compared (the workflow's own failure types are sealed).
    /// </summary>
    public static bool CausedBy<T>(this TaskFailureDetails failure)
        where T : Exception
    {
        try
        {
            return failure.IsCausedBy<T>();
        }
        catch (AmbiguousMatchException)
        {
            return failure.ErrorType == typeof(T).FullName;
        }
    }
}
