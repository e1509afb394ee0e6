import Metrics
import Prometheus

/// Counters a department reads off `/metrics`: logins per client (the numerator of the
/// single-sign-on rate), tokens issued per grant and client, token verifications by outcome.
public struct PlatformMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    func login(client: String, profile: String, singleSignOn: Bool) {
        count(
            "zwplatform_logins_total",
            [("client", client), ("profile", profile), ("sso", singleSignOn ? "true" : "false")])
    }

    func tokenIssued(grant: String, client: String) {
        count("zwplatform_tokens_issued_total", [("grant", grant), ("client", client)])
    }

    func tokenVerified(endpoint: String, outcome: String) {
        count("zwplatform_tokens_verified_total", [("endpoint", endpoint), ("outcome", outcome)])
    }

    func refused(endpoint: String, error: String) {
        count("zwplatform_refusals_total", [("endpoint", endpoint), ("error", error)])
    }

    private func count(_ label: String, _ dimensions: [(String, String)]) {
        Counter(label: label, dimensions: dimensions, factory: factory).increment()
    }

    /// The Prometheus text exposition of every counter.
    public func exposition() -> String { registry.emitToString() }
}
