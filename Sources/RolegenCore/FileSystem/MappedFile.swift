#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, mapped into memory rather than read: the catalog is megabytes, and a run
/// touches the few kilobytes of the services it uses.
package final class MappedFile: @unchecked Sendable {
    // Immutable after init; the memory is unmapped (or freed) in deinit.
    private let base: UnsafeRawPointer?
    package let count: Int
    private let isMapped: Bool

    /// Bytes held in memory (an in-memory file system, an empty file).
    package init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let address = source.baseAddress { memory.copyMemory(from: address, byteCount: bytes.count) }
        }
        base = UnsafeRawPointer(memory)
        count = bytes.count
        isMapped = false
    }

    /// Maps an open file of `size` bytes; `nil` when the system refuses.
    package init?(descriptor: Int32, size: Int) {
        guard size > 0 else { return nil }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(address)
        count = size
        isMapped = true
    }

    deinit {
        guard let base else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    /// A copy of the bytes in `range`.
    /// Reads the bytes in place, without copying them.
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    package subscript(range: Range<Int>) -> [UInt8] {
        guard let base, !range.isEmpty else { return [] }
        return Array(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// The offset of the first occurrence of `needle` at or after `start`, within `limit` bytes.
    package func firstOffset(of needle: [UInt8], from start: Int = 0, limit: Int = .max) -> Int? {
        guard let base, let first = needle.first else { return nil }
        let end = min(count, start &+ limit)
        var index = start
        while index + needle.count <= end {
            if base.load(fromByteOffset: index, as: UInt8.self) == first {
                var matches = true
                for offset in 1..<needle.count where base.load(fromByteOffset: index + offset, as: UInt8.self) != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
