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

    private async Task<(string Text, string? ContentType, string? Language)> ReadAsync(string url, string role, string? acceptLanguage = null,
        string organisation = DemoScenario.Organisation)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(app.Token(organisation, role));
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
            "Проводился мониторинг государственных закупок (проверено закупок: 186); нарушений, повлиявших на результаты, не выявлено. " +
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
        // Bars for the counts: one for each of the three figures of each of the ten months.
        root.Descendants(SvgChart.Svg + "rect").Count(r => r.Element(SvgChart.Svg + "title") is not null).ShouldBe(3 * 10);
        // The execution rate on an axis from 0 to 100%, the period's rate drawn across it.
        var texts = root.Descendants(SvgChart.Svg + "text").Select(t => t.Value).ToList();
        texts.ShouldContain("0%");
        texts.ShouldContain("100%");
        texts.ShouldContain("Whole period: 92.1%");
        root.Descendants(SvgChart.Svg + "style").ShouldBeEmpty();
        root.Descendants().ShouldAllBe(e => e.Attribute("style") == null);

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

    [Fact]
    public async Task the_regional_session_in_english()
    {
        var (text, _, language) = await ReadAsync($"/api/meetings/{app.Session}/report", Roles.Secretary, organisation: RegionalDemoScenario.Organisation);
        language.ShouldBe("en");
        text.ShouldBe(
            """
            Session of the regional anti-corruption commission

            On 21 May 2019, a meeting of the regional anti-corruption commission was held. It was chaired by the oblast akim B.Zh. Bakauov. The commission heard the head of the regional health care department O. Mukashev on the state of work on eliminating corruption risks and improving the quality of public services, and the measures taken to form a general rejection of corruption (the project Ertis – Adaldyk Alany). The commission heard the head of the education department of the region D. Bolathanuly on the state of anti-corruption work in education.

            Following the meeting, the commission gave 8 instructions:
            – to the regional health care department: strengthen control over the provision of medicines to citizens within the guaranteed volume of free medical care and the introduction of digitalisation by medical institutions (on an ongoing basis);
            – to the regional education department and the regional youth policy department: ensure the transparency and relevance of the work of the anti-corruption commissions in educational institutions, including by including representatives of students and NGOs in them (on an ongoing basis);
            – to the regional education department and the regional youth policy department: strengthen the work on forming an anti-corruption culture among students and youth (on an ongoing basis);
            – to all the bodies the commission oversees and the regional administrations: hear reports of the akims of cities and districts of the region on health issues (in the first half of 2019);
            – to all the bodies the commission oversees and the regional administrations: ensure the transparency of decisions, including in the field of public procurement (on an ongoing basis);
            – to all the bodies the commission oversees and the regional administrations: intensify work aimed at the implementation of the project Regions free from corruption (on an ongoing basis);
            – to all the bodies the commission oversees and the regional administrations: take control over the quality of public services and their provision in electronic format (on an ongoing basis);
            – to all the bodies the commission oversees and the regional administrations: continue work on the implementation of the regional plan of activities for 2018-2020 and counteracting the shadow economy (during 2019).

            13 anti-corruption mobile groups were formed (Akkuly district, Aksu, Aktogay district, Bayanaul district, Ekibastuz, Irtysh district, May district, Pavlodar, Pavlodar district, Sharbakty district, Terenkol district, Uspen district and Zhelezin district), with representatives of the local executive body, the Nur Otan party branch, the youth initiatives development centre, the public, the state agencies and the maslikhat deputies. Their schedules of visits were approved, and they began work in October 2017. By the day of the meeting they had made 26 visits. Under the regional plan of activities for 2018-2020, 18 obligations of the responsible bodies had fallen due by the day of the meeting: 15 executed (83.3%), 3 overdue.
            """ + "\n");
    }

    [Fact]
    public async Task the_regional_session_in_russian()
    {
        var (text, _, _) = await ReadAsync($"/api/meetings/{app.Session}/report?lang=ru", Roles.Analyst, organisation: RegionalDemoScenario.Organisation);
        text.ShouldBe(
            """
            Заседание: the regional anti-corruption commission

            21 мая 2019 года состоялось заседание комиссии «the regional anti-corruption commission». Председательствующий — the oblast akim B.Zh. Bakauov. Комиссия заслушала: the head (the regional health care department) O. Mukashev — «the state of work on eliminating corruption risks and improving the quality of public services, and the measures taken to form a general rejection of corruption (the project Ertis – Adaldyk Alany)». Комиссия заслушала: the head (the education department of the region) D. Bolathanuly — «the state of anti-corruption work in education».

            По итогам заседания комиссия дала 8 поручений:
            – the regional health care department: strengthen control over the provision of medicines to citizens within the guaranteed volume of free medical care and the introduction of digitalisation by medical institutions (на постоянной основе);
            – the regional education department и the regional youth policy department: ensure the transparency and relevance of the work of the anti-corruption commissions in educational institutions, including by including representatives of students and NGOs in them (на постоянной основе);
            – the regional education department и the regional youth policy department: strengthen the work on forming an anti-corruption culture among students and youth (на постоянной основе);
            – всем подконтрольным органам и the regional administrations: hear reports of the akims of cities and districts of the region on health issues (в первом полугодии 2019 года);
            – всем подконтрольным органам и the regional administrations: ensure the transparency of decisions, including in the field of public procurement (на постоянной основе);
            – всем подконтрольным органам и the regional administrations: intensify work aimed at the implementation of the project Regions free from corruption (на постоянной основе);
            – всем подконтрольным органам и the regional administrations: take control over the quality of public services and their provision in electronic format (на постоянной основе);
            – всем подконтрольным органам и the regional administrations: continue work on the implementation of the regional plan of activities for 2018-2020 and counteracting the shadow economy (в течение 2019 года).

            Создано 13 антикоррупционных мобильных групп (Akkuly district, Aksu, Aktogay district, Bayanaul district, Ekibastuz, Irtysh district, May district, Pavlodar, Pavlodar district, Sharbakty district, Terenkol district, Uspen district и Zhelezin district), в их состав вошли представители: the local executive body, the Nur Otan party branch, the youth initiatives development centre, the public, the state agencies и the maslikhat deputies. Графики их работы утверждены, работу они начали в октябре 2017 года. Ко дню заседания проведено 26 выездов. По плану «the regional plan of activities for 2018-2020» ко дню заседания наступил срок 18 обязательств ответственных органов: исполнено 15 (83,3%), просрочено 3.
            """ + "\n");
    }

    [Fact]
    public async Task the_regional_session_in_kazakh()
    {
        var (text, _, _) = await ReadAsync($"/api/meetings/{app.Session}/report", Roles.Member, "kk", organisation: RegionalDemoScenario.Organisation);
        text.ShouldBe(
            """
            Отырыс: the regional anti-corruption commission

            2019 жылғы 21 мамыр күні «the regional anti-corruption commission» комиссиясының отырысы өтті. Отырысқа the oblast akim B.Zh. Bakauov төрағалық етті. Комиссия тыңдады: the regional health care department the head O. Mukashev — «the state of work on eliminating corruption risks and improving the quality of public services, and the measures taken to form a general rejection of corruption (the project Ertis – Adaldyk Alany)». Комиссия тыңдады: the education department of the region the head D. Bolathanuly — «the state of anti-corruption work in education».

            Отырыс қорытындысы бойынша комиссия 8 тапсырма берді:
            – the regional health care department: strengthen control over the provision of medicines to citizens within the guaranteed volume of free medical care and the introduction of digitalisation by medical institutions (тұрақты негізде);
            – the regional education department және the regional youth policy department: ensure the transparency and relevance of the work of the anti-corruption commissions in educational institutions, including by including representatives of students and NGOs in them (тұрақты негізде);
            – the regional education department және the regional youth policy department: strengthen the work on forming an anti-corruption culture among students and youth (тұрақты негізде);
            – комиссияның бақылауындағы барлық органдарға және the regional administrations: hear reports of the akims of cities and districts of the region on health issues (2019 жылдың бірінші жартыжылдығында);
            – комиссияның бақылауындағы барлық органдарға және the regional administrations: ensure the transparency of decisions, including in the field of public procurement (тұрақты негізде);
            – комиссияның бақылауындағы барлық органдарға және the regional administrations: intensify work aimed at the implementation of the project Regions free from corruption (тұрақты негізде);
            – комиссияның бақылауындағы барлық органдарға және the regional administrations: take control over the quality of public services and their provision in electronic format (тұрақты негізде);
            – комиссияның бақылауындағы барлық органдарға және the regional administrations: continue work on the implementation of the regional plan of activities for 2018-2020 and counteracting the shadow economy (2019 жыл ішінде).

            Сыбайлас жемқорлыққа қарсы 13 мобильді топ құрылды (Akkuly district, Aksu, Aktogay district, Bayanaul district, Ekibastuz, Irtysh district, May district, Pavlodar, Pavlodar district, Sharbakty district, Terenkol district, Uspen district және Zhelezin district), олардың құрамына: the local executive body, the Nur Otan party branch, the youth initiatives development centre, the public, the state agencies және the maslikhat deputies өкілдері кірді. Олардың жұмыс кестелері бекітілді, жұмысты 2017 жылғы қазанда бастады. Отырыс күніне дейін 26 іс-сапар өткізілді. «the regional plan of activities for 2018-2020» жоспары бойынша отырыс күніне дейін жауапты органдардың 18 міндетінің мерзімі келді: 15 орындалды (83,3%), 3 мерзімі өтті.
            """ + "\n");
    }

    [Fact]
    public async Task a_session_not_held_has_no_report_and_an_unknown_one_is_404()
    {
        const string organisation = "aksu";
        var secretary = app.Token(organisation, Roles.Secretary);
        var commission = await (await app.Host.Scenario(s =>
        {
            s.Post.Json(new { name = "Ethics commission", kind = "ethics", establishedOn = "2021-01-04" }).ToUrl("/api/commissions");
            s.WithBearerToken(secretary);
            s.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<Api.Commissions.CommissionEstablishedResponse>();
        var meeting = await (await app.Host.Scenario(s =>
        {
            s.Post.Json(new { commissionId = commission!.Id, scheduledFor = "2021-11-20T10:00:00+06:00", place = "Hall", agenda = new[] { new { question = "Plan" } } })
                .ToUrl("/api/meetings");
            s.WithBearerToken(secretary);
            s.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<Api.Meetings.MeetingScheduledResponse>();

        var refused = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings/{meeting!.Id}/report");
            s.WithBearerToken(secretary);
            s.StatusCodeShouldBe(409);
        });
        (await refused.ReadAsTextAsync()).ShouldContain("meeting-not-held");
        await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings/{app.Session}/report");
            s.WithBearerToken(secretary);
            s.StatusCodeShouldBe(404);
        });
    }
}
