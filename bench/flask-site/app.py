"""A Flask mimic of the seed's offloading site, for the load benchmark (bench/site-vs-flask.sh).

The seed ran each site's web service as a Flask app (port 5000). This mimic serves the same
contract as our site for the benchmarked endpoints (POST /v1/tasks, GET /v1/health) so that the two
can be compared request for request: bearer token, JSON parsing and validation, idempotency keys,
base64 input and output. Work is paced with time.sleep(MI / MIPS) like our site (the benchmark
uses zero-MI tasks, so no pacing happens). It is a benchmark baseline only, not part of edgeoff.
"""
import base64
import hashlib
import hmac
import os
import threading
import time
from collections import OrderedDict

from flask import Flask, jsonify, request

app = Flask(__name__)
TOKEN = os.environ.get("FLASK_SITE_TOKEN", "bench-token-0123456789")
SITE_ID = os.environ.get("FLASK_SITE_ID", "EC")
MIPS = float(os.environ.get("FLASK_SITE_MIPS", "8000"))
KINDS = {"R", "DI", "CI"}
MAX_BODY = 1 << 20
_results = OrderedDict()
_lock = threading.Lock()


def error(status, code, message):
    response = jsonify({"code": code, "message": message})
    response.status_code = status
    return response


def expand(seed: bytes, size: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(seed + counter.to_bytes(8, "little")).digest()
        counter += 1
    return bytes(out[:size])


@app.get("/v1/health")
def health():
    return jsonify({"siteId": SITE_ID, "status": "UP", "ready": True})


@app.post("/v1/tasks")
def tasks():
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer ") or not hmac.compare_digest(auth[7:].strip(), TOKEN):
        return error(401, "UNAUTHORIZED", "missing or wrong bearer token")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return error(413, "PAYLOAD_TOO_LARGE", "request body too large")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return error(400, "MALFORMED_JSON", "request body must be a JSON object")
    for field in ("idempotencyKey", "kind", "millionInstructions", "outKB", "inputBase64"):
        if field not in body:
            return error(400, "MISSING_FIELD", f"missing required field '{field}'")
    key, kind = body["idempotencyKey"], body["kind"]
    mi, out_kb = body["millionInstructions"], body["outKB"]
    if kind not in KINDS:
        return error(400, "UNKNOWN_TASK_KIND", f"unknown task kind '{kind}'")
    if not isinstance(mi, (int, float)) or mi < 0 or not isinstance(out_kb, (int, float)) or out_kb < 0:
        return error(400, "INVALID_FIELD", "millionInstructions and outKB must be numbers >= 0")
    with _lock:
        if key in _results:
            return jsonify(dict(_results[key], replayed=True))
    try:
        data = base64.b64decode(body["inputBase64"], validate=True)
    except ValueError:
        return error(400, "INVALID_FIELD", "inputBase64 is not valid base64")
    accepted = time.perf_counter()
    start = time.perf_counter()
    digest = hashlib.sha256(kind.encode() + repr(mi).encode() + data).digest()
    remaining = mi / MIPS - (time.perf_counter() - start)
    if remaining > 0:
        time.sleep(remaining)
    end = time.perf_counter()
    result = {
        "idempotencyKey": key,
        "siteId": SITE_ID,
        "outputBase64": base64.b64encode(expand(digest, round(out_kb * 1024))).decode(),
        "queueWaitMillis": (start - accepted) * 1000,
        "executionMillis": (end - start) * 1000,
        "replayed": False,
    }
    with _lock:
        _results[key] = result
        while len(_results) > 100_000:
            _results.popitem(last=False)
    return jsonify(result)
