using System.Xml.Linq;
using Cases.Api.Demo;
using Cases.Api.Infrastructure;
using Cases.Api.Statistics;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Statistics;

/// <summary>The demo's reports, word for word, in each language, as a reader gets them.</summary>
[Collection(DemoCollection.Name)]
public class when_telling_the_seeds(DemoApp app)
{
    private const string Period = "from=2021-01-01&to=2021-10-31";

    private async Task<(string Text, string? ContentType, string? Language)> ReadAsync(string url, string role, string? acceptLanguage = null)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(app.Token(DemoScenario.Organisation, role));
            if (acceptLanguage is not null) s.WithRequestHeader("Accept-Language", acceptLanguage);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsTextAsync(), result.Context.Response.ContentType, result.Context.Response.Headers.ContentLanguage);
    }

    [Fact]
    public async Task the_centres_report_in_english()
    {
        var (text, type, language) = await ReadAsync($"/api/statistics/narrative?{Period}", Roles.Analyst);
        type.ShouldBe("text/plain; charset=utf-8");
        language.ShouldBe("en");
        var figures = (await (await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/statistics?{Period}");
            s.WithBearerToken(app.Token(DemoScenario.Organisation, Roles.Analyst));
        })).ReadAsJsonAsync<StatisticsReport>())!;
        figures.Total.ExecutionByCommission["Commission on appeals"].RatePercent.ShouldBe(90m);
        figures.Total.ExecutionByCommission["Disciplinary commission"].RatePercent.ShouldBe(100m);
        await Should.ThrowAsync<InvalidOperationException>(
            new DemoScenario(app.Host.Server.CreateClient(), role => app.Token(DemoScenario.Organisation, role)).LoadAsync(CancellationToken.None));
        text.ShouldBe(
            "From January 2021 to October 2021, the National Research Oncology Center (NROC) received 7 appeals (complaints), " +
            "5 meetings were held on them, 30 protocol decisions were made. Execution was 90%. " +
            "All appeals related to the provision of medical care, there are no complaints about corruption. " +
            "When monitoring social networks, the organisation's website and other media, no complaints or negative comments about corruption were found. " +
            "The call-centre phones received 200–250 calls a day, 225 on average. None of them concerned corruption. " +
            "No calls were received on the phone of the compliance service. " +
            "Public procurement was monitored (186 procurements checked); no violations affecting the results were identified. " +
            "4 meetings of the disciplinary commission were held, 8 disciplinary sanctions were imposed, " +
            "but no facts of violation of the code of business ethics were revealed. " +
            "The internal analysis of corruption risks in organisational and managerial activity, the application of regulatory legal acts " +
            "and medical activity found no causes or conditions conducive to corruption offences.\n");
    }

    [Fact]
    public async Task the_centres_report_in_russian()
    {
        var (text, _, language) = await ReadAsync($"/api/statistics/narrative?{Period}", Roles.Analyst, "ru-RU,ru;q=0.9,en;q=0.5");
        language.ShouldBe("ru");
        text.ShouldBe(
            "С января 2021 года по октябрь 2021 года в организацию «Национальный научный онкологический центр (ННОЦ)» поступило " +
            "7 обращений (жалоб), по ним проведено 5 заседаний, принято 30 протокольных решений. Исполнение составило 90%. " +
            "Все обращения касались оказания медицинской помощи, жалоб на коррупцию нет. " +
            "При мониторинге социальных сетей, сайта организации и других средств массовой информации жалоб и негативных комментариев " +
            "по вопросам коррупции не выявлено. " +
            "На телефоны колл-центра поступало 200–250 звонков в день, в среднем 225. Ни один из них не касался коррупции. " +
            "На телефон комплаенс-службы звонков не поступало. " +
            "Проводился мониторинг государственных закупок (проверено 186 закупок); нарушений, повлиявших на результаты, не выявлено. " +
            "Проведено 4 заседания дисциплинарной комиссии, наложено 8 дисциплинарных взысканий, " +
            "однако фактов нарушения Кодекса деловой этики не выявлено. " +
            "В ходе внутреннего анализа коррупционных рисков в организационно-управленческой деятельности, применении нормативных правовых актов " +
            "и медицинской деятельности причины и условия, способствующие совершению коррупционных правонарушений, не выявлены.\n");
    }

    [Fact]
    public async Task the_centres_report_in_kazakh()
    {
        var (text, _, language) = await ReadAsync($"/api/statistics/narrative?{Period}&lang=kk", Roles.Analyst, "ru-RU");
        language.ShouldBe("kk");
        text.ShouldBe(
            "2021 жылғы қаңтардан 2021 жылғы қазанға дейін Ұлттық ғылыми онкологиялық орталық (ҰҒОО) 7 өтініш (шағым) қабылдады, " +
            "олар бойынша 5 отырыс өткізілді, 30 хаттамалық шешім қабылданды. Орындалуы 90% құрады. " +
            "Барлық өтініштер медициналық көмек көрсетуге қатысты, сыбайлас жемқорлық туралы шағымдар жоқ. " +
            "Әлеуметтік желілер, ұйымның сайты және басқа да бұқаралық ақпарат құралдары мониторингі кезінде сыбайлас жемқорлық мәселелері " +
            "бойынша шағымдар мен жағымсыз пікірлер анықталған жоқ. " +
            "Колл-орталықтың телефондарына күніне 200–250 қоңырау түсті, орта есеппен 225. " +
            "Олардың ешқайсысы сыбайлас жемқорлыққа қатысты болған жоқ. " +
            "Комплаенс қызметінің телефонына бірде-бір қоңырау түскен жоқ. " +
            "Мемлекеттік сатып алуларға мониторинг жүргізілді (тексерілгені: 186 сатып алу); нәтижелерге әсер еткен бұзушылықтар анықталған жоқ. " +
            "Тәртіптік комиссияның 4 отырысы өткізілді, 8 тәртіптік жаза қолданылды, алайда іскерлік әдеп кодексін бұзу фактілері анықталған жоқ. " +
            "Ұйымдастырушылық-басқарушылық қызметте, нормативтік құқықтық актілерді қолдануда және медициналық қызметте сыбайлас жемқорлық " +
            "тәуекелдеріне жүргізілген ішкі талдау барысында сыбайлас жемқорлық құқық бұзушылықтар жасауға ықпал ететін себептер мен жағдайлар " +
            "анықталған жоқ.\n");
    }

    [Fact]
    public async Task the_statistics_csv_heads_its_columns_in_the_language_asked_for()
    {
        var english = await CsvHeaderAsync(null);
        english.ShouldBe("period,figure,key,value");
        (await CsvHeaderAsync("ru")).ShouldBe("период,показатель,ключ,значение");
        (await CsvHeaderAsync("kk-KZ")).ShouldBe("кезең,көрсеткіш,кілт,мән");
    }

    private async Task<string> CsvHeaderAsync(string? language)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/statistics?{Period}");
            s.WithBearerToken(app.Token(DemoScenario.Organisation, Roles.Analyst));
            s.WithRequestHeader("Accept", "text/csv");
            if (language is not null) s.WithRequestHeader("Accept-Language", language);
            s.StatusCodeShouldBe(200);
        });
        result.Context.Response.Headers.Vary.ToString().ShouldContain("Accept-Language");
        return (await result.ReadAsTextAsync()).Split('\n')[0];
    }

    [Fact]
    public async Task the_chart_is_a_real_drawing_of_the_monthly_trend_labelled_in_the_readers_language()
    {
        var (svg, type, _) = await ReadAsync($"/api/statistics/chart?{Period}", Roles.Analyst);
        type.ShouldBe("image/svg+xml; charset=utf-8");
        svg.Length.ShouldBeGreaterThan(10_000);
        var root = XDocument.Parse(svg).Root!;
        root.Name.LocalName.ShouldBe("svg");
        root.Attribute("width")!.Value.ShouldBe(TrendChart.Width.ToString());
        root.Descendants().Count(e => e.Name.LocalName is "polyline" or "path").ShouldBeGreaterThanOrEqualTo(3);
        svg.ShouldContain("Protocol decisions");

        var (kazakh, _, language) = await ReadAsync($"/api/statistics/chart?{Period}&lang=kk", Roles.Analyst);
        language.ShouldBe("kk");
        foreach (var label in new[] { "Өтініштер, шешімдер және жазалар, 2021-01 – 2021-10", "Хаттамалық шешімдер", "Жазалар", "айына" }) kazakh.ShouldContain(label);
        (await ReadAsync($"/api/statistics/chart?{Period}", Roles.Analyst, "ru")).Text.ShouldContain("Протокольные решения");
    }

    [Fact]
    public async Task a_language_the_service_does_not_write_is_refused_in_the_query_and_passed_over_in_the_header()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/statistics/narrative?{Period}&lang=fr");
            s.WithBearerToken(app.Token(DemoScenario.Organisation, Roles.Analyst));
            s.StatusCodeShouldBe(400);
        });
        var (text, _, language) = await ReadAsync($"/api/statistics/narrative?{Period}", Roles.Analyst, "fr-FR, de;q=0.9, kk;q=0.2");
        language.ShouldBe("kk");
        text.ShouldStartWith("2021 жылғы қаңтардан");
        (await ReadAsync($"/api/statistics/narrative?{Period}", Roles.Analyst, "fr-FR")).Language.ShouldBe("en");
    }
}
