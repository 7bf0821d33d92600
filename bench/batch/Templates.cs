namespace CloudReel.Bench.Batch;

/// <summary>The benchmark's templates: 144p, the animatic, cuts; one row per film with a place name.</summary>
internal static class Templates
{
    /// <summary>Three one-second shots, each naming the row's place: every row's clips are its own.</summary>
    public const string Postcard = """
        title: "Postcard {{ place }}"
        resolution: 144p
        fps: 24
        model: animatic
        transition: cut
        variables:
          place: string
        shots:
          - {id: arrive, prompt: "Arriving in {{ place }} by train", seconds: 1}
          - {id: street, prompt: "A street corner of {{ place }}", seconds: 1}
          - {id: leave, prompt: "Leaving {{ place }} at dusk", seconds: 1}
        """;

    /// <summary>One one-second shot with no placeholder: the same content key in every row, made once and read back for the rest.</summary>
    public const string SharedShot = """
        title: "Greetings from {{ place }}"
        resolution: 144p
        fps: 24
        model: animatic
        transition: cut
        variables:
          place: string
        shots:
          - {id: logo, prompt: "The agency's logo on a warm backdrop", seconds: 1}
        """;
}
