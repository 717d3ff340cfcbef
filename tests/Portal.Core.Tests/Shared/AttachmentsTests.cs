using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.Core.Shared;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Core.Tests.Shared;

public sealed class AttachmentsTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n");

    private static HttpRequest Upload(byte[] content, string? fileName, string contentType = "application/octet-stream")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.ContentLength = content.Length;
        context.Request.Body = new MemoryStream(content);
        if (fileName is not null)
        {
            context.Request.QueryString = QueryString.Create("fileName", fileName);
        }
        return context.Request;
    }

    private static Task<PortalProblemException> Refused(byte[] content, string? fileName, AttachmentPolicy? policy = null) =>
        Assert.ThrowsAsync<PortalProblemException>(() => Attachments.ReadAsync(Upload(content, fileName), policy ?? AttachmentPolicy.ImagesAndPdf, CancellationToken.None));

    [Fact]
    public async Task A_photo_is_read_with_the_type_its_extension_names_whatever_the_client_claimed()
    {
        var file = await Attachments.ReadAsync(Upload(Png, "broken seal.PNG", "text/html"), AttachmentPolicy.ImagesAndPdf, CancellationToken.None);

        Assert.Equal("broken seal.PNG", file.FileName);
        Assert.Equal("png", file.Extension);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Png.Length, file.Content.ToArray().Length);
    }

    [Fact]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_refused()
    {
        var problem = await Refused(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "photo.jpg");

        Assert.Equal(400, problem.Status);
        Assert.Contains("file", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_type_the_policy_does_not_take_is_a_415_that_says_what_is_taken()
    {
        var problem = await Refused(Encoding.UTF8.GetBytes("a,b\n1,2\n"), "list.csv");

        Assert.Equal(415, problem.Status);
        Assert.Contains("PDF", problem.Detail);
    }

    [Fact]
    public async Task A_csv_is_taken_where_the_policy_allows_documents_but_not_with_binary_content()
    {
        var csv = await Attachments.ReadAsync(Upload(Encoding.UTF8.GetBytes("sku,qty\nHT-100,2\n"), "lines.csv"), AttachmentPolicy.Documents, CancellationToken.None);
        Assert.Equal("text/csv", csv.ContentType);

        var problem = await Refused([0x4D, 0x5A, 0x90, 0x00, 0x03], "lines.csv", AttachmentPolicy.Documents);
        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public async Task Files_above_the_limit_empty_files_and_missing_names_are_refused()
    {
        var small = AttachmentPolicy.ImagesAndPdf with { MaxBytes = 16 };

        Assert.Equal(413, (await Refused([.. Pdf, .. new byte[32]], "scan.pdf", small)).Status);
        Assert.Equal(400, (await Refused([], "scan.pdf")).Status);
        Assert.Equal(400, (await Refused(Pdf, null)).Status);
        Assert.Equal(400, (await Refused(Pdf, "   ")).Status);
    }

    [Theory]
    [InlineData("C:\\Users\\anna\\Desktop\\scan.pdf", "scan.pdf")]
    [InlineData("../../etc/scan.pdf", "scan.pdf")]
    [InlineData("  damaged\u0007 box.jpg ", "damaged box.jpg")]
    [InlineData("..", null)]
    [InlineData("", null)]
    public void File_names_lose_paths_and_control_characters(string given, string? expected) =>
        Assert.Equal(expected, Attachments.CleanFileName(given));

    [Theory]
    [InlineData("pdf", true)]
    [InlineData("png", false)]
    [InlineData("jpg", false)]
    [InlineData("exe", false)]
    public void Content_is_checked_against_the_extension(string extension, bool matches) =>
        Assert.Equal(matches, FileTypes.ContentMatches(extension, Pdf));

    [Fact]
    public void A_retried_upload_gets_the_same_id_and_different_keys_get_different_ids()
    {
        var scope = CounterpartyScope.OfWork("northwind");

        Assert.Equal(Attachments.IdFor(scope, "rma-requests/r1", "key-1"), Attachments.IdFor(scope, "rma-requests/r1", "key-1"));
        Assert.NotEqual(Attachments.IdFor(scope, "rma-requests/r1", "key-1"), Attachments.IdFor(scope, "rma-requests/r1", "key-2"));
        Assert.NotEqual(Attachments.IdFor(scope, "rma-requests/r1", null), Attachments.IdFor(scope, "rma-requests/r1", null));
    }

    [Fact]
    public void Blobs_live_under_the_counterparty_and_the_owner_and_refuse_unsafe_names()
    {
        var scope = CounterpartyScope.OfWork("northwind");

        Assert.Equal("northwind/support-requests/s1/a1", Attachments.BlobName(scope, "support-requests/s1", "a1"));
        Assert.Throws<ArgumentException>(() => Attachments.BlobName(scope, "support-requests/s1", "a?1"));
    }
}
