using System.Reflection;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.DurableTask;

namespace CloudReel.Core.Tests.Workflow;

public class FailureCausesTests
{
    [Fact]
    public void CausedBy_FailureOfATypeNetstandardForwards_AnswersInsteadOfThrowing()
    {
        Assembly.Load("netstandard");
        var failure = TaskFailureDetails.FromException(new HttpRequestException("connection refused"));

        failure.CausedBy<BadClipException>().Should().BeFalse();
        failure.CausedBy<HttpRequestException>().Should().BeTrue();
    }

    [Fact]
    public void CausedBy_DerivedException_CountsAsItsBase()
    {
        var failure = TaskFailureDetails.FromException(new FileNotFoundException("clip.mp4"));

        failure.CausedBy<IOException>().Should().BeTrue();
        failure.CausedBy<BadClipException>().Should().BeFalse();
    }
}
