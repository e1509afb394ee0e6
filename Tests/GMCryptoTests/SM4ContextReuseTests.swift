import Foundation
import GMCrypto
import Testing

/// SM4 keeps keyed OpenSSL contexts with each key and resets them per message: no state
/// (IV, counter, buffered block, padding, direction) may carry from one message to the next.
@Suite struct SM4ContextReuseTests {
    let keyBytes: [UInt8] = Array(0..<16)
    let iv: [UInt8] = Array(repeating: 0xA5, count: 16)

    /// The answer from a key used for nothing else, so from freshly made contexts.
    func fresh(_ body: (SecretKey) throws -> Data) rethrows -> Data {
        try body(SecretKey(data: keyBytes))
    }

    @Test func interleavedModesDirectionsAndPaddingsMatchFreshKeys() throws {
        let key = SecretKey(data: keyBytes)
        for length in [0, 1, 15, 16, 17, 64, 100] {
            let message = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            for _ in 0..<3 {
                let cbc = try SM4.CBC.encrypt(message, using: key, iv: iv)
                #expect(cbc == (try fresh { try SM4.CBC.encrypt(message, using: $0, iv: iv) }))
                #expect(try SM4.CBC.decrypt(cbc, using: key, iv: iv) == message)
                let ecb = try SM4.ECB.encrypt(message, using: key)
                #expect(ecb == (try fresh { try SM4.ECB.encrypt(message, using: $0) }))
                #expect(try SM4.ECB.decrypt(ecb, using: key) == message)
                let ctr = try SM4.CTR.encrypt(message, using: key, counter: iv)
                #expect(ctr == (try fresh { try SM4.CTR.encrypt(message, using: $0, counter: iv) }))
                #expect(try SM4.CTR.decrypt(ctr, using: key, counter: iv) == message)
                if length % 16 == 0 {
                    let unpadded = try SM4.CBC.encrypt(message, using: key, iv: iv, padding: .none)
                    #expect(unpadded == cbc.prefix(length))
                    let ecbUnpadded = try SM4.ECB.encrypt(message, using: key, padding: .none)
                    #expect(ecbUnpadded == ecb.prefix(length))
                    #expect(try SM4.ECB.decrypt(ecbUnpadded, using: key, padding: .none) == message)
                }
            }
        }
    }

    @Test func aFailedDecryptionLeavesTheKeyUsable() throws {
        let key = SecretKey(data: keyBytes)
        let message = Data("公文".utf8)
        var sealed = try SM4.CBC.encrypt(message, using: key, iv: iv)
        let good = sealed
        sealed[sealed.count - 1] ^= 0x01
        #expect(throws: GMCryptoError.self) { try SM4.CBC.decrypt(sealed, using: key, iv: iv) }
        #expect(try SM4.CBC.decrypt(good, using: key, iv: iv) == message)
        #expect(try SM4.CBC.encrypt(message, using: key, iv: iv) == good)
    }

    @Test func oneKeyFromManyTasksGivesEveryTaskItsOwnAnswer() async throws {
        let key = SecretKey(data: keyBytes)
        let iv = self.iv
        let expected = try (0..<32).map { index in
            try fresh { try SM4.CTR.encrypt(Data(repeating: UInt8(index), count: 16 + index), using: $0, counter: iv) }
        }
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<32 {
                group.addTask {
                    var matches = true
                    for _ in 0..<50 {
                        let message = Data(repeating: UInt8(index), count: 16 + index)
                        let sealed = try SM4.CTR.encrypt(message, using: key, counter: iv)
                        let opened = try SM4.CBC.decrypt(
                            SM4.CBC.encrypt(message, using: key, iv: iv), using: key, iv: iv)
                        matches = matches && sealed == expected[index] && opened == message
                    }
                    return (index, matches)
                }
            }
            return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 32)
        #expect(results.values.allSatisfy { $0 })
    }
}
