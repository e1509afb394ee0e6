"""An independent OpenID Connect provider, built with authlib's Flask integration, for
UnifiedLogin's interoperability test: authorization code flow with PKCE S256 (required),
nonce (required), client_secret_basic/post, ES256 ID tokens with a published JWKS.

    python3 authlib-oidc-provider.py PORT REDIRECT_URI

Serves http://127.0.0.1:PORT as issuer. One client, `rp-client` / `rp-secret`, registered for
REDIRECT_URI exactly. `login_hint` names the test user who consents at once (no page).
"""
import secrets
import sys
import time

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.jose import ECKey
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import grants as oidc_grants
from flask import Flask, jsonify, request

port, redirect_uri = int(sys.argv[1]), sys.argv[2]
issuer = f"http://127.0.0.1:{port}"
signing_key = ECKey.generate_key("P-256", is_private=True)
kid = "authlib-es256-" + secrets.token_hex(4)
private_jwk = dict(signing_key.as_dict(is_private=True), kid=kid)
public_jwk = dict(signing_key.as_dict(), kid=kid, alg="ES256", use="sig")

USERS = {
    "citizen-1": {"name": "张三", "principal": "natural_person", "holder_id": "11010519491231002X"},
    "company-1": {"name": "示例科技有限公司", "principal": "legal_person", "holder_id": "91110000600037341L"},
}


class User:
    def __init__(self, uid):
        self.id = uid
        self.claims = USERS[uid]

    def get_user_id(self):
        return self.id


class Client(ClientMixin):
    client_id, client_secret = "rp-client", "rp-secret"
    id_token_signed_response_alg = "ES256"

    def get_client_id(self): return self.client_id
    def get_default_redirect_uri(self): return redirect_uri
    def get_allowed_scope(self, scope): return " ".join(s for s in scope.split() if s in ("openid", "profile"))
    def check_redirect_uri(self, uri): return uri == redirect_uri
    def check_client_secret(self, secret): return secrets.compare_digest(secret, self.client_secret)
    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")
    def check_response_type(self, response_type): return response_type == "code"
    def check_grant_type(self, grant_type): return grant_type == "authorization_code"


CLIENT = Client()
CODES = {}


class Code:
    def __init__(self, code, req, user):
        self.code, self.user_id = code, user.id
        self.client_id = req.client.client_id
        self.redirect_uri = req.payload.redirect_uri
        self.scope = req.payload.scope
        self.nonce = req.payload.data.get("nonce")
        self.code_challenge = req.payload.data.get("code_challenge")
        self.code_challenge_method = req.payload.data.get("code_challenge_method")
        self.auth_time = int(time.time())

    def get_redirect_uri(self): return self.redirect_uri
    def get_scope(self): return self.scope
    def get_nonce(self): return self.nonce
    def get_auth_time(self): return self.auth_time
    def get_acr(self): return "L3"
    def get_amr(self): return ["pwd"]


class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, req):
        CODES[code] = Code(code, req, req.user)

    def query_authorization_code(self, code, client):
        found = CODES.get(code)
        return found if found and found.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code):
        CODES.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return User(authorization_code.user_id)


class OpenIDCode(oidc_grants.OpenIDCode):
    def exists_nonce(self, nonce, req):
        return any(code.nonce == nonce for code in CODES.values())

    def get_jwt_config(self, grant):
        return {"key": private_jwk, "alg": "ES256", "iss": issuer, "exp": 600, "kid": kid}

    def generate_user_info(self, user, scope):
        return dict(user.claims, sub="authlib-" + user.id, uid=user.id)


app = Flask(__name__)
server = AuthorizationServer(app, query_client=lambda cid: CLIENT if cid == CLIENT.client_id else None,
                             save_token=lambda token, req: None)
server.register_grant(AuthorizationCodeGrant, [OpenIDCode(require_nonce=True), CodeChallenge(required=True)])


@app.get("/.well-known/openid-configuration")
def discovery():
    return jsonify({
        "issuer": issuer, "authorization_endpoint": issuer + "/authorize", "token_endpoint": issuer + "/token",
        "jwks_uri": issuer + "/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"], "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
    })


@app.get("/jwks")
def jwks():
    return jsonify({"keys": [public_jwk]})


@app.get("/authorize")
def authorize():
    hint = request.args.get("login_hint")
    if hint not in USERS:
        return "no such test user", 400
    return server.create_authorization_response(grant_user=User(hint))


@app.post("/token")
def token():
    return server.create_token_response()


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=port, threaded=True)
