import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit login` end to end against a running `zwplatform serve --demo`: the loopback redirect
/// listener, the code exchange over URLSession, the verified principal, the exit statuses.
@Suite(.serialized) struct ZWKitLoginTests {
    /// zwkit under `timeout`: a login that hangs fails the test instead of stalling the suite.
    static func zwkit(_ arguments: [String]) async throws -> ProcessResult {
        try await AsyncProcesses.run("timeout", ["-k", "5", "60", Processes.zwkitExecutable] + arguments)
    }

    static func json(_ result: ProcessResult) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]) ?? [:]
    }

    static func withDemoPlatform(_ body: (String) async throws -> Void) async throws {
        let platform = try await PlatformProcess.start(
            ["--demo", "--database", "sqlite::memory:"], port: try LivePlatform.freePort())
        defer { platform.stop() }
        try await body(platform.base)
    }

    @Test func citizenSignsInWithAnES256IDToken() async throws {
        try await Self.withDemoPlatform { issuer in
            let result = try await Self.zwkit([
                "login", "--issuer", issuer, "--client-id", "demo-client", "--client-secret", "demo-secret",
                "--login-hint", "citizen-1", "--json",
            ])
            #expect(result.status == 0, "\(result.stderrText)")
            let answer = Self.json(result)
            #expect(answer["valid"] as? Bool == true)
            #expect(answer["trust"] as? String == "trusted")
            #expect(answer["evidence"] as? String == "id_token")
            #expect(answer["algorithm"] as? String == "ES256")
            #expect(answer["kind"] as? String == "natural_person")
            #expect(answer["identifier"] as? String == "110***********002X")
            #expect(answer["platform_user_id"] as? String == "citizen-1")
            #expect(answer["issuer"] as? String == issuer)
            // The full number appears nowhere in what zwkit prints.
            #expect(!result.stdoutText.contains("11010519491231002X"))
            #expect(!result.stderrText.contains("11010519491231002X"))
        }
    }

    @Test func companySignsInWithAnSM2IDTokenAndTheTextSummary() async throws {
        try await Self.withDemoPlatform { issuer in
            let result = try await Self.zwkit([
                "login", "--issuer", issuer, "--client-id", "demo-client-sm2", "--client-secret", "demo-secret",
                "--login-hint", "company-1",
            ])
            #expect(result.status == 0, "\(result.stderrText)")
            #expect(result.stdoutText.contains("signed in: 法人 91110000600037341L"))
            #expect(result.stdoutText.contains("ID token (SM2SM3)"))
        }
    }

    @Test func guangdongProfileSignsInThroughTheTokeninfoAnswer() async throws {
        try await Self.withDemoPlatform { issuer in
            let result = try await Self.zwkit([
                "login", "--issuer", issuer, "--client-id", "demo-client", "--client-secret", "demo-secret",
                "--profile", "guangdong", "--login-hint", "citizen-1", "--json",
            ])
            #expect(result.status == 0, "\(result.stderrText)")
            let answer = Self.json(result)
            #expect(answer["evidence"] as? String == "platform_answer")
            #expect(answer["profile"] as? String == "guangdong")
            #expect(answer["identifier"] as? String == "110***********002X")
        }
    }

    /// Without a hint the person picks a user on the platform's page: a Python "browser" reads
    /// the printed URL, submits the page's form and follows the redirect to zwkit's listener.
    @Test func aPersonPicksAUserOnThePageAndTheListenerTakesTheCallback() async throws {
        guard try Processes.pythonHas([]) else { return }
        try await Self.withDemoPlatform { issuer in
            let result = try await AsyncProcesses.python(
                Self.browser,
                [
                    Processes.zwkitExecutable, issuer, "login", "--issuer", issuer, "--client-id", "demo-client",
                    "--client-secret", "demo-secret", "--no-browser", "--json",
                ])
            #expect(result.status == 0, "\(result.stderrText)")
            let answer = Self.json(result)
            #expect(answer["zwkit_status"] as? Int == 0, "\(answer)")
            #expect(answer["page_lists_user"] as? Bool == true)
            #expect((answer["zwkit_stdout"] as? String ?? "").contains("\"identifier\":\"110***********002X\""))
            #expect(answer["listener_answer"] as? Int == 200)
        }
    }

    static let browser = #"""
        import html.parser, json, subprocess, sys, urllib.error, urllib.parse, urllib.request
        zwkit, issuer, arguments = sys.argv[1], sys.argv[2], sys.argv[3:]
        child = subprocess.Popen(["timeout", "-k", "5", "60", zwkit] + arguments, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        line = child.stderr.readline()
        assert "sign in at: " in line, line
        url = line.split("sign in at: ", 1)[1].strip()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args): return None
        opener = urllib.request.build_opener(NoRedirect)
        page = opener.open(url, timeout=10).read().decode()

        class Form(html.parser.HTMLParser):
            action, fields, users = None, {}, []
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == "form": Form.action = a["action"]
                if tag == "input" and a.get("type") == "hidden": Form.fields[a["name"]] = a["value"]
                if tag == "button": Form.users.append(a["value"])
        Form().feed(page)
        data = urllib.parse.urlencode(dict(Form.fields, user="citizen-1")).encode()
        try:
            opener.open(urllib.parse.urljoin(url, Form.action), data=data, timeout=10)
            raise SystemExit("the platform did not redirect")
        except urllib.error.HTTPError as redirect:
            location = redirect.headers["Location"]
        listener = urllib.request.urlopen(location, timeout=10).status
        out, err = child.communicate(timeout=60)
        print(json.dumps({"zwkit_status": child.returncode, "zwkit_stdout": out, "zwkit_stderr": err,
                          "page_lists_user": "citizen-1" in Form.users, "listener_answer": listener}))
        """#

    @Test func refusalsExitWithOne() async throws {
        try await Self.withDemoPlatform { issuer in
            let wrongSecret = try await Self.zwkit([
                "login", "--issuer", issuer, "--client-id", "demo-client", "--client-secret", "not-the-secret",
                "--login-hint", "citizen-1", "--json",
            ])
            #expect(wrongSecret.status == 1, "\(wrongSecret.stderrText)")
            #expect(Self.json(wrongSecret)["code"] as? String == "login.platform_refused")
            #expect(Self.json(wrongSecret)["valid"] as? Bool == false)
            // The keys of every `--json` refusal (as `token verify`'s).
            #expect(Self.json(wrongSecret)["chineseTerm"] as? String == "统一身份认证平台拒绝")
            #expect(Self.json(wrongSecret)["message"] is String)

            let unknownUser = try await Self.zwkit([
                "login", "--issuer", issuer, "--client-id", "demo-client", "--client-secret", "demo-secret",
                "--login-hint", "nobody",
            ])
            #expect(unknownUser.status == 1, "\(unknownUser.stderrText)")
            #expect(unknownUser.stderrText.contains("统一身份认证平台拒绝"))

            // A client the platform does not know cannot have its redirect URI registered.
            let unknownClient = try await Self.zwkit([
                "login", "--issuer", issuer, "--client-id", "no-such-client", "--login-hint", "citizen-1", "--json",
            ])
            #expect(unknownClient.status == 1, "\(unknownClient.stderrText)")
        }
    }

    @Test func badUsageAndAnUnreachablePlatformExitWithTwo() async throws {
        let silent = "http://127.0.0.1:\(try LivePlatform.freePort())"
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zwkit-login-\(UUID().uuidString)")
        try Data("{not a profile".utf8).write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (arguments, expected) in [
            (["--issuer", silent, "--client-id", "demo-client", "--login-hint", "citizen-1"], "网络通信失败"),
            (["--issuer", "http://sso.example.gov.cn", "--client-id", "c"], "https"),
            (["--issuer", "not a url", "--client-id", "c"], "签发者地址无效"),
            (["--issuer", silent, "--client-id", "c", "--profile", "no-such-profile"], "接入配置错误"),
            (["--issuer", silent, "--client-id", "c", "--profile", scratch.path], "接入配置错误"),
            (["--issuer", silent, "--client-id", "c", "--profile", "guangdong"], "client secret"),
            (["--issuer", silent, "--client-id", "c", "--port", "70000"], "65535"),
            (["--issuer", silent], "client-id"),
        ] {
            let result = try await Self.zwkit(["login"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderrText)")
            #expect(result.stderrText.contains(expected), "\(arguments): \(result.stderrText)")
            #expect(!result.stderrText.contains("Fatal error"))
        }
    }
}
