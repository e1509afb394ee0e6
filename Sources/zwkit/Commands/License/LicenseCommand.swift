import ArgumentParser

/// `zwkit license`: electronic licences 电子证照 (GB/T 36901–36906).
struct LicenseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "license",
        abstract: "Electronic licences (电子证照): catalogue, issuing, verifying, annotated copies, status lists.",
        subcommands: [
            LicenseTypesCommand.self, LicenseTemplateCommand.self, LicenseIssueCommand.self,
            LicenseVerifyCommand.self, LicenseShowCommand.self, LicenseAnnotateCommand.self,
            LicenseStatusCommand.self, LicenseIDCommand.self,
        ]
    )
}

/// `zwkit license status`: issuer-signed status lists.
struct LicenseStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Issue and show licence status lists (证照状态列表), signed with SM2.",
        subcommands: [LicenseStatusIssueCommand.self, LicenseStatusShowCommand.self]
    )
}

/// `zwkit license id`: licence identifiers.
struct LicenseIDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "id",
        abstract: "Check licence identifiers (证照标识, GB/T 36904).",
        subcommands: [LicenseIDCheckCommand.self]
    )
}
