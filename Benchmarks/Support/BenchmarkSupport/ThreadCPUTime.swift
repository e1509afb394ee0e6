#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CPU time the calling thread has used so far. Rates are measured per core in this CPU
/// time: the machine is a shared VM whose wall clock varies from run to run by a third, a busy
/// neighbour does not dilute it, and `getrusage` (ordo-one's own CPU metrics) ticks in 10 ms
/// steps here.
public func threadCPUTime() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
}
