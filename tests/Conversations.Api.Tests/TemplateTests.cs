using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>Approved templates may be sent at any time, but only as registered: right language, right parameters.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateTests(ApiFactory api)
{
    internal const string OrderUpdate = "order_update";
    internal const string OrderUpdateBody = "Your order {{1}} has shipped";

    private readonly Scenario _scenario = new(api);

    private async Task<V1.Template> Upsert(string wabaId, V1.TemplateStatus status = V1.TemplateStatus.Approved, string name = OrderUpdate, string language = "en_US", string body = OrderUpdateBody) =>
        (await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = wabaId,
            Name = name,
            Language = language,
            Category = V1.TemplateCategory.Utility,
            Status = status,
            Body = body,
        })).Template;

    /// <summary>A registered number whose WABA has the template, and a customer whose window closed a day ago.</summary>
    private async Task<(V1.BusinessNumber Number, string Customer)> ClosedConversation(V1.TemplateStatus status = V1.TemplateStatus.Approved)
    {
        var number = await _scenario.RegisterNumber();
        await Upsert(number.WabaId, status);
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddHours(-48));
        return (number, customer);
    }

    [Fact]
    public async Task Approved_template_is_accepted_outside_the_window()
    {
        // Arrange
        var (number, customer) = await ClosedConversation();

        // Act
        var receipt = (await api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, customer, OrderUpdate, "en_US", "A-1042"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
        Assert.False(string.IsNullOrEmpty(receipt.MessageId));
        Assert.False(receipt.Conversation.WindowOpen);
    }

    [Fact]
    public async Task Approved_template_is_accepted_to_a_customer_who_never_wrote()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await Upsert(number.WabaId);

        // Act
        var receipt = (await api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, TestNumbers.Customer(), OrderUpdate, "en_US", "A-1042"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Template_with_the_wrong_parameter_count_is_refused_with_132000(int count)
    {
        // Arrange
        var (number, customer) = await ClosedConversation();
        var parameters = Enumerable.Range(1, count).Select(i => $"p{i}").ToArray();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_MISMATCH",
            () => api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, customer, OrderUpdate, "en_US", parameters)).ResponseAsync);

        // Assert
        Assert.Equal("132000", info.Metadata["whatsapp_code"]);
        Assert.Equal(OrderUpdate, info.Metadata["template"]);
        Assert.Equal("1", info.Metadata["expected"]);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Metadata["received"]);
    }

    [Fact]
    public async Task Named_template_is_accepted_with_exactly_its_named_parameters()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await Upsert(number.WabaId, name: "named_update", body: "Hi {{first_name}}, order {{order_id}} has shipped");
        var send = Scenario.Template(number.BusinessNumberId, TestNumbers.Customer(), "named_update", "en_US");
        send.Template.NamedParameters.Add("order_id", "A-1042");
        send.Template.NamedParameters.Add("first_name", "Ana");

        // Act
        var receipt = (await api.Conversations.SendAsync(send)).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
    }

    [Fact]
    public async Task Named_template_missing_a_named_parameter_is_refused_with_132000()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await Upsert(number.WabaId, name: "named_update", body: "Hi {{first_name}}, order {{order_id}} has shipped");
        var send = Scenario.Template(number.BusinessNumberId, TestNumbers.Customer(), "named_update", "en_US");
        send.Template.NamedParameters.Add("first_name", "Ana");

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_MISMATCH", () => api.Conversations.SendAsync(send).ResponseAsync);

        // Assert
        Assert.Equal("132000", info.Metadata["whatsapp_code"]);
        Assert.Equal("order_id", info.Metadata["missing"]);
    }

    [Fact]
    public async Task Named_template_given_positional_parameters_is_refused_with_132000()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await Upsert(number.WabaId, name: "named_update", body: "Hi {{first_name}}");

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_MISMATCH",
            () => api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, TestNumbers.Customer(), "named_update", "en_US", "Ana")).ResponseAsync);

        // Assert
        Assert.Equal("132000", info.Metadata["whatsapp_code"]);
    }

    [Fact]
    public async Task Template_in_an_unknown_language_is_refused_with_132001_and_the_languages_available()
    {
        // Arrange
        var (number, customer) = await ClosedConversation();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND",
            () => api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, customer, OrderUpdate, "pt_BR", "A-1042")).ResponseAsync);

        // Assert
        Assert.Equal("132001", info.Metadata["whatsapp_code"]);
        Assert.Equal("en_US", info.Metadata["languages_available"]);
        Assert.Equal("pt_BR", info.Metadata["language"]);
        Assert.Equal(OrderUpdate, info.Metadata["template"]);
    }

    [Fact]
    public async Task Template_of_another_waba_is_not_found()
    {
        // Arrange
        var owner = await _scenario.RegisterNumber();
        await Upsert(owner.WabaId);
        var other = await _scenario.RegisterNumber();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND",
            () => api.Conversations.SendAsync(Scenario.Template(other.BusinessNumberId, TestNumbers.Customer(), OrderUpdate, "en_US", "A-1042")).ResponseAsync);

        // Assert
        Assert.Equal("132001", info.Metadata["whatsapp_code"]);
        Assert.Equal("", info.Metadata["languages_available"]);
    }

    [Fact]
    public async Task Pending_template_is_refused_as_TEMPLATE_NOT_APPROVED()
    {
        // Arrange
        var (number, customer) = await ClosedConversation(V1.TemplateStatus.Pending);

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_NOT_APPROVED",
            () => api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, customer, OrderUpdate, "en_US", "A-1042")).ResponseAsync);

        // Assert
        Assert.Equal("PENDING", info.Metadata["status"]);
        Assert.Equal(OrderUpdate, info.Metadata["template"]);
    }

    [Fact]
    public async Task Template_approved_after_a_refusal_can_be_sent()
    {
        // Arrange
        var (number, customer) = await ClosedConversation(V1.TemplateStatus.Pending);
        var send = Scenario.Template(number.BusinessNumberId, customer, OrderUpdate, "en_US", "A-1042");
        await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_NOT_APPROVED", () => api.Conversations.SendAsync(send).ResponseAsync);

        // Act
        await Upsert(number.WabaId, V1.TemplateStatus.Approved);
        var receipt = (await api.Conversations.SendAsync(send)).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
        Assert.False(receipt.Replayed);
    }

    [Fact]
    public async Task Upserted_template_round_trips_through_get_and_list()
    {
        // Arrange
        var waba = TestNumbers.WabaId();

        // Act
        var stored = await Upsert(waba);
        var second = await Upsert(waba, name: "appointment_reminder", language: "en", body: "See you at {{1}} on {{2}}");
        var read = (await api.Templates.GetTemplateAsync(new V1.GetTemplateRequest { WabaId = waba, Name = OrderUpdate, Language = "en_US" })).Template;
        var list = await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba });

        // Assert
        Assert.Equal(waba, stored.WabaId);
        Assert.Equal(OrderUpdate, stored.Name);
        Assert.Equal("en_US", stored.Language);
        Assert.Equal(V1.TemplateCategory.Utility, stored.Category);
        Assert.Equal(V1.TemplateStatus.Approved, stored.Status);
        Assert.Equal(OrderUpdateBody, stored.Body);
        Assert.Equal(["1"], stored.ParameterNames);
        Assert.Equal(Timestamp.FromDateTimeOffset(_scenario.Now), stored.UpdatedAt);
        Assert.Equal(stored, read);
        Assert.Equal([second, stored], list.Templates);
        Assert.Equal(["1", "2"], second.ParameterNames);
    }

    [Fact]
    public async Task Upsert_replaces_the_template_of_the_same_name_and_language()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        await Upsert(waba, V1.TemplateStatus.Pending);

        // Act
        var replaced = await Upsert(waba, V1.TemplateStatus.Approved, body: "Order {{1}} ships {{2}}");
        var list = await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba });

        // Assert
        Assert.Equal([replaced], list.Templates);
        Assert.Equal(["1", "2"], replaced.ParameterNames);
    }

    [Fact]
    public async Task Get_of_a_missing_language_is_NOT_FOUND_with_the_languages_available()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        await Upsert(waba);

        // Act
        var info = await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND",
            () => api.Templates.GetTemplateAsync(new V1.GetTemplateRequest { WabaId = waba, Name = OrderUpdate, Language = "de" }).ResponseAsync);

        // Assert
        Assert.Equal("en_US", info.Metadata["languages_available"]);
        Assert.Equal("132001", info.Metadata["whatsapp_code"]);
    }

    [Fact]
    public async Task List_of_a_waba_without_templates_is_empty()
    {
        // Act
        var list = await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = TestNumbers.WabaId() });

        // Assert
        Assert.Empty(list.Templates);
    }

    public static TheoryData<string, string, string, string> InvalidTemplates => new()
    {
        // name, body, component, rule
        { "Order-Update", OrderUpdateBody, "NAME", "name_format" },
        { "order update", OrderUpdateBody, "NAME", "name_format" },
        { new string('a', 513), OrderUpdateBody, "NAME", "name_format" },
        { OrderUpdate, new string('b', 1025), "BODY", "max_length" },
        { OrderUpdate, "Hi {{1}}, your order {{3}} shipped", "BODY", "positional_contiguous" },
        { OrderUpdate, "Hi {{1}}, your order {{order_id}} shipped", "BODY", "mixed_parameters" },
        { OrderUpdate, "Hi {{First Name}}", "BODY", "placeholder_syntax" },
    };

    [Theory]
    [MemberData(nameof(InvalidTemplates))]
    public async Task Invalid_template_is_refused_as_TEMPLATE_INVALID_naming_component_and_rule(string name, string body, string component, string rule)
    {
        // Arrange
        var waba = TestNumbers.WabaId();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_INVALID", () => Upsert(waba, name: name, body: body));

        // Assert
        Assert.Equal(component, info.Metadata["component"]);
        Assert.Equal(rule, info.Metadata["rule"]);
        Assert.Empty((await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates);
    }

    [Fact]
    public async Task Body_of_1024_characters_is_accepted()
    {
        // Act
        var stored = await Upsert(TestNumbers.WabaId(), body: new string('b', 1024));

        // Assert
        Assert.Equal(1024, stored.Body.Length);
        Assert.Empty(stored.ParameterNames);
    }

    [Fact]
    public async Task Invalid_language_code_is_refused_as_TEMPLATE_INVALID()
    {
        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_INVALID", () => Upsert(TestNumbers.WabaId(), language: "english"));

        // Assert
        Assert.Equal("LANGUAGE", info.Metadata["component"]);
        Assert.Equal("language_code", info.Metadata["rule"]);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("language")]
    [InlineData("category")]
    [InlineData("status")]
    [InlineData("body")]
    public async Task Template_without_a_required_field_is_refused_as_MISSING_FIELD(string field)
    {
        // Arrange
        var request = new V1.UpsertTemplateRequest
        {
            WabaId = TestNumbers.WabaId(),
            Name = field == "name" ? "" : OrderUpdate,
            Language = field == "language" ? "" : "en_US",
            Category = field == "category" ? V1.TemplateCategory.Unspecified : V1.TemplateCategory.Utility,
            Status = field == "status" ? V1.TemplateStatus.Unspecified : V1.TemplateStatus.Approved,
            Body = field == "body" ? "" : OrderUpdateBody,
        };

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD", () => api.Templates.UpsertTemplateAsync(request).ResponseAsync);

        // Assert
        Assert.Equal(field, info.Metadata["field"]);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("language")]
    public async Task Get_without_name_or_language_is_refused_as_MISSING_FIELD(string field)
    {
        // Arrange
        var request = new V1.GetTemplateRequest
        {
            WabaId = TestNumbers.WabaId(),
            Name = field == "name" ? "" : OrderUpdate,
            Language = field == "language" ? "" : "en_US",
        };

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD", () => api.Templates.GetTemplateAsync(request).ResponseAsync);

        // Assert
        Assert.Equal(field, info.Metadata["field"]);
    }

    [Theory]
    [InlineData("", "MISSING_FIELD")]
    [InlineData("waba-1", "INVALID_WABA_ID")]
    public async Task Template_with_a_bad_waba_id_is_refused(string wabaId, string reason)
    {
        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, reason, () => Upsert(wabaId));

        // Assert
        Assert.Equal("waba_id", info.Metadata["field"]);
    }
}
