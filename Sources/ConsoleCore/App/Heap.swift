/// glibc's malloc tuning, which Swift's Glibc module leaves out (malloc.h is not in its map).
public enum Heap {
    /// mallopt's M_ARENA_MAX, from glibc's malloc.h.
    private static let arenaMax: Int32 = -8

    /// One arena for every thread: the console's threads allocate little and rarely at once.
    public static func useOneArena() {
        _ = mallopt(arenaMax, 1)
    }

    /// Hands free heap pages back to the system.
    static func releaseFree() {
        _ = malloc_trim(0)
    }
}

/// glibc's mallopt: sets one malloc parameter.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's malloc_trim: returns free heap pages to the system.
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
