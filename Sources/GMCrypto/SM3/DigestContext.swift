internal import CZhengwuKitOpenSSL

/// Owns an `EVP_MD_CTX` for streaming hashes; hash values copy it on write.
final class DigestContext: @unchecked Sendable {
    let pointer: OpaquePointer

    /// A context initialised for the fetched `algorithm`.
    ///
    /// Failing here means OpenSSL could not allocate memory or lacks a digest it was built
    /// with; like CryptoKit's hashes this API does not throw, so it stops instead.
    init(algorithm: OpaquePointer?, name: String) {
        guard let algorithm, let context = EVP_MD_CTX_new() else {
            preconditionFailure("OpenSSL cannot provide \(name)")
        }
        guard EVP_DigestInit_ex2(context, algorithm, nil) == 1 else {
            EVP_MD_CTX_free(context)
            preconditionFailure("OpenSSL cannot initialise \(name)")
        }
        pointer = context
    }

    /// An independent copy of `other`'s state.
    init(copying other: DigestContext) {
        guard let context = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(context, other.pointer) == 1 else {
            preconditionFailure("OpenSSL cannot copy a digest context")
        }
        pointer = context
    }

    deinit {
        EVP_MD_CTX_free(pointer)
    }

    /// Absorbs `buffer` into `context`, first giving it a private copy when another hasher value
    /// shares it: a copied hasher must not see this one's later input (value semantics).
    static func absorb(_ buffer: UnsafeRawBufferPointer, into context: inout DigestContext) {
        if !isKnownUniquelyReferenced(&context) {
            context = DigestContext(copying: context)
        }
        context.update(buffer)
    }

    func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        EVP_DigestUpdate(pointer, base, buffer.count)
    }

    /// Finishes a copy of the state, so `self` can keep absorbing data.
    func finalizeCopy(into output: UnsafeMutableRawBufferPointer) {
        let copy = DigestContext(copying: self)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(copy.pointer, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
    }

    /// One-shot hash of `input` into `output` with the fetched `algorithm`.
    static func hash(
        algorithm: OpaquePointer?, name: String, _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) {
        guard let algorithm else { preconditionFailure("OpenSSL cannot provide \(name)") }
        var length: UInt32 = 0
        let status = withNonNullBase(input) { base, count in
            EVP_Digest(base, count, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, algorithm, nil)
        }
        precondition(status == 1, "OpenSSL failed to compute \(name)")
    }
}
