/// 网上办理深度: how much of an item can be done online, in four levels.
///
/// Level IV (全程网办) means the whole item, from application to result, happens online,
/// so nobody has to go to a service hall. The wording of levels I–III varies between
/// provinces; the names here are the ones most catalogues use.
public enum OnlineDepth: String, CodeTable {
    /// Ⅰ级: the guide and forms are online.
    case information = "1"
    /// Ⅱ级: the application can be filed online.
    case application = "2"
    /// Ⅲ级: the application is accepted (pre-examined) online; the applicant comes once at most.
    case acceptance = "3"
    /// Ⅳ级: fully online, no visit.
    case fullyOnline = "4"

    public var chineseName: String {
        switch self {
        case .information: return "Ⅰ级（信息公开、表格下载）"
        case .application: return "Ⅱ级（在线申报）"
        case .acceptance: return "Ⅲ级（网上受理、预审）"
        case .fullyOnline: return "Ⅳ级（全程网办）"
        }
    }
}
