extension PlatformConfiguration {
    /// The built-in configuration of `zwplatform serve --demo`: an ES256 client and an SM2
    /// client (secret `demo-secret`, any loopback redirect), a citizen and a company.
    public static func demo(issuer: String? = nil) -> PlatformConfiguration {
        PlatformConfiguration(
            issuer: issuer,
            clients: [
                ClientRegistration(
                    id: "demo-client", secret: "demo-secret", allowsLoopbackRedirects: true, idTokenAlgorithm: .es256),
                ClientRegistration(
                    id: "demo-client-sm2", secret: "demo-secret", allowsLoopbackRedirects: true,
                    idTokenAlgorithm: .sm2),
            ],
            users: [
                TestUser(
                    id: "citizen-1", kind: "natural_person", name: "张三", identifier: "11010519491231002X",
                    assuranceLevel: 3, authenticationMethods: ["pwd", "sms"], mail: "zhangsan@example.gov.cn",
                    telephone: "13800000000", sex: "2"),
                TestUser(
                    id: "company-1", kind: "legal_person", name: "示例科技有限公司", identifier: "91110000600037341L",
                    assuranceLevel: 2, authenticationMethods: ["hwk"], mail: "contact@example.com",
                    telephone: "01000000000"),
            ],
            departments: ["dept-social-security", "dept-civil-affairs"])
    }
}
