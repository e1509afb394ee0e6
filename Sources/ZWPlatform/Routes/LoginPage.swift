internal import ZhengwuKitSupport

/// The page where a person picks a test user. Plain HTML, no script: it works in any
/// browser, headless ones included.
enum LoginPage {
    static func render(_ request: AuthorizationRequest, users: [TestUser], action: String) -> String {
        let hidden = request.fields.map {
            "<input type=\"hidden\" name=\"\(escape($0.0))\" value=\"\(escape($0.1))\">"
        }.joined(separator: "\n      ")
        let buttons = users.map { user in
            """
                  <li><button type="submit" name="user" value="\(escape(user.id))" id="user-\(escape(user.id))">\
            \(escape(user.name)) <small>(\(escape(user.id)), \(escape(kindLabel(user.kind))), \
            \(escape(user.maskedIdentifier)))</small></button></li>
            """
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>统一身份认证平台（测试）· Sign in</title></head>
            <body>
              <h1>统一身份认证平台（测试）</h1>
              <p>Sign in to <strong>\(escape(request.clientID))</strong> as a test user (选择测试用户登录):</p>
              <form method="post" action="\(escape(action))">
                  \(hidden)
                <ul>
            \(buttons)
                </ul>
              </form>
            </body>
            </html>
            """
    }

    static func message(_ text: String, title: String = "统一身份认证平台（测试）") -> String {
        """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
        <body><h1>\(escape(title))</h1><p id="message">\(escape(text))</p></body></html>
        """
    }

    static func kindLabel(_ kind: String) -> String {
        switch kind {
        case "natural_person": return "自然人"
        case "legal_person": return "法人"
        case "civil_servant": return "公职人员"
        default: return kind
        }
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
}
