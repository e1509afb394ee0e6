/// 办理地点和时间: where a window is and when it is open.
public struct HandlingPlace: Sendable, Hashable, Codable {
    /// 办理地点.
    public var address: String
    /// 办理时间.
    public var hours: String

    public init(address: String, hours: String) {
        self.address = address
        self.hours = hours
    }
}

/// 咨询方式 and 监督投诉方式.
public struct Contact: Sendable, Hashable, Codable {
    public var consultation: String?
    public var complaint: String?

    public init(consultation: String? = nil, complaint: String? = nil) {
        self.consultation = consultation
        self.complaint = complaint
    }
}
