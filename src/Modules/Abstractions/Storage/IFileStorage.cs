namespace NucleusCloud.Modules.Abstractions.Storage;

/// <summary>
/// Where uploaded files live: never under the web root, never addressed by a name a user chose.
/// Keys are made by the modules (<c>brand/{tenant}/{asset}/{version}</c>); local disk by default,
/// an object store in production.
/// </summary>
public interface IFileStorage
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file's content, or null when there is none under <paramref name="key"/>.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every key that starts with <paramref name="prefix"/> (a tenant's <c>{tenant}/</c>, for its export and its erasure), in key order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default);
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The local-disk root, relative to the content root unless absolute (default <c>data/files</c>).</summary>
    public string Root { get; set; } = Path.Combine("data", "files");
}
