#!/usr/bin/env python3
"""An edgeoff external policy in Python, standard library only (http.server, json).

Serves POST /decide in edgeoff's decision wire format v1 (docs/POLICY-PLUGINS.md, docs/policy-plugin-schema.json)
and places each task where its expected response time is least, counting the risk of a failed attempt:

    E[time at s] = (1 - p) * t  +  p * (failureDetectionSeconds + t_device)

with p the site's down probability (its outlook), t the cost model's expected time of the task there (sent in the
request) and t_device the time on the device. Excluded sites are skipped; a task that is not offloadable stays on
the device.

    python3 policy.py --port 8000
    edgeoff simulate --policies mdp,external:http://127.0.0.1:8000/decide --samplings 5 --executions 20

--port 0 takes any free port; the first line printed is "listening on http://HOST:PORT/decide".
HTTP/1.1 with keep-alive: edgeoff keeps one connection open per client thread.
"""
import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REQUEST_SCHEMA = "edgeoff/decision-request/v1"
ANSWER_SCHEMA = "edgeoff/decision-answer/v1"


def decide(request):
    """The site id with the least expected time, and that time in seconds."""
    sites = request["sites"]
    device = sites[request["device"]["siteIndex"]]
    task = request["app"]["tasks"][request["taskIndex"]]
    t_device = device["cost"]["timeSeconds"]
    if not task["offloadable"]:
        return device["id"], t_device
    detection = request["device"]["failureDetectionSeconds"]
    best, best_time = device["id"], t_device
    for site in sites:
        if site["index"] == device["index"] or site["excluded"]:
            continue
        p = site["outlook"]["downProbability"]
        expected = (1 - p) * site["cost"]["timeSeconds"] + p * (detection + t_device)
        if expected < best_time:
            best, best_time = site["id"], expected
    return best, best_time


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: one connection serves many decisions
    disable_nagle_algorithm = True  # TCP_NODELAY: else headers and body wait ~40 ms for a delayed ACK per answer

    def do_POST(self):
        if self.path != "/decide":
            self.reply(404, {"error": "unknown path " + self.path + "; POST /decide"})
            return
        length = int(self.headers.get("Content-Length", "0"))
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError as e:
            self.reply(400, {"error": "request is not JSON: " + str(e)})
            return
        if request.get("schema") != REQUEST_SCHEMA:
            self.reply(400, {"error": "unsupported schema " + repr(request.get("schema")) + "; this policy speaks "
                             + REQUEST_SCHEMA})
            return
        site, expected = decide(request)
        self.reply(200, {"schema": ANSWER_SCHEMA, "site": site, "expectedTimeSeconds": expected})

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "UP"})
        else:
            self.reply(404, {"error": "unknown path " + self.path})

    def reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("policy.py: " + (fmt % args) + "\n")


def main():
    parser = argparse.ArgumentParser(description="edgeoff external policy: least expected time with failure risk")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port, 0 for any free one (default: 8000)")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    server.verbose = args.verbose
    print("listening on http://%s:%d/decide" % (args.host, server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
