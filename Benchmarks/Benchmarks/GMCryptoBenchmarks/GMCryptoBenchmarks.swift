import Benchmark
import GMCrypto

// GMCrypto's hot paths: SM2 sign and verify (20-byte messages, as `openssl speed sm2`), SM3 at
// the sizes the issue names, SM4-CBC. Scripts/bench-gmcrypto compares rates with `openssl speed`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        maxDuration: .seconds(2)
    )

    let message = [UInt8](repeating: 0x5a, count: 20)
    let key = SM2.Signing.PrivateKey()
    let publicKey = key.publicKey
    guard let signature = try? key.signature(for: message) else { fatalError("SM2 signing failed") }

    Benchmark("SM2 sign") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try key.signature(for: message))
        }
    }

    Benchmark("SM2 verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(publicKey.isValidSignature(signature, for: message))
        }
    }

    for (label, size) in [("64 B", 64), ("1 KiB", 1024), ("16 KiB", 16384), ("1 MiB", 1_048_576)] {
        let input = [UInt8](repeating: 0x33, count: size)
        Benchmark("SM3 \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(SM3.hash(data: input))
            }
        }
    }

    let sm4Key = SecretKey(size: .bits128)
    let iv = [UInt8](repeating: 0, count: 16)
    let block = [UInt8](repeating: 0x33, count: 16384)
    Benchmark("SM4-CBC 16 KiB") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SM4.CBC.encrypt(block, using: sm4Key, iv: iv, padding: .none))
        }
    }
}
