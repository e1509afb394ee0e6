import GMCrypto

/// SM3 over bytes that arrive in chunks (entries streaming out of the archive).
struct SM3Stream {
    private var hasher = SM3()

    mutating func update(_ chunk: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: chunk)
    }

    func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        Array(SM3.hash(data: bytes))
    }
}
