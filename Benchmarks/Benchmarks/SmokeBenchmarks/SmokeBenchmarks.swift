import Benchmark
import GMCrypto

let benchmarks: @Sendable () -> Void = {
    Benchmark("SmokeBenchmarks: empty") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(benchmark.scaledIterations.count)
        }
    }
}
