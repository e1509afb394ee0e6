import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ArgumentParser exits with 64 on usage errors; zwkit promises 2, so it parses and
/// dispatches by hand and maps every outcome to the documented exit statuses.
@main
enum Entry {
    static func main() async {
        do {
            var command = try ZWKit.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(CLIExit.status(for: error))
        }
    }
}
