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

    /// One key's keyed HMAC contexts are copied, never shared, whatever the digest or task.
    @Test func oneHMACKeyFromManyTasksWithMixedDigests() async throws {
        let keyBytes = [UInt8](repeating: 0x0b, count: 20)
        let key = SecretKey(data: keyBytes)
        let messages = (0..<32).map { Data("message \($0)".utf8) }
        // Expected codes from keys used for nothing else.
        let expectedSM3 = messages.map { KeyedHash<SM3>.authenticationCode(for: $0, using: SecretKey(data: keyBytes)) }
        let expectedSHA = messages.map {
            KeyedHash<SHA2.SHA256>.authenticationCode(for: $0, using: SecretKey(data: keyBytes))
        }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in messages.indices {
                group.addTask {
                    (0..<50).allSatisfy { _ in
                        var streaming = KeyedHash<SM3>(key: key)
                        streaming.update(data: messages[index])
                        return KeyedHash<SM3>.authenticationCode(for: messages[index], using: key) == expectedSM3[index]
                            && KeyedHash<SHA2.SHA256>.authenticationCode(for: messages[index], using: key)
                                == expectedSHA[index]
                            && streaming.finalize() == expectedSM3[index]
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == messages.count)
        #expect(outcomes.allSatisfy { $0 })
    }
}
