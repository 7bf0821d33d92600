namespace CloudReel.Api.OpenApi;

/// <summary>The OpenAPI 3.1 document of the API (OpenApi/openapi.json, embedded), served at GET /api/openapi.json.</summary>
public static class ApiDocument
{
    public static string Json { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ApiDocument).Assembly.GetManifestResourceStream("CloudReel.Api.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in CloudReel.Api.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
