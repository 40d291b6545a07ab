import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be written, naming it.
public struct FileWriteError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }
}

/// Files only their owner may read, as the AWS CLI keeps its caches: created 0600 in folders created 0700, every
/// write checked (a full disk is an error, never a silent loss). Foundation's writers take the umask's mode.
public enum PrivateFile {
    /// Creates `url` and its missing parents with mode 0700.
    public static func createDirectory(_ url: URL) throws {
        var missing: [URL] = []
        var folder = url
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in missing.reversed() where mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
            throw FileWriteError(path: folder.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Replaces `url` with `data` atomically (a private temporary file renamed over it), creating its folder.
    public static func write(_ data: Data, to url: URL) throws {
        try createDirectory(url.deletingLastPathComponent())
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let writer = try Writer(temporary, truncate: true)
        do {
            try writer.write(data)
            try writer.close()
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw FileWriteError(path: url.path, reason: reason)
        }
    }

    /// Appends `data` to `url`, creating it (0600) and its folder (0700).
    public static func append(_ data: Data, to url: URL) throws {
        try createDirectory(url.deletingLastPathComponent())
        let writer = try Writer(url, truncate: false)
        do {
            try writer.write(data)
        } catch {
            try? writer.close()
            throw error
        }
        try writer.close()
    }

    /// Writes all of `data` to `descriptor` (retrying short writes), or throws why not, naming the file `name`.
    public static func writeAll(_ data: Data, to descriptor: Int32, name: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw FileWriteError(path: name, reason: String(cString: strerror(count < 0 ? errno : EIO))) }
                offset += count
            }
        }
    }

    /// Writes `data` to standard output, or throws why not (a closed pipe, a full disk).
    public static func printOut(_ data: Data) throws {
        try writeAll(data, to: STDOUT_FILENO, name: "standard output")
    }

    /// An open file that every write is checked on.
    public final class Writer: @unchecked Sendable {
        public let path: String
        private var descriptor: Int32

        /// Opens `url` for writing, created 0600 if it is new: emptied when `truncate`, else appended to.
        public init(_ url: URL, truncate: Bool) throws {
            path = url.path
            descriptor = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : O_APPEND), 0o600)
            guard descriptor >= 0 else { throw FileWriteError(path: url.path, reason: String(cString: strerror(errno))) }
        }

        deinit {
            if descriptor >= 0 { Glibc.close(descriptor) }
        }

        /// Writes all of `data`, or throws why not.
        public func write(_ data: Data) throws {
            try PrivateFile.writeAll(data, to: descriptor, name: path)
        }

        /// Flushes to the disk and closes; a failure here (a full disk, a lost network mount) is an error too.
        public func close() throws {
            guard descriptor >= 0 else { return }
            let synced = fsync(descriptor) == 0 || errno == EINVAL || errno == EROFS
            let syncError = errno
            let closed = Glibc.close(descriptor) == 0
            descriptor = -1
            guard synced else { throw FileWriteError(path: path, reason: String(cString: strerror(syncError))) }
            guard closed else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        }
    }
}
