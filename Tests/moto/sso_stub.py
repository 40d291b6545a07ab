#!/usr/bin/env python3
"""A stand-in for IAM Identity Center's portal and OIDC endpoints, which moto does not serve, speaking their
documented REST-JSON wire formats. The portal's GetRoleCredentials hands out the seeded operator's keys (so the
console goes on to AssumeRole into moto with signature checking) for any bearer token starting "valid-"; OIDC
answers RegisterClient, StartDeviceAuthorization and CreateToken (device code: pending once, then a token;
refresh_token: a new token). Errors are sent as the services send them: an x-amzn-ErrorType header and a JSON body.

Usage: sso_stub.py PORT SEEDED_JSON LOG
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT, SEEDED, LOG = int(sys.argv[1]), sys.argv[2], sys.argv[3]
OPERATOR = json.load(open(SEEDED))["operator"]
STATE = {"polls": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, error_type=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if error_type:
            self.send_header("x-amzn-ErrorType", error_type)
        self.end_headers()
        self.wfile.write(data)

    def record(self):
        with open(LOG, "a") as log:
            log.write(f"{self.command} {urlparse(self.path).path}\n")

    def do_GET(self):
        self.record()
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path != "/federation/credentials" or "account_id" not in query or "role_name" not in query:
            return self.reply(400, {"message": "unknown request"}, "InvalidRequestException")
        if not self.headers.get("x-amz-sso_bearer_token", "").startswith("valid-"):
            return self.reply(401, {"message": "Session token not found or invalid"}, "UnauthorizedException")
        self.reply(200, {"roleCredentials": {
            "accessKeyId": OPERATOR["aws_access_key_id"], "secretAccessKey": OPERATOR["aws_secret_access_key"],
            "sessionToken": None, "expiration": int((time.time() + 3600) * 1000)}})

    def do_POST(self):
        self.record()
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        path = urlparse(self.path).path
        if path == "/client/register":
            return self.reply(200, {"clientId": "stub-client", "clientSecret": "stub-secret", "clientIdIssuedAt": int(time.time()),
                                    "clientSecretExpiresAt": int(time.time()) + 90 * 86400})
        if path == "/device_authorization":
            return self.reply(200, {"deviceCode": "stub-device", "userCode": "WXYZ-1234", "verificationUri": "https://device.sso.example/",
                                    "verificationUriComplete": "https://device.sso.example/?user_code=WXYZ-1234", "expiresIn": 600, "interval": 1})
        if path == "/token" and body.get("grantType") == "refresh_token":
            if body.get("refreshToken") != "refresh-1":
                return self.reply(400, {"error": "invalid_grant", "error_description": "Invalid refresh token provided"}, "InvalidGrantException")
            return self.reply(200, {"accessToken": "valid-refreshed", "tokenType": "Bearer", "expiresIn": 28800, "refreshToken": "refresh-1"})
        if path == "/token" and body.get("deviceCode") == "stub-device":
            STATE["polls"] += 1
            if STATE["polls"] == 1:
                return self.reply(400, {"error": "authorization_pending", "error_description": "Authorization is still pending"}, "AuthorizationPendingException")
            return self.reply(200, {"accessToken": "valid-device", "tokenType": "Bearer", "expiresIn": 28800, "refreshToken": "refresh-1"})
        self.reply(400, {"error": "invalid_request"}, "InvalidRequestException")


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
