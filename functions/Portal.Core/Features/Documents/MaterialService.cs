using Portal.Core.Shared.Files;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Documents;

/// <summary>Account → Materials: what the supplier published in the materials container for the customer's access group.</summary>
public sealed class MaterialService(DocumentStore store, DownloadLinks links)
{
    public async Task<ItemList<MaterialView>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        new((await store.ListMaterialsAsync(cancellationToken)).Where(m => Visible(m, caller)).OrderByDescending(m => m.UpdatedAt)
            .Select(m => new MaterialView(m.MaterialId, m.Title, m.Description, FileName(m), m.ContentType, m.Size, m.UpdatedAt)).ToList());

    public async Task<Uri> FileLinkAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var material = await store.ReadMaterialAsync(id, cancellationToken);
        if (material is null || !Visible(material, caller))
        {
            throw Problems.NotFound("The material");
        }
        return await links.ForAsync(DocumentsTables.MaterialsContainer, material.BlobName, FileName(material), cancellationToken);
    }

    /// <summary>No access groups in the metadata means everyone; otherwise only members of the listed groups.</summary>
    private static bool Visible(MaterialEntity material, Caller caller) =>
        material.AccessGroups.Length == 0 ||
        (caller.AccessGroupId is { } group && material.AccessGroups.Split(',').Contains(group, StringComparer.Ordinal));

    private static string FileName(MaterialEntity material) => material.BlobName[(material.BlobName.LastIndexOf('/') + 1)..];
}
