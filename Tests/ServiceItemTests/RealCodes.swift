import ServiceItem

/// Real service-item codes found in public sources, with where each was found.
///
/// Sources are public pages and public GitHub code (crawlers and integration code that
/// quote real national exchange records). "Code index id" is the id of the file in the
/// public-code index the project searched; the URL is where the code itself is published.
struct RealCode: Sendable, CustomStringConvertible {
    let code: String
    let province: String
    let source: String
    /// How strictly the code parses: lenient for the real codes that break a national rule.
    var strictness: Strictness = .strict
    /// The item type the publishing portal gives the code in its own parameters (四川's `taskType`).
    var taskType: String?

    var description: String { "\(code) (\(province))" }
}

enum RealCodes {
    /// 实施编码 (31 characters).
    static let implementationCodes: [RealCode] = [
        RealCode(
            code: "11440000MB2D0164XH2440289876000", province: "44 广东",
            source:
                "https://www.gdzwfw.gov.cn/portal/guide/11440000MB2D0164XH2440289876000, the default guide id "
                + "of a public 广东政务服务网 crawler (html_parser.py, code index id 36922255439)"),
        RealCode(
            code: "11440100007482575H3440118009000", province: "44 广东 (广州)",
            source:
                "https://www.gdzwfw.gov.cn/portal/guide/11440100007482575H3440118009000, linked as 具体办事指南 "
                + "in a public 广东政务服务 crawler's README (code index id 37753139350)"),
        RealCode(
            code: "11440300MB2D0722464440127028001", province: "44 广东 (深圳)",
            source:
                "https://www.gdzwfw.gov.cn/portal/guide/11440300MB2D0722464440127028001, in a public "
                + "广东政务服务网 scraper (code index id 36972525050)"),
        RealCode(
            code: "1144030069395137733442015052006", province: "44 广东 (深圳)",
            source:
                "深圳市小汽车增量调控管理信息系统 (xqctk.jtys.sz.gov.cn) menu link 个人更新注册 → "
                + "https://www.gdzwfw.gov.cn/portal/guide/1144030069395137733442015052006 (code index id 17122199119)"),
        RealCode(
            code: "11450721MB155808114000104002000", province: "45 广西 (灵山县)",
            source:
                "a 广西 national exchange record (AUDIT_ITEM of 固定资产投资项目节能审查, 灵山县行政审批局, dept_code "
                + "11450721MB15580811, catalog_code 000104002000, use_level 4) quoted in a public Java payload "
                + "class (code index id 21106400767)"),
        RealCode(
            code: "11450721348531435D4001033002000", province: "45 广西 (灵山县)",
            source: "the same record set, a 灵山县 public-culture item (code index id 21106400767)"),
        RealCode(
            code: "1145072100811537184452004020000", province: "45 广西 (灵山县)",
            source:
                "a 广西 exchange record of 灵山县发展和改革局 with catalog_code 452004020000 (code index id 20529499766)"),
        RealCode(
            code: "1132050001414925263320105028002", province: "32 江苏 (苏州)",
            source:
                "iddept_ql_inf of https://sz.jszwfw.gov.cn/jszwfw/bscx/itemlist/bszn.do?webId=3&iddept_yw_inf="
                + "113205000141492526332010502800201&ql_kind=01&iddept_ql_inf=1132050001414925263320105028002, "
                + "in public Playwright page checkers (code index ids 15081358506, 15560860561)"),
        RealCode(
            code: "11650000010183859F2650116013001", province: "65 新疆",
            source:
                "taskcode sent to the 新疆 integrated platform's getflowsn interface in public integration code "
                + "(code index id 36120657680)"),
        RealCode(
            code: "11440300MB2C94128A3440217281000", province: "44 广东 (深圳)",
            source:
                "https://www.gdzwfw.gov.cn/portal/guide/11440300MB2C94128A3440217281000, a 行政处罚 of "
                + "深圳市规划和自然资源局 listed with its code 440217281000 in a public 广东政务服务网 scraper's "
                + "recorded output (code index id 7890366978)"),
        RealCode(
            code: "11440100007483172Q3440106043001", province: "44 广东 (广州)",
            source:
                "https://www.gdzwfw.gov.cn/portal/v2/guide/11440100007483172Q3440106043001, the 往来港澳通行证 "
                + "guide linked from public Guangzhou service indexes (code index ids 69465746889, 69782928322)"),
        RealCode(
            code: "11440100007482559U3442001001000", province: "44 广东 (广州)",
            source:
                "ItemId and InnerCode of 企业投资项目备案 in public integration code for 广州市工程建设项目联合审批平台 "
                + "(code index id 22945828805)"),
        RealCode(
            code: "1144011300752367244440116006001", province: "44 广东 (广州番禺)",
            source:
                "ItemId and InnerCode of 河道管理范围内建设项目工程建设方案审批 (事项所属单位 007523672) in the same "
                + "code (code index id 22945828805)"),
        RealCode(
            code: "11450721MB155808114000141005000", province: "45 广西 (灵山县)",
            source:
                "task_code of a 灵山县 record citing 《宗教事务条例》第三十三条 (改建或者新建宗教活动场所内建筑物), in the "
                + "广西 exchange records (code index id 21106400767)"),
    ]

    /// 实施编码 that only lenient checking accepts, with the rule each breaks.
    static let lenientImplementationCodes: [RealCode] = [
        RealCode(
            code: "114401134554137174444TC12049000", province: "44 广东 (广州番禺)",
            source:
                "carry_out_code of 我要办理用地证（社会投资）, 广州市规划和自然资源局番禺区分局, service_item_type TC "
                + "(套餐服务), as Guangzhou's 事项库 getItem interface returned it, quoted in public integration "
                + "code (code index id 22945828805): a letter type where the national code has two digits",
            strictness: .lenient)
    ]

    /// 业务办理项编码 (33 characters).
    static let businessItemCodes: [RealCode] = [
        RealCode(
            code: "114403006939513773344201505200802", province: "44 广东 (深圳)",
            source:
                "深圳市小汽车增量调控管理信息系统 menu link 个人申请 → https://www.gdzwfw.gov.cn/portal/guide/"
                + "114403006939513773344201505200802 (code index id 17122199119)"),
        RealCode(
            code: "114403006939513773344201505200801", province: "44 广东 (深圳)",
            source: "the same page, 企业申请 (code index id 17122199119)"),
        RealCode(
            code: "113205000141492526332010502800201", province: "32 江苏 (苏州)",
            source: "iddept_yw_inf of the same 江苏政务服务网 guide URL (code index ids 15081358506, 15333021666)"),
        RealCode(
            code: "11420000777570977B200073900100001", province: "42 湖北",
            source:
                "https://zwfw.hubei.gov.cn/webview/bszn/bsznpage.html?transactCode=11420000777570977B200073900100001"
                + "&taskType=07 in a public automation script (code index id 63159680375)"),
        RealCode(
            code: "11420100MB0889006F342201722700001", province: "42 湖北 (武汉)",
            source:
                "http://zwfw.hubei.gov.cn/s/web/bszn/bsznpage.html?transactCode=11420100MB0889006F342201722700001, "
                + "武汉市工程造价信息发布公共服务, in a public price-source catalogue (code index id 60707703155)"),
        RealCode(
            code: "11450000007565194H200011501500504", province: "45 广西",
            source:
                "http://zwfw.gxzf.gov.cn/gxzwfw/workhandguide/infos.do?taskCode=11450000007565194H200011501500504 "
                + "in a public front-end mock (code index id 36884589160)"),
        RealCode(
            code: "11440000553612461J244211105N00302", province: "44 广东",
            source:
                "https://www.gdzwfw.gov.cn/portal/v3/guide/11440000553612461J244211105N00302, the provincial "
                + "劳动人事争议仲裁申请 guide linked from public legal-aid apps (code index ids 69799311135, "
                + "69472103370, 69603385447): a letter inside the main item (1105N)"),
        RealCode(
            code: "11450721MB15580811400014100500001", province: "45 广西 (灵山县)",
            source:
                "ywcode of the 灵山县 宗教事务 record, also the sxbm of its online application address "
                + "(code index id 21106400767)"),
    ]

    /// 办件编号 (43 or 48 characters).
    static let caseNumbers: [RealCode] = [
        RealCode(
            code: "11410821005677264N4000117018000202105250002", province: "41 河南 (修武县)",
            source:
                "projectNo of a 好差评 evaluation posted to 河南政务服务网 (was.hnzwfw.gov.cn pingjia.action) for "
                + "a 城镇燃气经营许可 case; the local projid 410821020210525A000002 carries the same date and serial "
                + "(code index id 13709906277): the national 4-digit serial"),
        RealCode(
            code: "11650000010183859F265011601300120181228100000001", province: "65 新疆",
            source:
                "a projectno in public 新疆 integration code (code index id 36120657680): 9-digit serial variant"),
        RealCode(
            code: "11650000010183859F265011601300120181228100000010", province: "65 新疆",
            source: "the flowsn returned by the 新疆 platform, same file (code index id 36120657680)"),
    ]

    /// 基本编码 (12 characters), as catalogues list them beside the implementation code.
    static let basicCodes: [RealCode] = [
        RealCode(
            code: "000104002000", province: "00 国家",
            source: "catalog_code of 固定资产投资项目节能审查 in the 广西 exchange record (code index id 21106400767)"),
        RealCode(
            code: "452004020000", province: "45 广西",
            source: "catalog_code in the 广西 exchange record (code index id 20529499766)"),
    ]

    static var all: [RealCode] {
        implementationCodes + lenientImplementationCodes + businessItemCodes + caseNumbers + basicCodes
    }

    /// 四川政务服务网's own item codes (`itemCode` of its ywTransToDetail addresses), with the
    /// `taskType` the same address passes. Most come from one public list of 广安区 items
    /// (repository v-luobo/zwfw, bszl-data.js, code index id 29053861757, "the 广安区 list").
    /// Lenient entries have a body that is not a credit code; no national code like them exists.
    static let sichuanItemCodes: [RealCode] = [
        RealCode(
            code: "511A0900300012-511602000000-000-11511300008778693M-1-00", province: "51 四川 (广安区)",
            source: "开办互联网上网服务营业场所 of 广安区公安分局 in the 广安区 list", taskType: "1"),
        RealCode(
            code: "G-000007-001-511602000000-000-115113010833722043-1-00", province: "51 四川 (广安区)",
            source: "中职和本专科建档立卡特别资助项目 of 广安区教育科技和体育局 in the 广安区 list", taskType: "5"),
        RealCode(
            code: "511F33033003-511602000000-000-115113010833722043-1-00", province: "51 四川 (广安区)",
            source: "三级社会体育指导员技术等级称号认定 in the 广安区 list (a 12-character item segment)", taskType: "7"),
        RealCode(
            code: "511Z07001006-511602000000-000-11511301008778183N-1-00", province: "51 四川 (广安区)",
            source: "企业投资项目备案（技术改造） of 区经信局 in the 广安区 list", taskType: "10"),
        RealCode(
            code: "512012002012-511602000000-000-115113010087786859-1-00", province: "51 四川 (广安区)",
            source: "机动车驾驶证公证（指引） of 区司法局 in the 广安区 list (type 20 in the item segment)",
            taskType: "20"),
        RealCode(
            code: "511E15002003-511602000000-000-11511301MB1550442U-1-00", province: "51 四川 (广安区)",
            source: "土地权属争议裁决 of 区自然资源和规划局 in the 广安区 list", taskType: "9"),
        RealCode(
            code: "H-000507-001-511602000000-000-1151130176726532XP-1-00", province: "51 四川 (广安区)",
            source: "民族团结进步表彰活动 of 区委统战部 in the 广安区 list", taskType: "8"),
        RealCode(
            code: "511A0012800014-511602000000-000-11511301008778490F-2-00", province: "51 四川 (广安区)",
            source: "麻醉药品和第一类精神药品购用许可延续 of 区卫健局 in the 广安区 list (2 after the body)",
            taskType: "1"),
        RealCode(
            code: "1J-5100-00027-511602000000-000-11511301008778386B-1-00", province: "51 四川 (广安区)",
            source: "重大事故隐患的排查和处理情况的备案 of 区交通运输局 in the 广安区 list (an item segment of "
                + "unknown layout)", taskType: "10"),
        RealCode(
            code: "511F99243096-511921101000-000-11513721008837024N-1-00", province: "51 四川 (平昌县)",
            source: "a township-level (511921101) item fetched by a public 四川 guide crawler (code index id "
                + "45483039080)", taskType: "7"),
        RealCode(
            code: "511A0080600053-512000000000-000-11511800015427357G-1-00", province: "51 四川 (资阳市)",
            source: "食品生产许可核发 in a public list of 资阳市市场监督管理局 items (code index id 3462034877)",
            taskType: "1"),
        RealCode(
            code: "511A0080800002-511602000000-000-1151130000877869M-1-00", province: "51 四川 (广安区)",
            source: "第二类易制毒化学品运输许可 of 广安区公安分局 in the 广安区 list: its credit code "
                + "11511300008778693M, which its other items carry, less position 17", strictness: .lenient,
            taskType: "1"),
        RealCode(
            code: "512B0053300006-511602000000-000-083372204-1-00", province: "51 四川 (广安区)",
            source: "学前教育减免保教费查询 of 广安区教育科技和体育局 in the 广安区 list: the organisation code "
                + "inside its credit code 115113010833722043", strictness: .lenient, taskType: "20"),
        RealCode(
            code: "512C0107400001-511602000000-000-00877868-5-1-00", province: "51 四川 (广安区)",
            source: "律师及律所信息查询 of 区司法局 in the 广安区 list: its organisation code written with a "
                + "hyphen, inside its credit code 115113010087786859", strictness: .lenient, taskType: "20"),
        RealCode(
            code: "511A62001001-511602000000-000-TE5116020105116050-1-00", province: "51 四川 (广安区)",
            source: "烟草专卖零售许可证新办 of 区烟草专卖局 in the 广安区 list: 18 characters, not a credit code",
            strictness: .lenient, taskType: "1"),
        RealCode(
            code: "511F0118100001-511602000000-000-0087790701-1-00", province: "51 四川 (广安区)",
            source: "文物定级 of 区文广旅局 in the 广安区 list: ten digits", strictness: .lenient, taskType: "7"),
        RealCode(
            code: "511A0077700002-510000000000-000-8282348-1-00", province: "51 四川",
            source: "省际间调运林草植物检疫证书新办核发, a provincial item in the 广安区 list: seven digits",
            strictness: .lenient, taskType: "1"),
        RealCode(
            code: "512B0046200003-510000000000-000-451212-1-00", province: "51 四川",
            source: "a provincial public service linked from a public portal page script (code index id 39666686466): "
                + "six digits, and 43 characters, a case number's length", strictness: .lenient, taskType: "20"),
    ]

    /// Item codes the portal publishes that break the layout itself.
    static let malformedSichuanItemCodes: [RealCode] = [
        RealCode(
            code: "E-000004-001-11511301008778386B", province: "51 四川 (广安区)",
            source: "对客运经营者…纠纷…的裁决 of 区交通运输局 in the 广安区 list: no area code or trailing segments",
            taskType: "9"),
        RealCode(
            code: "H-000185-001-4444444444", province: "51 四川 (广安区)",
            source: "a 气象 reward (taskType 8) in the 广安区 list: no area code or trailing segments", taskType: "8"),
        RealCode(
            code: "511F0045400001-511602000000-000-11511301452259996u-1-00", province: "51 四川 (广安区)",
            source: "全国残疾人按比例就业情况联网认证 of 区残联 in the 广安区 list: a lower-case check character, "
                + "where its other items carry 11511301452259996U", taskType: "7"),
    ]
}
