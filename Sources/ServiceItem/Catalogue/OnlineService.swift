/// 网上办理: how deep online handling goes, and where.
public struct OnlineService: Sendable, Hashable, Codable {
    /// 网上办理深度.
    public var depth: OnlineDepth
    /// 网上办理地址.
    public var url: String?

    public init(depth: OnlineDepth, url: String? = nil) {
        self.depth = depth
        self.url = url
    }
}
