"""A minimal stand-in for the Cloudflare API that records each request wrangler makes.

Assets: the upload session answers "nothing to upload" with a fixed completion token, so wrangler
goes straight to the Worker upload. Worker uploads get a success envelope; GETs get "not found",
except workers/services/NAME when EXISTS=1 (wrangler's `versions upload` needs an existing Worker)
and a namespace script (its `deploy --dispatch-namespace` reads it first).
Each request is written to OUT/NNN-METHOD.request (request line) and .body (raw body).
"""
import http.server
import json
import os
import sys

OUT = sys.argv[2]
count = [0]


def envelope(result, ok=True, errors=None):
    return json.dumps({"success": ok, "errors": errors or [], "messages": [], "result": result}).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        count[0] += 1
        stem = f"{OUT}/{count[0]:03d}-{self.command}"
        with open(stem + ".request", "w") as f:
            f.write(f"{self.command} {self.path}\n{self.headers.get('Content-Type', '')}\n")
        with open(stem + ".body", "wb") as f:
            f.write(body)
        path = self.path.split("?")[0]
        if path.endswith("/assets-upload-session"):
            return self.send(200, envelope({"jwt": "COMPLETION.JWT.TOKEN", "buckets": []}))
        if self.command == "GET" and "/workers/services/" in path and os.environ.get("EXISTS"):
            return self.send(200, envelope({"id": "site", "default_environment": {"environment": "production",
                             "script": {"id": "site", "etag": "abc", "handlers": ["fetch"]}}}))
        if self.command == "GET" and "/dispatch/namespaces/" in path:
            return self.send(200, envelope({"script": {"id": "site", "etag": "abc"}}))
        if self.command == "GET":
            return self.send(404, envelope(None, False, [{"code": 10007, "message": "This Worker does not exist"}]))
        if "/workers/scripts/" in path:
            return self.send(200, envelope({"id": "site", "etag": "abc", "deployment_id": "0" * 32,
                                            "startup_time_ms": 1, "metadata": {"has_preview": False},
                                            "resources": {"script": {"etag": "abc"}}}))
        return self.send(200, envelope({}))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    def send(self, code, body):
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
