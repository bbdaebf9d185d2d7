#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread of its own whose stack has a fixed size and a guard page below it,
/// and says how much of that stack the work used: the stack is filled with a pattern first
/// and the deepest byte that changed is the high-water mark. Work that needs more than the
/// stack hits the guard page and stops the process, as it would stop the app.
enum StackProbe {
    private static let pattern: UInt8 = 0xA5

    private final class Job {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// The bytes of stack `work` used on a thread whose stack is `stackSize` bytes.
    static func highWater(stackSize: Int, _ work: @escaping () -> Void) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let size = (stackSize + page - 1) / page * page
        guard let mapped = mmap(nil, size + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapped != MAP_FAILED else { fatalError("mmap of a \(size)-byte stack failed") }
        defer { munmap(mapped, size + page) }
        mprotect(mapped, page, PROT_NONE)
        let stack = mapped + page
        memset(stack, Int32(pattern), size)

        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstack(&attributes, stack, size)
        let job = Unmanaged.passRetained(Job(work))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { context in
            let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
            job.work()
            return nil
        }, job.toOpaque())
        guard created == 0 else { fatalError("pthread_create failed: \(created)") }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif

        let bytes = stack.assumingMemoryBound(to: UInt8.self)
        var untouched = 0
        while untouched < size && bytes[untouched] == pattern { untouched += 1 }
        return size - untouched
    }
}
