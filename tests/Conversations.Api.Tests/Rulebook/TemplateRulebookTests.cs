using Conversations.Abstractions.Messages;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>Templates complete: components stored as given, the category lint, authentication rules and the send-time checks.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateRulebookTests(ApiFactory api)
{
    private const string PromotionalBody = "Your order {{1}} has shipped. Enjoy 20% off your next order!";

    private readonly RulebookSteps _steps = new(api);
    private readonly Scenario _scenario = new(api);

    private static V1.UpsertTemplateRequest DeliverySlot(string wabaId)
    {
        var draft = RulebookSteps.Draft(wabaId, name: "delivery_slot", body: "Hi {{1}}, your delivery arrives between {{2}} and {{3}}.");
        draft.Header = new V1.TemplateHeader { Format = V1.HeaderFormat.Text, Text = "Delivery {{1}}" };
        draft.Footer = "Reply STOP to opt out";
        draft.Buttons.Add(new V1.TemplateButton { Type = V1.ButtonType.QuickReply, Text = "Reschedule" });
        draft.Buttons.Add(new V1.TemplateButton { Type = V1.ButtonType.Url, Text = "Track parcel", Url = "https://example.com/track/{{1}}" });
        draft.Buttons.Add(new V1.TemplateButton { Type = V1.ButtonType.PhoneNumber, Text = "Call us", PhoneNumber = "+16505550100" });
        return draft;
    }

    private V1.GetTemplateRequest Get(string wabaId, string name) => new() { WabaId = wabaId, Name = name, Language = RulebookSteps.Language };

    [Fact]
    public async Task Template_with_header_footer_and_buttons_round_trips_through_GetTemplate()
    {
        // Arrange
        var waba = TestNumbers.WabaId();

        // Act
        var stored = await _steps.Upsert(DeliverySlot(waba));
        var read = (await api.Templates.GetTemplateAsync(Get(waba, "delivery_slot"))).Template;

        // Assert
        Assert.Equal(V1.HeaderFormat.Text, read.Header.Format);
        Assert.Equal("Delivery {{1}}", read.Header.Text);
        Assert.Equal("Reply STOP to opt out", read.Footer);
        Assert.Equal(
            [(V1.ButtonType.QuickReply, "Reschedule", "", ""), (V1.ButtonType.Url, "Track parcel", "https://example.com/track/{{1}}", ""), (V1.ButtonType.PhoneNumber, "Call us", "", "+16505550100")],
            read.Buttons.Select(b => (b.Type, b.Text, b.Url, b.PhoneNumber)));
        Assert.Equal(["1", "2", "3"], read.ParameterNames);
        Assert.Equal(V1.TemplateStatus.Approved, read.Status);
        Assert.Empty(stored.Warnings);
        Assert.Equal(stored, read);
    }

    [Fact]
    public async Task Template_with_a_text_header_and_a_dynamic_url_is_sent_with_header_text_and_url_suffix()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await _steps.Upsert(DeliverySlot(number.WabaId));
        var customer = TestNumbers.Customer();
        var request = new V1.SendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
            IdempotencyKey = Scenario.NewKey(),
            Template = new V1.TemplateContent
            {
                Name = "delivery_slot",
                Language = RulebookSteps.Language,
                Parameters = { "Ana", "9:00", "11:00" },
                HeaderText = "A-1042",
                ButtonParameters = { new V1.ButtonParameter { Index = 1, Value = "A-1042" } },
            },
        };

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
        Assert.Equal(V1.TemplateCategory.Utility, receipt.TemplateCategory);
        var sent = Assert.IsType<TemplateMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
        Assert.Equal("A-1042", sent.HeaderText);
        Assert.Equal([new ButtonParameter(1, "A-1042")], sent.ButtonParameters.AsEnumerable());
    }

    [Fact]
    public async Task Template_with_a_dynamic_url_sent_without_its_suffix_is_refused_with_132000()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await _steps.Upsert(DeliverySlot(number.WabaId));
        var request = new V1.SendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = TestNumbers.Customer(),
            IdempotencyKey = Scenario.NewKey(),
            Template = new V1.TemplateContent { Name = "delivery_slot", Language = RulebookSteps.Language, Parameters = { "Ana", "9:00", "11:00" }, HeaderText = "A-1042" },
        };

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_MISMATCH",
            () => api.Conversations.SendAsync(request).ResponseAsync);

        // Assert
        Assert.Equal("132000", info.Metadata["whatsapp_code"]);
        Assert.Equal("button.1", info.Metadata["missing"]);
    }

    [Fact]
    public async Task Promotional_UTILITY_template_is_stored_with_a_warning_suggesting_MARKETING()
    {
        // Arrange
        var waba = TestNumbers.WabaId();

        // Act
        var stored = await _steps.Upsert(RulebookSteps.Draft(waba, name: "shipped_with_offer", body: PromotionalBody));

        // Assert
        var warning = Assert.Single(stored.Warnings);
        Assert.Equal("promotional_utility", warning.RuleId);
        Assert.Equal(V1.TemplateCategory.Marketing, warning.SuggestedCategory);
        Assert.Equal(["20% off"], warning.MatchedPhrases);
        Assert.Contains("MARKETING", warning.Message, StringComparison.Ordinal);
        Assert.Equal(V1.TemplateCategory.Utility, stored.Category);
        Assert.Empty(((await api.Templates.GetTemplateAsync(Get(waba, "shipped_with_offer"))).Template).Warnings);
    }

    [Fact]
    public async Task LintTemplate_returns_the_upsert_warnings_and_stores_nothing()
    {
        // Arrange
        var stored = await _steps.Upsert(RulebookSteps.Draft(TestNumbers.WabaId(), name: "shipped_with_offer", body: PromotionalBody));
        var waba = TestNumbers.WabaId();

        // Act
        var lint = await api.Templates.LintTemplateAsync(RulebookSteps.Draft(waba, name: "shipped_with_offer", body: PromotionalBody).AsLint());

        // Assert
        Assert.Equal(stored.Warnings, lint.Warnings);
        await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND",
            () => api.Templates.GetTemplateAsync(Get(waba, "shipped_with_offer")).ResponseAsync);
        Assert.Empty((await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates);
    }

    [Fact]
    public async Task UTILITY_template_that_reads_like_a_passcode_is_warned_it_must_be_AUTHENTICATION()
    {
        // Arrange
        var draft = RulebookSteps.Draft(TestNumbers.WabaId(), name: "login_code", body: "Your verification code is {{1}}");

        // Act
        var lint = await api.Templates.LintTemplateAsync(draft.AsLint());

        // Assert
        var warning = Assert.Single(lint.Warnings);
        Assert.Equal("otp_not_authentication", warning.RuleId);
        Assert.Equal(V1.TemplateCategory.Authentication, warning.SuggestedCategory);
        Assert.Equal(["verification code"], warning.MatchedPhrases);
    }

    [Fact]
    public async Task AUTHENTICATION_template_with_a_URL_is_refused_as_TEMPLATE_INVALID_in_BODY()
    {
        // Arrange
        var draft = RulebookSteps.Draft(TestNumbers.WabaId(), name: "login_code",
            body: "{{1}} is your verification code. Help: https://example.com/help", category: V1.TemplateCategory.Authentication);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_INVALID",
            () => api.Templates.UpsertTemplateAsync(draft).ResponseAsync);

        // Assert
        Assert.Equal("BODY", info.Metadata["component"]);
        Assert.Equal("authentication_no_url", info.Metadata["rule"]);
        await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND",
            () => api.Templates.GetTemplateAsync(Get(draft.WabaId, "login_code")).ResponseAsync);
    }

    [Fact]
    public async Task AUTHENTICATION_template_with_only_the_code_and_an_expiry_is_stored()
    {
        // Arrange
        var draft = RulebookSteps.Draft(TestNumbers.WabaId(), name: "login_code",
            body: "{{1}} is your verification code.", category: V1.TemplateCategory.Authentication);
        draft.CodeExpiryMinutes = 90;
        draft.Buttons.Add(new V1.TemplateButton { Type = V1.ButtonType.Otp, Text = "Copy code" });

        // Act
        var stored = await _steps.Upsert(draft);

        // Assert
        Assert.Equal(V1.TemplateCategory.Authentication, stored.Category);
        Assert.Equal(90, stored.CodeExpiryMinutes);
        Assert.Empty(stored.Warnings);
    }

    [Fact]
    public async Task Footer_of_60_characters_is_stored_and_61_is_refused_as_TEMPLATE_INVALID_in_FOOTER()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        var atLimit = RulebookSteps.Draft(waba, name: "footer_60");
        atLimit.Footer = new string('f', 60);
        var overLimit = RulebookSteps.Draft(waba, name: "footer_61");
        overLimit.Footer = new string('f', 61);

        // Act
        var stored = await _steps.Upsert(atLimit);
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_INVALID",
            () => api.Templates.UpsertTemplateAsync(overLimit).ResponseAsync);

        // Assert
        Assert.Equal(60, stored.Footer.Length);
        Assert.Equal("FOOTER", info.Metadata["component"]);
        Assert.Equal("max_length", info.Metadata["rule"]);
        Assert.Equal("60", info.Metadata["limit"]);
        Assert.Equal("61", info.Metadata["length"]);
    }

    [Fact]
    public async Task SetTemplateQuality_RED_round_trips_and_leaves_the_template_sendable()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();

        // Act
        var updated = (await api.Templates.SetTemplateQualityAsync(new V1.SetTemplateQualityRequest
        {
            WabaId = number.WabaId,
            Name = RulebookSteps.ShippingUpdate,
            Language = RulebookSteps.Language,
            Quality = V1.TemplateQuality.Red,
        })).Template;
        var read = (await api.Templates.GetTemplateAsync(Get(number.WabaId, RulebookSteps.ShippingUpdate))).Template;
        var receipt = (await api.Conversations.SendAsync(RulebookSteps.Template(number, TestNumbers.Customer(), "A-1042"))).Receipt;

        // Assert
        Assert.Equal(V1.TemplateQuality.Red, updated.Quality);
        Assert.Equal(V1.TemplateQuality.Red, read.Quality);
        Assert.Equal(V1.TemplateStatus.Approved, read.Status);
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
    }

    [Fact]
    public async Task A_new_template_reports_TEMPLATE_QUALITY_UNKNOWN_and_can_be_set_back_to_it()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();
        var fresh = (await api.Templates.GetTemplateAsync(Get(number.WabaId, RulebookSteps.ShippingUpdate))).Template;
        await api.Templates.SetTemplateQualityAsync(Quality(number, V1.TemplateQuality.Green));

        // Act
        var reset = (await api.Templates.SetTemplateQualityAsync(Quality(number, V1.TemplateQuality.Unknown))).Template;

        // Assert
        Assert.Equal(V1.TemplateQuality.Unknown, fresh.Quality);
        Assert.Equal(V1.TemplateQuality.Unknown, reset.Quality);
    }

    [Theory]
    [InlineData(V1.TemplateQuality.Unspecified)]
    [InlineData((V1.TemplateQuality)99)]
    public async Task SetTemplateQuality_without_a_known_quality_is_refused_and_changes_nothing(V1.TemplateQuality quality)
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();
        await api.Templates.SetTemplateQualityAsync(Quality(number, V1.TemplateQuality.Yellow));

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD",
            () => api.Templates.SetTemplateQualityAsync(Quality(number, quality)).ResponseAsync);
        var read = (await api.Templates.GetTemplateAsync(Get(number.WabaId, RulebookSteps.ShippingUpdate))).Template;

        // Assert
        Assert.Equal("quality", info.Metadata["field"]);
        Assert.Equal(V1.TemplateQuality.Yellow, read.Quality);
    }

    private static V1.SetTemplateQualityRequest Quality(V1.BusinessNumber number, V1.TemplateQuality quality) => new()
    {
        WabaId = number.WabaId,
        Name = RulebookSteps.ShippingUpdate,
        Language = RulebookSteps.Language,
        Quality = quality,
    };

    [Theory]
    [InlineData("A-1\n042", "newline")]
    [InlineData("A-1\t042", "tab")]
    [InlineData("A-1     042", "consecutive_spaces")]
    public async Task Template_parameter_with_a_newline_tab_or_5_spaces_is_refused_with_132012(string value, string rule)
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_FORMAT",
            () => api.Conversations.SendAsync(RulebookSteps.Template(number, TestNumbers.Customer(), value)).ResponseAsync);

        // Assert
        Assert.Equal("132012", info.Metadata["whatsapp_code"]);
        Assert.Equal("body.1", info.Metadata["parameter"]);
        Assert.Equal(rule, info.Metadata["rule"]);
    }

    [Fact]
    public async Task Template_parameter_with_4_consecutive_spaces_is_accepted()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();

        // Act
        var receipt = (await api.Conversations.SendAsync(RulebookSteps.Template(number, TestNumbers.Customer(), "A-1    042"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
    }

    [Fact]
    public async Task Hydrated_body_of_1024_characters_is_accepted_and_1025_is_refused_with_132005()
    {
        // Arrange: "Note: " is 6 characters, so a parameter of n characters makes a body of 6 + n.
        var number = await _scenario.RegisterNumber();
        await _steps.Upsert(RulebookSteps.Draft(number.WabaId, name: "note", body: "Note: {{1}}"));
        V1.SendRequest Note(int length) => new()
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = TestNumbers.Customer(),
            IdempotencyKey = Scenario.NewKey(),
            Template = new V1.TemplateContent { Name = "note", Language = RulebookSteps.Language, Parameters = { new string('n', length) } },
        };

        // Act
        var atLimit = (await api.Conversations.SendAsync(Note(1018))).Receipt;
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_TEXT_TOO_LONG",
            () => api.Conversations.SendAsync(Note(1019)).ResponseAsync);

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, atLimit.Status);
        Assert.Equal("132005", info.Metadata["whatsapp_code"]);
        Assert.Equal("BODY", info.Metadata["component"]);
        Assert.Equal("1024", info.Metadata["limit"]);
        Assert.Equal("1025", info.Metadata["length"]);
    }
    [Fact]
    public async Task Authentication_code_of_15_characters_is_accepted_and_16_is_refused_with_132012()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var draft = RulebookSteps.Draft(number.WabaId, name: "login_code", body: "{{1}} is your verification code.", category: V1.TemplateCategory.Authentication);
        await _steps.Upsert(draft);
        V1.SendRequest Code(int length) => new()
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = TestNumbers.Customer(),
            IdempotencyKey = Scenario.NewKey(),
            Template = new V1.TemplateContent { Name = "login_code", Language = RulebookSteps.Language, Parameters = { new string('7', length) } },
        };

        // Act
        var atLimit = (await api.Conversations.SendAsync(Code(15))).Receipt;
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_FORMAT",
            () => api.Conversations.SendAsync(Code(16)).ResponseAsync);

        // Assert
        Assert.Equal(V1.TemplateCategory.Authentication, atLimit.TemplateCategory);
        Assert.Equal("132012", info.Metadata["whatsapp_code"]);
        Assert.Equal("authentication_code_length", info.Metadata["rule"]);
        Assert.Equal("15", info.Metadata["limit"]);
    }

    [Fact]
    public async Task Template_with_10_buttons_is_stored_and_11_is_refused_as_TEMPLATE_INVALID_in_BUTTONS()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        V1.UpsertTemplateRequest WithButtons(string name, int count)
        {
            var draft = RulebookSteps.Draft(waba, name: name);
            draft.Buttons.AddRange(Enumerable.Range(1, count).Select(i => new V1.TemplateButton { Type = V1.ButtonType.QuickReply, Text = $"Option {i}" }));
            return draft;
        }

        // Act
        var stored = await _steps.Upsert(WithButtons("ten_buttons", 10));
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_INVALID",
            () => api.Templates.UpsertTemplateAsync(WithButtons("eleven_buttons", 11)).ResponseAsync);

        // Assert
        Assert.Equal(10, stored.Buttons.Count);
        Assert.Equal("BUTTONS", info.Metadata["component"]);
        Assert.Equal("max_count", info.Metadata["rule"]);
        Assert.Equal("10", info.Metadata["limit"]);
    }
}
