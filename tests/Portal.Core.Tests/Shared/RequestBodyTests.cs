using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Tests.Shared;

public sealed class RequestBodyTests
{
    private sealed class Line : IValidatable
    {
        [JsonRequired] public string Sku { get; set; } = "";
        [JsonRequired] public decimal Quantity { get; set; }

        public void Validate(ValidationErrors errors)
        {
            if (Quantity <= 0)
            {
                errors.Add("quantity", "Enter a quantity above zero.");
            }
        }
    }

    private static HttpRequest Request(string body, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static async Task<PortalProblemException> Problem(string body, string contentType = "application/json") =>
        await Assert.ThrowsAsync<PortalProblemException>(() => Request(body, contentType).ReadJsonAsync<Line>(CancellationToken.None, maxBytes: 1024));

    [Fact]
    public async Task A_good_body_is_read()
    {
        var line = await Request("{\"sku\":\"HT-100\",\"quantity\":2.5}").ReadJsonAsync<Line>(CancellationToken.None);

        Assert.Equal("HT-100", line.Sku);
        Assert.Equal(2.5m, line.Quantity);
    }

    [Fact]
    public async Task Missing_required_fields_are_listed_by_name()
    {
        var problem = await Problem("{}");

        Assert.Equal(400, problem.Status);
        Assert.Contains("sku", problem.Errors!.Keys);
        Assert.Contains("quantity", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_wrong_type_names_the_field()
    {
        var problem = await Problem("{\"sku\":\"HT-100\",\"quantity\":\"two\"}");

        Assert.Equal(["quantity"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_number_given_as_a_string_is_refused_rather_than_guessed() =>
        Assert.Equal(400, (await Problem("{\"sku\":\"HT-100\",\"quantity\":\"2\"}")).Status);

    [Fact]
    public async Task An_unknown_field_is_named()
    {
        var problem = await Problem("{\"sku\":\"HT-100\",\"quantity\":1,\"price\":0.01}");

        Assert.Contains("price", problem.Errors!.Keys);
    }

    [Fact]
    public async Task The_bodys_own_rules_apply_after_parsing()
    {
        var problem = await Problem("{\"sku\":\"HT-100\",\"quantity\":-1}");

        Assert.Equal(["quantity"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("{\"sku\":", 400)]
    [InlineData("", 400)]
    [InlineData("null", 400)]
    public async Task Broken_json_is_a_400(string body, int status) =>
        Assert.Equal(status, (await Problem(body)).Status);

    [Fact]
    public async Task Other_content_types_are_a_415() =>
        Assert.Equal(415, (await Problem("sku=1", "application/x-www-form-urlencoded")).Status);

    [Fact]
    public async Task Oversize_bodies_are_a_413_even_without_a_content_length() =>
        Assert.Equal(413, (await Problem("{\"sku\":\"" + new string('x', 2000) + "\",\"quantity\":1}")).Status);

    [Theory]
    [InlineData("Anna\u0000", false)]
    [InlineData("Anna\u001B[31m", false)]
    [InlineData("Anna\u0007", false)]
    [InlineData("Anna\nSmith", false)]
    [InlineData("Anna\tSmith", true)]
    [InlineData("Ånna Smith-Łukasz", true)]
    public void One_line_texts_refuse_control_characters(string value, bool valid)
    {
        var errors = new ValidationErrors();

        errors.Required("displayName", value, 100);
        errors.Optional("jobTitle", value, 100);

        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void Multiline_texts_keep_line_breaks_but_not_other_control_characters()
    {
        var lines = new ValidationErrors();
        lines.Optional("comment", "Deliver to gate 2.\r\nCall first.", 1000, multiline: true);
        Assert.True(lines.IsEmpty);

        var escape = new ValidationErrors();
        escape.Optional("comment", "Deliver\u001B to gate 2.", 1000, multiline: true);
        Assert.Contains("comment", escape.ToDictionary().Keys);
    }
}
