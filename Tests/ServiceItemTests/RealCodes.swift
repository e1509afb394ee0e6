/// Real service-item codes found in public sources, with where each was found.
///
/// Sources are public pages and public GitHub code (crawlers and integration code that
/// quote real national exchange records). "Code index id" is the id of the file in the
/// public-code index the project searched; the URL is where the code itself is published.
struct RealCode: Sendable, CustomStringConvertible {
    let code: String
    let province: String
    let source: String

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
    ]

    /// 办件编号 (43 or 48 characters).
    static let caseNumbers: [RealCode] = [
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

    static var all: [RealCode] { implementationCodes + businessItemCodes + caseNumbers + basicCodes }
}
