using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cases.Api.Infrastructure;
using Cases.Domain.Cases;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;

namespace Cases.Api.Tests.Contract;

/// <summary>
/// The API's JSON contract and the event store's reading of enums, without a database: exactly one form of each
/// value is read, anything else is refused; values stored before the contract read as unknown.
/// </summary>
public class when_reading_json_by_the_contract
{
    private static readonly JsonSerializerOptions Api = ApiOptions();

    private static JsonSerializerOptions ApiOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        JsonContract.Apply(options);
        return options;
    }

    /// <summary>Marten's options, as the service configures them: names as stored, and the stored-value reading first.</summary>
    private static readonly JsonSerializerOptions Store = StoreOptions();

    private static JsonSerializerOptions StoreOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new JsonStringEnumConverter() } };
        JsonContract.ConfigureStored(options);
        return options;
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Api)!;

    [Theory]
    [InlineData("\"call-centre\"", Channel.CallCentre)]
    [InlineData("\"procurement-monitoring\"", Channel.ProcurementMonitoring)]
    [InlineData("\"public\"", Channel.Public)]
    public void an_enum_is_read_by_its_documented_name(string json, Channel expected) => Read<Channel>(json).ShouldBe(expected);

    [Theory]
    [InlineData("\"internal, public\"")]
    [InlineData("\"internal,public\"")]
    [InlineData("\"CallCentre\"")]
    [InlineData("\"callCentre\"")]
    [InlineData("\"Call-Centre\"")]
    [InlineData("\"CALL-CENTRE\"")]
    [InlineData("\" call-centre\"")]
    [InlineData("\"call-centre \"")]
    [InlineData("\"call_centre\"")]
    [InlineData("\"8\"")]
    [InlineData("\"-1\"")]
    [InlineData("8")]
    [InlineData("0")]
    [InlineData("\"unknown\"")]
    [InlineData("\"Unknown\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("[\"hotline\"]")]
    public void any_other_form_of_an_enum_is_refused(string json) =>
        Should.Throw<JsonException>(() => Read<Channel>(json)).Message.ShouldStartWith("Not a valid value; expected exactly one of: call-centre,");

    [Fact]
    public void a_combination_that_lands_on_a_member_is_refused_too() =>
        // "reprimand, severe-reprimand" is 1 | 2: once stored as a dismissal.
        Should.Throw<JsonException>(() => Read<SanctionType>("\"reprimand, severe-reprimand\""));

    [Fact]
    public void the_error_lists_every_accepted_name_and_never_unknown() =>
        KebabEnum.Expected(typeof(Channel)).ShouldBe(
            "Not a valid value; expected exactly one of: call-centre, hotline, website, social-media, press, written, procurement-monitoring, internal, public.");

    [Fact]
    public void a_value_outside_the_enum_is_written_as_unknown()
    {
        JsonSerializer.Serialize(Channel.Unknown, Api).ShouldBe("\"unknown\"");
        JsonSerializer.Serialize((Channel)15, Api).ShouldBe("\"unknown\"");
        JsonSerializer.Serialize((SanctionType)7, Api).ShouldBe("\"unknown\"");
        JsonSerializer.Serialize(Channel.SocialMedia, Api).ShouldBe("\"social-media\"");
        JsonSerializer.Serialize(new Dictionary<Channel, int> { [(Channel)15] = 1, [Channel.Press] = 2 }, Api)
            .ShouldBe("""{"unknown":1,"press":2}""");
    }

    [Fact]
    public void an_enum_key_is_read_by_its_documented_name_only()
    {
        Read<Dictionary<Channel, int>>("""{"call-centre":1}""").ShouldBe(new Dictionary<Channel, int> { [Channel.CallCentre] = 1 });
        Should.Throw<JsonException>(() => Read<Dictionary<Channel, int>>("""{"CallCentre":1}"""));
        Should.Throw<JsonException>(() => Read<Dictionary<Channel, int>>("""{"hotline, press":1}"""));
    }

    [Fact]
    public void a_nullable_enum_takes_null_and_the_same_names() =>
        Read<Dictionary<string, CaseOutcome?>>("""{"a":null,"b":"outside-competence"}""")
            .ShouldBe(new Dictionary<string, CaseOutcome?> { ["a"] = null, ["b"] = CaseOutcome.OutsideCompetence });

    [Theory]
    [InlineData("\"2021-03-02\"")]
    [InlineData("\"2024-02-29\"")]
    public void a_date_is_read_as_yyyy_mm_dd(string json) => Read<DateOnly>(json).ToString("yyyy-MM-dd").ShouldBe(json.Trim('"'));

    [Theory]
    [InlineData("\"2021-3-2\"")]
    [InlineData("\"2021-03-2\"")]
    [InlineData("\"02.03.2021\"")]
    [InlineData("\"03/02/2021\"")]
    [InlineData("\"20210302\"")]
    [InlineData("\"2021-03-02T00:00:00\"")]
    [InlineData("\"2021-03-02T00:00:00Z\"")]
    [InlineData("\" 2021-03-02\"")]
    [InlineData("\"2021-02-30\"")]
    [InlineData("\"2023-02-29\"")]
    [InlineData("\"0000-01-01\"")]
    [InlineData("\"+2021-03-02\"")]
    [InlineData("20210302")]
    [InlineData("\"March 2, 2021\"")]
    public void any_other_form_of_a_date_is_refused(string json) =>
        Should.Throw<JsonException>(() => Read<DateOnly>(json)).Message.ShouldBe("Not a valid date; expected YYYY-MM-DD.");

    [Theory]
    [InlineData("\"2021-11-20T10:00:00+06:00\"", "2021-11-20T04:00:00Z")]
    [InlineData("\"2021-11-20T04:00:00Z\"", "2021-11-20T04:00:00Z")]
    [InlineData("\"2021-11-20T10:00:00.125-03:30\"", "2021-11-20T13:30:00.125Z")]
    public void a_moment_is_read_with_its_offset(string json, string utc) =>
        Read<DateTimeOffset>(json).ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("\"2021-11-20T10:00:00\"")]
    [InlineData("\"2021-11-20\"")]
    [InlineData("\"2021-11-20T10:00+06:00\"")]
    [InlineData("\"2021-11-20 10:00:00+06:00\"")]
    [InlineData("\"2021-11-20T10:00:00+0600\"")]
    [InlineData("\"2021-11-20T10:00:00+06\"")]
    [InlineData("\"2021-11-20t10:00:00z\"")]
    [InlineData("\"2021-11-20T10:00:00+99:00\"")]
    [InlineData("\"2021-11-20T25:00:00Z\"")]
    [InlineData("\"Sat, 20 Nov 2021 10:00:00 GMT\"")]
    [InlineData("1637402400")]
    public void a_moment_without_its_offset_or_in_another_form_is_refused(string json) =>
        Should.Throw<JsonException>(() => Read<DateTimeOffset>(json)).Message.ShouldStartWith("Not a valid moment; expected YYYY-MM-DDThh:mm:ss");

    [Theory]
    [InlineData("\"0198c0de-0000-7000-8000-00000000000a\"")]
    [InlineData("\"0198C0DE-0000-7000-8000-00000000000A\"")]
    public void an_id_is_read_as_8_4_4_4_12_hexadecimal_digits(string json) =>
        Read<Guid>(json).ShouldBe(Guid.Parse("0198c0de-0000-7000-8000-00000000000a"));

    [Theory]
    [InlineData("\"0198c0de000070008000000000000000a\"")]
    [InlineData("\"0198c0de00007000800000000000000a\"")]
    [InlineData("\"{0198c0de-0000-7000-8000-00000000000a}\"")]
    [InlineData("\"(0198c0de-0000-7000-8000-00000000000a)\"")]
    [InlineData("\"{0x0198c0de,0x0000,0x7000,{0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x0a}}\"")]
    [InlineData("\" 0198c0de-0000-7000-8000-00000000000a\"")]
    [InlineData("\"urn:uuid:0198c0de-0000-7000-8000-00000000000a\"")]
    [InlineData("\"0198c0de-0000-7000-8000-00000000000g\"")]
    public void any_other_form_of_an_id_is_refused(string json) =>
        Should.Throw<JsonException>(() => Read<Guid>(json)).Message.ShouldBe("Not a valid id; expected 8-4-4-4-12 hexadecimal digits.");

    [Theory]
    [InlineData("""{"expectedVersion":"1"}""")]
    [InlineData("""{"expectedVersion":"999"}""")]
    [InlineData("""{"expectedVersion":1.0}""")]
    [InlineData("""{"expectedVersion":1e2}""")]
    [InlineData("""{"expectedVersion":"NaN"}""")]
    public void a_number_is_read_only_as_a_whole_json_number(string json) =>
        Should.Throw<JsonException>(() => Read<AcknowledgeCase>(json));

    [Fact]
    public void fields_are_matched_in_their_own_case_only() =>
        Should.Throw<JsonException>(() => Read<AcknowledgeCase>("""{"ExpectedVersion":1}"""));

    [Fact]
    public void the_event_store_reads_a_number_no_member_has_as_unknown()
    {
        // As Marten's own converter wrote "internal, public" (8 | 7 = 15) before the contract: a bare number.
        var stored = JsonSerializer.Serialize((Channel)15, new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } });
        stored.ShouldBe("15");
        JsonSerializer.Deserialize<Channel>(stored, Store).ShouldBe(Channel.Unknown);
        JsonSerializer.Deserialize<Category>("7", Store).ShouldBe(Category.Unknown);
        JsonSerializer.Deserialize<CaseOutcome>("\"Withdrawn, OutsideCompetence\"", Store).ShouldBe(CaseOutcome.Unknown);
        JsonSerializer.Deserialize<Vote>("\"Maybe\"", Store).ShouldBe(Vote.Unknown);
    }

    [Fact]
    public void the_event_store_reads_its_members_as_it_always_did()
    {
        JsonSerializer.Deserialize<Channel>("\"CallCentre\"", Store).ShouldBe(Channel.CallCentre);
        JsonSerializer.Deserialize<Channel>("1", Store).ShouldBe(Channel.Hotline);
        JsonSerializer.Deserialize<Channel>("\"Unknown\"", Store).ShouldBe(Channel.Unknown);
        JsonSerializer.Deserialize<SanctionType>("\"Dismissal\"", Store).ShouldBe(SanctionType.Dismissal);
    }

    [Fact]
    public void the_event_store_writes_exactly_what_it_wrote_before()
    {
        var before = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        foreach (var value in Enum.GetValues<Channel>().Append((Channel)15))
        {
            JsonSerializer.Serialize(value, Store).ShouldBe(JsonSerializer.Serialize(value, before));
        }
        JsonSerializer.Serialize(DecisionKind.SanctionRecommendation, Store).ShouldBe("\"SanctionRecommendation\"");
    }

    [Fact]
    public void an_enum_without_an_unknown_member_refuses_a_stored_value_it_could_never_have_been_given() =>
        // Every combination of two sanction types is a member ("reprimand, severe-reprimand" is a dismissal): 15 was never stored.
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<SanctionType>("15", Store));

    /// <summary>The answers of the body validation, pinned: the field by its JSON path, and what it must be.</summary>
    public static TheoryData<string, Type, string> BodyErrors() => new()
    {
        { """{"channel":"internal, public","category":"medical-care","subjects":[],"summary":"s","receivedOn":"2021-03-02"}""", typeof(RegisterCase),
            """{"channel":["Not a valid value; expected exactly one of: call-centre, hotline, website, social-media, press, written, procurement-monitoring, internal, public."]}""" },
        { """{"channel":"hotline","category":"MedicalCare","subjects":[],"summary":"s","receivedOn":"2021-3-2"}""", typeof(RegisterCase),
            """{"category":["Not a valid value; expected exactly one of: medical-care, corruption, ethics, procurement, labour-discipline, other."],"receivedOn":["Not a valid date; expected YYYY-MM-DD."]}""" },
        { """{"channel":"hotline","subjects":[],"summary":null,"receivedOn":"2021-03-02","priority":1}""", typeof(RegisterCase),
            """{"summary":["Must not be null."],"priority":["Not a known field."],"category":["Required."]}""" },
        { """{"channel":"hotline","channel":"website","category":"other","subjects":"E-1","summary":"s","receivedOn":"2021-03-02"}""", typeof(RegisterCase),
            """{"channel":["Given more than once."],"subjects":["Expected an array."]}""" },
        { """{"channel":"hotline","category":"other","subjects":["E-1",7],"summary":"s","receivedOn":"2021-03-02","complainant":{"anonymous":"no","nickname":"x"}}""", typeof(RegisterCase),
            """{"subjects[1]":["Expected a string."],"complainant.anonymous":["Expected true or false."],"complainant.nickname":["Not a known field."]}""" },
        { """{"expectedVersion":"1"}""", typeof(AcknowledgeCase), """{"expectedVersion":["Expected a number, not a string."]}""" },
        { """{"expectedVersion":1.5,"acknowledgedOn":"2021-03-02T00:00:00Z"}""", typeof(AcknowledgeCase),
            """{"expectedVersion":["Expected a whole number in range."],"acknowledgedOn":["Not a valid date; expected YYYY-MM-DD."]}""" },
        { """{"commissionId":"{0198c0de-0000-7000-8000-00000000000a}","scheduledFor":"2021-11-20T10:00:00","place":"Hall","agenda":[]}""", typeof(ScheduleMeeting),
            """{"commissionId":["Not a valid id; expected 8-4-4-4-12 hexadecimal digits."],"scheduledFor":["Not a valid moment; expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)."]}""" },
        { """{"expectedVersion":3,"itemNumber":1,"votes":[{"personnelNumber":"E-1","vote":"for"},{"personnelNumber":"E-2","vote":"for, against"}]}""", typeof(CastVotes),
            """{"votes[1].vote":["Not a valid value; expected exactly one of: for, against, abstain."]}""" },
        { """[]""", typeof(AcknowledgeCase), """{"$":["A JSON object is required."]}""" },
        { """{"expectedVersion":1,}""", typeof(AcknowledgeCase), """{"$":["Malformed JSON (line 1, byte 22)."]}""" },
        { "", typeof(AcknowledgeCase), """{"$":["A JSON object is required."]}""" },
        { string.Concat(Enumerable.Repeat("[", 17)) + string.Concat(Enumerable.Repeat("]", 17)), typeof(AcknowledgeCase),
            """{"$":["The JSON is nested too deeply: at most 16 levels."]}""" },
    };

    [Theory]
    [MemberData(nameof(BodyErrors))]
    public void a_refused_body_is_described_field_by_field(string body, Type requestType, string errors)
    {
        var refused = Should.Throw<JsonException>(() => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(body), requestType, Api));

        var described = JsonBodyErrors.Describe(Encoding.UTF8.GetBytes(body), requestType, Api, refused);

        JsonSerializer.Serialize(described, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ShouldBe(errors);
    }

    public sealed record WithComputed(int A)
    {
        public int Twice => A * 2;
    }

    [Fact]
    public void a_read_only_member_given_is_ignored_as_the_serializer_ignores_it()
    {
        var body = Encoding.UTF8.GetBytes("""{"a":"1","twice":"x"}""");
        var refused = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<WithComputed>(body, Api));

        var errors = JsonBodyErrors.Describe(body, typeof(WithComputed), Api, refused);

        errors.Keys.ShouldBe(["a"]);
        errors["a"].ShouldBe(["Expected a number, not a string."]);
    }

    [Fact]
    public void nesting_as_deep_as_allowed_is_no_fault_of_depth()
    {
        var sixteen = string.Concat(Enumerable.Repeat("[", 16)) + string.Concat(Enumerable.Repeat("]", 16));
        var errors = JsonBodyErrors.Describe(Encoding.UTF8.GetBytes(sixteen), typeof(AcknowledgeCase), Api);
        errors.Keys.ShouldBe(["$"]);
        errors["$"].ShouldBe([JsonBodyErrors.ObjectRequired]);
    }

    [Fact]
    public void a_body_with_thousands_of_faults_gets_the_first_few()
    {
        var body = """{"expectedVersion":1,"itemNumber":1,"votes":[""" +
                   string.Join(",", Enumerable.Range(0, 5_000).Select(i => $$"""{"personnelNumber":"E-{{i}}","vote":"maybe"}""")) + "]}";

        JsonBodyErrors.Describe(Encoding.UTF8.GetBytes(body), typeof(CastVotes), Api).Count.ShouldBe(JsonBodyErrors.MaxErrors);
    }
}
