using System.Text;
using Baoku.Import.Enrich;
using FsCheck;
using FsCheck.Fluent;

namespace Baoku.Tests.Import.Enrich;

public class EntityExtractorTests
{
    private static ExtractedEntities X(string text) => EntityExtractor.Extract(text);

    private static void PeopleAre(ExtractedEntities r, params (string Name, string? Post)[] expected) =>
        r.People.Select(p => (p.Name, p.Post)).ToArray().ShouldBe(expected);

    private static void OrgsAre(ExtractedEntities r, params string[] expected) =>
        r.Orgs.ToArray().ShouldBe(expected);

    // ───────────── people: posts ─────────────

    [Fact]
    public void SimplePostBeforeNameIsKept()
    {
        var r = X("宣讲结束后，副市长胡文建与企业负责人进行座谈交流");
        PeopleAre(r, ("胡文建", "副市长"));
        OrgsAre(r);
    }

    [Fact]
    public void LeadingVerbIsStrippedFromPost()
    {
        var r = X("日前，千喜集团有限公司党支部组织召开党的二十大精神专题学习会，邀请了开发区纪检监察工委书记俞文晓宣讲党的二十大精神。");
        PeopleAre(r, ("俞文晓", "开发区纪检监察工委书记"));
        // The body inside the post is an organisation too (as 市直机关工委 in the corpus gold).
        OrgsAre(r, "千喜集团有限公司", "开发区纪检监察工委");
    }

    [Fact]
    public void RepresentativeFollowedByEnumerationCommaIsNotChainedIntoPost()
    {
        var r = X("对今后的发展，我们信心十足。”企业代表、浙江岘峰磁材有限公司负责人吕双武说。");
        PeopleAre(r, ("吕双武", "浙江岘峰磁材有限公司负责人"));
        OrgsAre(r, "浙江岘峰磁材有限公司");
    }

    [Fact]
    public void PostChainWithEnumerationCommaIsKept()
    {
        var r = X("开发区党工委书记、管委会主任何志云表示，此次整合不是单纯的区域整合");
        PeopleAre(r, ("何志云", "开发区党工委书记、管委会主任"));
        OrgsAre(r, "开发区党工委");
    }

    [Fact]
    public void PostStartingWithNoiseLikeCharacterIsNotClipped()
    {
        PeopleAre(X("会议指出，经济开发区党工委书记何志云表示"), ("何志云", "经济开发区党工委书记"));
        PeopleAre(X("会议由市委常委、宣传部部长朱晓红主持。"), ("朱晓红", "市委常委、宣传部部长"));
        PeopleAre(X("请市委副书记胡积合讲话。"), ("胡积合", "市委副书记"));
    }

    [Fact]
    public void CityPartySecretaryIsFoundAndZoneKeptAsPrinted()
    {
        var r = X("1月11日下午，市委书记章旭升深入经济开发区企业，开展“大走访大调研大服务大解题，千名干部帮千企”活动。");
        PeopleAre(r, ("章旭升", "市委书记"));
        OrgsAre(r, "经济开发区");
    }

    [Fact]
    public void StandingCommitteeAndPartyGroupChainIsKept()
    {
        var r = X("市委常委、市政府党组成员李浩锋参加。");
        PeopleAre(r, ("李浩锋", "市委常委、市政府党组成员"));
        OrgsAre(r);
    }

    [Fact]
    public void DeputySecretaryAndMayorChainIsKept()
    {
        PeopleAre(X("日前，市委副书记、市长胡勇春赴经济开发区开展“大走访大调研大服务大解题，千名干部帮千企”活动，问需于企、助力发展。"),
            ("胡勇春", "市委副书记、市长"));
        PeopleAre(X("市委副书记、市长张群环表示，下一步将坚持目标导向、问题导向"), ("张群环", "市委副书记、市长"));
    }

    [Fact]
    public void NamesEnumeratedAfterRoleAllGetTheRole()
    {
        var r = X("5月26日，在第四个“全国科技工作者日”即将来临之际，市委副书记胡积合先后到市自然资源和规划局、市第一人民医院、四方集团，走访慰问我市科技工作者代表应尚蛟、王伟、李红阳。");
        PeopleAre(r,
            ("胡积合", "市委副书记"),
            ("应尚蛟", "科技工作者代表"),
            ("王伟", "科技工作者代表"),
            ("李红阳", "科技工作者代表"));
        OrgsAre(r, "市自然资源和规划局", "市第一人民医院", "四方集团");
    }

    [Fact]
    public void TwoCharacterNameStopsAtFollowingVerb()
    {
        var r = X("市第一人民医院院长王伟是我市神经外科学科带头人，也是我市科技人员突出贡献奖获得者。");
        PeopleAre(r, ("王伟", "市第一人民医院院长"));
        OrgsAre(r, "市第一人民医院");
    }

    [Fact]
    public void OrganisationPrefixOfPostStopsAtComma()
    {
        var r = X("5月28日，金华市副市长张新宇带队到我市调研工业经济。副市长李浩锋陪同。");
        PeopleAre(r, ("张新宇", "金华市副市长"), ("李浩锋", "副市长"));
        OrgsAre(r);
    }

    [Fact]
    public void PersonMentionedTwiceKeepsLongestPost()
    {
        var r = X("副市长李浩锋陪同。市委常委、市政府党组成员李浩锋参加。李浩锋说，要优化服务。");
        PeopleAre(r, ("李浩锋", "市委常委、市政府党组成员"));
    }

    [Fact]
    public void SpeechVerbMentionOfKnownOfficialIsNotASecondPerson()
    {
        var r = X("市委副书记、市长胡勇春赴经济开发区开展活动。胡勇春强调，企业强，产业才能强。胡勇春指出，越是困难时刻，越要构建更为稳固的政企关系。");
        PeopleAre(r, ("胡勇春", "市委副书记、市长"));
    }

    [Fact]
    public void OrderIsFirstOccurrenceEvenInHeadline()
    {
        var r = X("胡勇春赴经济开发区开展活动\n副市长胡文建陪同。市委副书记、市长胡勇春强调，要优化营商环境。");
        r.People.Select(p => p.Name).ShouldBe(["胡勇春", "胡文建"]);
    }

    [Fact]
    public void SpeechVerbConfirmsThreeCharacterNameWhoseLastCharIsAStopChar()
    {
        // 一 normally ends a name (王伟一行); 王文一说 shows it is part of the name.
        var r = X("副市长王文一陪同调研。王文一说，要抓好落实。");
        PeopleAre(r, ("王文一", "副市长"));
    }

    [Fact]
    public void TwoCharacterReadingWinsWhenItStandsAloneElsewhere()
    {
        var r = X("市第一人民医院院长王伟高度评价该项目。王伟说，要继续努力。");
        PeopleAre(r, ("王伟", "市第一人民医院院长"));
    }

    // ───────────── people: negatives ─────────────

    [Fact]
    public void NoPersonFromResponsiblePersonFollowedByVerb()
    {
        var r = X("一起参与座谈的市商务局相关负责人认真听完各企业负责人的问题和建议后，与他们分享了当前外贸的相关政策");
        PeopleAre(r);
        OrgsAre(r, "市商务局");
    }

    [Fact]
    public void NoPersonFromChairUnit()
    {
        PeopleAre(X("其中步阳集团、王力安防、群升集团、金凯德、新多集团、星月门业为轮值主席单位。"));
    }

    [Fact]
    public void NoPersonFromModalVerbThatLooksLikeSurname()
    {
        PeopleAre(X("会议要求，企业负责人应加强管理，企业负责人应积极对接市场。"));
        PeopleAre(X("企业代表应邀参加座谈。书记曾多次到企业调研。书记于今年3月到任。"));
        PeopleAre(X("他担任主任委员多年。"));
    }

    [Fact]
    public void HonorificOnlyMentionIsNotAPerson()
    {
        PeopleAre(X("本报讯日前，神州模具产业园的杨先生欣喜地发现名园北大道沿线违章停车的现象少了"));
        PeopleAre(X("企业负责人杨先生说，订单已经排到年底。"));
    }

    [Fact]
    public void GeneralSecretaryIsAPostAfterTheName()
    {
        // 总书记 is never followed by the name, but the segmenter knows the name before it.
        PeopleAre(X("习近平总书记对国家级经济技术开发区工作作出重要指示"), ("习近平", "总书记"));
    }

    // ───────────── organisations ─────────────

    [Fact]
    public void EnumerationBeforeDengQiyeGivesEachCompany()
    {
        var r = X("章旭升一行先后来到安胜科技、正阳科技、众泰汽车、深伟业科技、飞神车业等企业走访调研。");
        OrgsAre(r, "安胜科技", "正阳科技", "众泰汽车", "深伟业科技", "飞神车业");
        PeopleAre(r);
    }

    [Fact]
    public void TwoCompaniesJoinedByHeAreSplit()
    {
        OrgsAre(X("胡勇春还走访了浙江超人科技股份有限公司和浙江飞剑工贸有限公司，与企业负责人面对面交流"),
            "浙江超人科技股份有限公司", "浙江飞剑工贸有限公司");
    }

    [Fact]
    public void CompanyAfterPrepositionStartsAtPlaceName()
    {
        OrgsAre(X("在浙江金拓机电有限公司，胡勇春参观了产品展示中心"), "浙江金拓机电有限公司");
        OrgsAre(X("“目前存在哪些问题需要我们解决？”在浙江伟创源实业有限公司项目工地现场，胡勇春仔细询问建设进度等情况"),
            "浙江伟创源实业有限公司");
    }

    [Fact]
    public void CompanyAtSentenceStartIsWholeName()
    {
        var r = X("王力安防科技股份有限公司作为全国安防门锁行业首家上市企业，实现门锁领域核心技术全面布局。");
        OrgsAre(r, "王力安防科技股份有限公司");
        PeopleAre(r);
    }

    [Fact]
    public void ShortCompanyNamesWithGongsiNeedTwoCharacters()
    {
        OrgsAre(X("随后，张新宇来到超虎公司和炊大王公司，与企业负责人亲切交谈"), "超虎公司", "炊大王公司");
        OrgsAre(X("该公司是一家上市公司，另有两家子公司。"));
    }

    [Fact]
    public void CompanyListAfterQizhongAndAwardVerb()
    {
        OrgsAre(X("其中浙江三锋实业股份有限公司获评金华市首家省级清廉民企，千喜集团有限公司、浙江顺虎铝业有限公司等5家企业获评金华市清廉民企标准建设单位。"),
            "浙江三锋实业股份有限公司", "千喜集团有限公司", "浙江顺虎铝业有限公司");
    }

    [Fact]
    public void MixedListWithSeveralGroupsMakesAllItemsCompanies()
    {
        OrgsAre(X("据悉，联盟由理事单位和成员单位组成，其中步阳集团、王力安防、群升集团、金凯德、新多集团、星月门业为轮值主席单位。"),
            "步阳集团", "王力安防", "群升集团", "金凯德", "新多集团", "星月门业");
    }

    [Fact]
    public void GenericSmartFactoryIsNotACompany()
    {
        OrgsAre(X("加快推进龙头企业智能工厂（车间）建设"));
    }

    [Fact]
    public void YouthLeagueAndYouthPalace()
    {
        OrgsAre(X("1月11日，团市委、市青少年宫联合开办的“青苗学堂”寒假公益托管班开课。"), "团市委", "市青少年宫");
    }

    [Fact]
    public void BureausAfterLianheAreFound()
    {
        OrgsAre(X("日前，经济开发区、芝英镇联合市发改局、市经信局、市统计局等召开芝英片区企业交接会"),
            "经济开发区", "市发改局", "市经信局", "市统计局");
    }

    [Fact]
    public void BureauStopsAtFirstSuffixAndBareZoneIsDropped()
    {
        OrgsAre(X("“在整治期间，开发区联系市综合行政执法局市政管理处、开发区中队，通过加大道路巡查力度"), "市综合行政执法局");
    }

    [Fact]
    public void PrefectureLevelAssociations()
    {
        OrgsAre(X("并参加当天在步阳集团召开的金华市企业联合会、金华市企业家协会“走进步阳，互看互学”企业家交流座谈会。"),
            "步阳集团", "金华市企业联合会", "金华市企业家协会");
    }

    [Fact]
    public void RuralCommercialBankAndResearchInstitute()
    {
        OrgsAre(X("成立仪式上，永康农商银行向党建联盟整体授信10亿元。"), "永康农商银行");
        // 五金技师学院 has no 市 before it: the segmenter reads its name back from 学院.
        OrgsAre(X("我市还将在五金技师学院（筹）和市质量技术监测研究院设立技能人才培养基地和质量监测基地"), "五金技师学院", "市质量技术监测研究院");
    }

    [Fact]
    public void ZoneAndCommitteeKeptAsPrinted()
    {
        OrgsAre(X("并出台了《永康经济开发区城市精细化管理工作实施方案》。连日来，开发区管委会综合监督管理办、规划建设办、园区执法中队以一周整治一条园区主要道路为目标"),
            "永康经济开发区", "开发区管委会");
    }

    [Fact]
    public void ForestFarmFromPost()
    {
        OrgsAre(X("应尚蛟现任市林场场长、林业高级工程师，曾获市拔尖人才"), "市林场");
    }

    [Fact]
    public void CompanySuffixesThatFollowEachOtherMakeOneName()
    {
        OrgsAre(X("浙江永康农村商业银行股份有限公司与永康市财政局签订协议。"), "浙江永康农村商业银行股份有限公司", "永康市财政局");
    }

    [Fact]
    public void CityGovernmentOfficeIsKeptButBareGovernmentIsNot()
    {
        OrgsAre(X("市政府办公室、市发展和改革局、市经济和信息化局联合发文。"), "市政府办公室", "市发展和改革局", "市经济和信息化局");
    }

    [Fact]
    public void PartyDepartmentAndItsHeadChain()
    {
        var r = X("市委宣传部副部长、市新闻出版局局长吕晓红出席活动。");
        PeopleAre(r, ("吕晓红", "市委宣传部副部长、市新闻出版局局长"));
        OrgsAre(r, "市委宣传部", "市新闻出版局");
    }

    // ───────────── organisations: negatives ─────────────

    [Fact]
    public void NoOrgFromBareZoneOrZoneCategory()
    {
        OrgsAre(X("这片创新创业热土正处于从省级经济开发区迈向国家级经济开发区的重要时期"));
        OrgsAre(X("开发区将继续强化党建引领，开发区在高质量发展的道路上仍有不少卡点瓶颈。"));
        OrgsAre(X("连续多年获评“浙江省优秀开发区”，在金华市经济开发区综合考评中始终占据“领头雁”地位。"));
    }

    [Fact]
    public void NoOrgFromPartyCommitteeOrGovernment()
    {
        OrgsAre(X("今年以来，开发区全面贯彻市委、市政府各项决策部署"));
        OrgsAre(X("认真对标对表中央、省委和金华市委决策部署，用心用情帮助企业排忧解难"));
        OrgsAre(X("在思想上、政治上、行动上同党中央保持高度一致"));
    }

    [Fact]
    public void NoOrgFromMarketOrCityWords()
    {
        OrgsAre(X("以市场主体需求为导向，着力打造市场化、法治化的一流营商环境。全省首创企业版社会治理微中心"));
        OrgsAre(X("市区幼儿园转让。全市上下要尊重知识、尊重人才。"));
        OrgsAre(X("“亲清直通车·政企恳谈会”是今年全省工商联系统的一项重点工作"));
    }

    // ───────────── with the segmenter: places, names without a post, aliases ─────────────

    [Fact]
    public void TownsStreetsAndVillagesArePlaces()
    {
        X("日前，经济开发区、芝英镇联合市发改局召开芝英片区企业交接会").Places.ShouldBe(["芝英镇", "芝英片区"]);
        X("吴宁街道开展志愿服务，巍山镇白坦村村民吴月英说，工坊开到了家门口。").Places.ShouldBe(["吴宁街道", "巍山镇", "白坦村"]);
        X("走进柳城畲族镇黄塘村，稻田一片金黄").Places.ShouldBe(["柳城畲族镇", "黄塘村"]);
    }

    [Fact]
    public void GenericPlaceWordsAndQualifyingCitiesAreNotPlaces()
    {
        X("推动农村发展，建设美丽乡村，走好发展之路").Places.ShouldBeEmpty();
        // 永康市 qualifies an award, 金华市 a post; 永康经济开发区 is an organisation.
        X("曾获永康市科技人员突出贡献奖。金华市副市长张新宇到永康经济开发区调研").Places.ShouldBeEmpty();
    }

    [Fact]
    public void CityOnItsOwnIsAPlaceAndLearnedFromItsBodies()
    {
        var r = X("义乌市商务局组织企业赴中东。义乌外贸企业开拓新兴市场，这批烧饼将发往杭州。");
        r.Orgs.ShouldBe(["义乌市商务局"]);
        r.Places.ShouldBe(["义乌", "杭州"]);
    }

    [Fact]
    public void SegmenterReadsNamesBeforeASpeechVerb()
    {
        var r = X("浙江潮凯皮革有限公司负责人提出建议。村民吴月英说，在家门口就能挣钱。");
        r.People.Select(p => p.Name).ShouldBe(["吴月英"]);
        PeopleAre(X("“今年订单增长了。”王晓丽说。"), ("王晓丽", null));
        PeopleAre(X("企业负责人杨先生说，订单已经排到年底。"));
    }

    [Fact]
    public void SegmenterCorrectsTheLengthOfANameAfterAPost()
    {
        // 强 normally starts the next word (强调); the segmenter reads 孙立强.
        PeopleAre(X("大家围坐一起，和副市长孙立强面对面交流。"), ("孙立强", "副市长"));
    }

    [Fact]
    public void SurnameWithPostIsTheFullNameWithThatPost()
    {
        PeopleAre(X("市委副书记、市长胡勇春到企业调研。胡市长说，要优化服务。"), ("胡勇春", "市委副书记、市长"));
        // No full name of that surname and post: 胡市长 is no one to link, never a person of its own.
        PeopleAre(X("胡市长说，要优化服务。"));
        NameFinder.ResolveShortForm("胡市长", [new("胡勇春", "市委副书记、市长")]).ShouldBe("胡勇春");
        NameFinder.ResolveShortForm("胡市长", [new("胡勇春", "市长"), new("胡文建", "副市长")]).ShouldBeNull();
        NameFinder.ResolveShortForm("胡文建", [new("胡勇春", "市长")]).ShouldBeNull();
    }

    [Fact]
    public void BodiesOfAnyCountyOrTownAreOrganisations()
    {
        OrgsAre(X("3月7日，夹浦镇妇联组织巾帼志愿者。县图书馆开设夜读空间。沈立新当场协调县经信局等部门。"), "夹浦镇妇联", "县图书馆", "县经信局");
        OrgsAre(X("走进周巷镇宁波卓禾电器有限公司的智能工厂"), "宁波卓禾电器有限公司");
    }

    // ───────────── determinism ─────────────

    [Fact]
    public void OutputIsDeterministicAndDuplicateFree()
    {
        foreach (var (file, text) in SeedTexts())
        {
            var a = X(text);
            var b = X(text);
            a.People.ShouldBe(b.People, file);
            a.Orgs.ShouldBe(b.Orgs, file);
            a.People.Select(p => p.Name).ShouldBeUnique(file);
            a.Orgs.ShouldBeUnique(file);
        }
    }

    [Fact]
    public void RandomFragmentSoupNeverThrowsAndStaysDuplicateFree()
    {
        string[] fragments =
        [
            "副市长", "市委副书记", "书记", "负责人", "代表", "主任", "、", "，", "。", "“", "”", "（", "）", "\n", " ",
            "胡文建", "王伟", "应尚蛟", "欧阳", "王", "应", "于", "说", "表示", "等", "一", "有限公司", "股份有限公司",
            "集团", "公司", "银行", "工厂", "市", "金华市", "省", "局", "委员会", "中心", "开发区", "经济", "永康", "浙江",
            "等企业", "来到", "其中", "和", "了", "的", "5", "A",
        ];
        var soup = Gen.ListOf(Gen.Elements(fragments)).Select(parts => string.Concat(parts));
        Prop.ForAll(soup.ToArbitrary(), text =>
        {
            var a = X(text);
            var b = X(text);
            return a.People.SequenceEqual(b.People) && a.Orgs.SequenceEqual(b.Orgs)
                && a.People.Select(p => p.Name).Distinct().Count() == a.People.Count
                && a.Orgs.Distinct().Count() == a.Orgs.Count
                && a.People.All(p => p.Name.Length is >= 2 and <= 4 && text.Contains(p.Name))
                && a.Orgs.All(o => o.Length >= 2 && text.Contains(o) && o is not ("开发区" or "市委" or "市政府"));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EmptyAndPunctuationOnlyTextGiveNothing()
    {
        var r = X("");
        r.People.ShouldBeEmpty();
        r.Orgs.ShouldBeEmpty();
        r = X("，。、“”《》（）\n副市长");
        r.People.ShouldBeEmpty();
        r.Orgs.ShouldBeEmpty();
    }

    // ───────────── seed pages ─────────────

    private static readonly string[] ExpectedOfficials =
        ["胡文建", "俞文晓", "何志云", "吕双武", "章旭升", "李浩锋", "胡勇春", "胡积合", "应尚蛟", "王伟", "李红阳", "张新宇", "张群环"];

    private static readonly string[] BylineReporters =
        ["潘燕佳", "陈晓苏", "徐敏", "张曼欣", "张赤奎", "颜元滔", "郑旭华", "卢斌", "林群心"];

    [Fact]
    public void SeedPagesYieldExpectedOfficials()
    {
        var names = new List<string>();
        foreach (var (file, text) in SeedTexts())
        {
            var people = X(text).People;
            names.AddRange(people.Select(p => p.Name));
            foreach (var p in people.Where(p => BylineReporters.Contains(p.Name)))
                p.Post.ShouldNotBeNull($"{file}: reporter {p.Name} returned without a post");
        }
        foreach (var expected in ExpectedOfficials)
            names.ShouldContain(expected);
        names.Intersect(BylineReporters).ShouldBeEmpty();
    }

    internal static IEnumerable<(string File, string Text)> SeedTexts()
    {
        var dir = AppContext.BaseDirectory;
        while (!(Directory.Exists(Path.Combine(dir, "seeds")) && Directory.Exists(Path.Combine(dir, "generator"))))
            dir = Path.GetDirectoryName(dir) ?? throw new DirectoryNotFoundException("no folder with seeds/ and generator/ above " + AppContext.BaseDirectory);
        foreach (var f in Directory.GetFiles(Path.Combine(dir, "seeds"), "*.txt").Order(StringComparer.Ordinal))
            yield return (Path.GetFileName(f), Despace(File.ReadAllText(f)));
    }

    /// <summary>Joins all lines and drops whitespace, except a single space between two ASCII letters/digits.</summary>
    internal static string Despace(string raw)
    {
        var joined = raw.Replace("\r", "").Replace("\n", "").Replace('\u3000', ' ').Replace('\u00A0', ' ');
        var sb = new StringBuilder(joined.Length);
        for (var i = 0; i < joined.Length; i++)
        {
            if (!char.IsWhiteSpace(joined[i])) { sb.Append(joined[i]); continue; }
            var j = i;
            while (j < joined.Length && char.IsWhiteSpace(joined[j])) j++;
            if (sb.Length > 0 && j < joined.Length && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(joined[j]))
                sb.Append(' ');
            i = j - 1;
        }
        return sb.ToString();
    }
}
