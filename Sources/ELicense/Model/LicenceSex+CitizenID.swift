import CitizenID

extension LicenceSex {
    /// The sex a 公民身份号码 encodes (its sequence code's parity), as a face records it.
    public init(_ sex: Sex) {
        switch sex {
        case .male: self = .male
        case .female: self = .female
        }
    }
}
