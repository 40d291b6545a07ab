import Glibc

/// A thread of its own for blocking work (the curl worker, helper processes), never the concurrency pool's:
/// FoundationEssentials has no Thread.
public enum DetachedThread {
    /// What the thread runs.
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new detached thread.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return
        }
        pthread_detach(thread)
    }
}
