using CloudReel.Core.Models;
using CloudReel.Core.Text;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Tests.Models;

/// <summary>A service's error text is kept without the secrets it may echo: it reaches reports, the ledger, the journal and the API.</summary>
public class JobFailureRedactionTests
{
    private const string KlingJwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhay1saXZlIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    [Fact]
    public void Failed_ProviderEchoingTheAuthorizationHeader_KeepsTheMessageWithoutTheToken()
    {
        var status = JobStatus.Failed("job-1", FailureReason.Invalid, "1201", $"bad request; headers: {{\"Authorization\": \"Bearer {KlingJwt}\"}}");

        status.Failure!.Message.Should().NotContain(KlingJwt).And.NotContain("eyJ").And.StartWith("bad request");
        WorkflowJson.Serialize(status).Should().NotContain(KlingJwt, "what the journal and the ledger keep");
    }

    [Theory]
    [InlineData("GET https://host/api/films?code=SeCrEt123&x=1", "SeCrEt123", "code=[redacted]")]
    [InlineData("https://acct.blob.core.windows.net/films/a.mp4?sv=2025-11-05&se=2026&sp=r&sig=AbC%2Bdef%3D", "AbC%2Bdef%3D", "sig=[redacted]")]
    [InlineData("Authorization: Token vidu-key-123", "vidu-key-123", "Token [redacted]")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0a2V5;EndpointSuffix=core.windows.net", "c2VjcmV0a2V5", "AccountKey=[redacted]")]
    [InlineData("{\"api_key\": \"sk-live-999\", \"error\": \"quota\"}", "sk-live-999", "\"error\": \"quota\"")]
    public void Redact_EverySecretShape_IsTakenOutAndTheRestKept(string text, string secret, string kept)
    {
        var redacted = Secrets.Redact(text);

        redacted.Should().NotContain(secret).And.Contain(kept);
    }
}
