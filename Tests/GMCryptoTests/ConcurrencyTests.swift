import Foundation
import GMCrypto
import Testing

/// Keys are shared between tasks; pooled OpenSSL contexts must never mix IDs or callers.
@Suite struct ConcurrencyTests {
    @Test func oneKeySignsAndVerifiesFromManyTasksWithMixedIDs() async throws {
        let key = SM2.Signing.PrivateKey()
        let publicKey = key.publicKey
        let ids: [SM2.UserID] = [.default, "", "ALICE123@YAHOO.COM"]
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<48 {
                group.addTask {
                    let id = ids[index % ids.count]
                    let other = ids[(index + 1) % ids.count]
                    let message = Data("message \(index)".utf8)
                    let signature = try key.signature(for: message, userID: id)
                    return publicKey.isValidSignature(signature, for: message, userID: id)
                        && !publicKey.isValidSignature(signature, for: message, userID: other)
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == 48)
        #expect(outcomes.allSatisfy { $0 })
    }
}
