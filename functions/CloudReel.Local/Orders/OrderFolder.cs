using System.Globalization;
using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Local.Orders;

/// <summary>
/// The one way to the files of an order on disk. A path is taken relative to the order's folder,
/// resolved to its real path (every link followed), and refused when it leaves that folder or is not
/// a regular file (a FIFO, a device, a folder); every read is capped by the bytes actually read.
/// So a link to /etc/passwd or /dev/zero, or a FIFO that blocks forever, never reaches validation,
/// planning or the store.
/// </summary>
public sealed class OrderFolder
{
    private readonly string _root;

    /// <param name="directory">The order's folder.</param>
    public OrderFolder(string directory)
    {
        _root = FileKinds.RealPath(Path.GetFullPath(directory)) ?? throw new DirectoryNotFoundException($"{directory} does not exist");
    }

    /// <summary>The folder of the order file at <paramref name="orderPath"/>.</summary>
    public static OrderFolder Of(string orderPath) => new(Path.GetDirectoryName(Path.GetFullPath(orderPath))!);

    /// <summary>
    /// Reads an order (or brief, or screenplay) file as text: it must be a regular file (after links)
    /// no larger than <paramref name="maxBytes"/>, counted as it is read.
    /// </summary>
    /// <exception cref="OrderFileRefusedException">It is not a regular file, or is too large.</exception>
    /// <exception cref="FileNotFoundException">It does not exist.</exception>
    public static async Task<string> ReadOrderTextAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        var real = FileKinds.RealPath(Path.GetFullPath(path)) ?? throw new FileNotFoundException($"{path} does not exist", path);
        if (!FileKinds.IsRegularFile(real)) throw new OrderFileRefusedException($"{path} is not a regular file");
        return await ReadTextAsync(real, maxBytes, path, cancellationToken);
    }

    /// <summary>The size of a file of the order, or null when it is missing.</summary>
    /// <exception cref="OrderFileRefusedException">The path leaves the order's folder or is not a regular file.</exception>
    public long? GetSize(string relativePath) => Find(relativePath) is { } real ? new FileInfo(real).Length : null;

    /// <summary>Opens a file of the order for reading; reading more than <paramref name="maxBytes"/> throws <see cref="OrderFileRefusedException"/>.</summary>
    public Stream OpenRead(string relativePath, long maxBytes) =>
        TryOpenRead(relativePath, maxBytes) ?? throw new FileNotFoundException($"file not found: {relativePath} (relative to the order file)", relativePath);

    /// <summary>As <see cref="OpenRead"/>, or null when there is nothing at the path.</summary>
    public Stream? TryOpenRead(string relativePath, long maxBytes) =>
        Find(relativePath) is { } real ? new CappedReadStream(File.OpenRead(real), maxBytes, relativePath) : null;

    /// <summary>Reads a text file of the order (e.g. its screenplay), capped at <paramref name="maxBytes"/>.</summary>
    public Task<string> ReadTextAsync(string relativePath, long maxBytes, CancellationToken cancellationToken)
    {
        var real = Find(relativePath) ?? throw new FileNotFoundException($"file not found: {relativePath} (relative to the order file)", relativePath);
        return ReadTextAsync(real, maxBytes, relativePath, cancellationToken);
    }

    /// <summary>The real path of a regular file inside the order's folder, or null when there is nothing at the path.</summary>
    /// <exception cref="OrderFileRefusedException">The path leaves the order's folder or is not a regular file.</exception>
    public string? Find(string relativePath)
    {
        if (!StoreLayout.IsSafeRelativePath(relativePath)) throw new OrderFileRefusedException($"{relativePath} is not a path inside the order's folder");
        var real = FileKinds.RealPath(Path.Combine(_root, relativePath));
        if (real is null) return null;
        if (!IsInside(real)) throw new OrderFileRefusedException($"{relativePath} leads outside the order's folder (through a link); only files inside it can be used");
        if (!FileKinds.IsRegularFile(real)) throw new OrderFileRefusedException($"{relativePath} is not a regular file (a folder, a FIFO or a device)");
        return real;
    }

    internal static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    private bool IsInside(string real) => real.StartsWith(_root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static async Task<string> ReadTextAsync(string real, long maxBytes, string displayName, CancellationToken cancellationToken)
    {
        await using var stream = new CappedReadStream(File.OpenRead(real), maxBytes, displayName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
