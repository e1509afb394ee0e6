import ArgumentParser

/// `zwkit item`: government service-item codes (GB/T 39554.1) and catalogue elements.
struct ItemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Service-item codes (基本编码, 实施编码, 业务办理项编码, 办件编号) and catalogue elements (事项要素).",
        subcommands: [ItemParseCommand.self, ItemCheckCommand.self, ItemValidateCommand.self]
    )
}
