-- wrk script: POST /v1/tasks with a fresh idempotency key per request (zero-MI task, 1 KB in, 1 KB out).
-- Environment: BENCH_TOKEN (bearer token), BENCH_DELAY_MS (optional pause per connection between
-- requests, to offer a lower rate than the peak).
local token = os.getenv("BENCH_TOKEN") or "bench-token-0123456789"
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local input = string.rep("A", 1368) -- base64 of 1026 bytes (~1 KB)
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  local run = tostring(os.time())
  -- The request is built by concatenating constant parts around the key (what wrk.format would
  -- produce, without re-formatting 1.4 KB per request), so that the load generator, which shares
  -- the machine's cores with the server under test, spends as little CPU as it can.
  key_prefix = string.format("b-%s-%d-", run, tid)
  body_head = '{"idempotencyKey":"'
  body_tail = string.format('","taskName":"BENCH","kind":"R","millionInstructions":0,"outKB":1,"inputBase64":"%s"}', input)
  request_head = string.format("POST /v1/tasks HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\n"
    .. "Authorization: Bearer %s\r\nContent-Length: ", wrk.host, wrk.port, token)
end

function request()
  counter = counter + 1
  local body = body_head .. key_prefix .. counter .. body_tail
  return request_head .. #body .. "\r\n\r\n" .. body
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
