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
  run = tostring(os.time())
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"idempotencyKey":"b-%s-%d-%d","taskName":"BENCH","kind":"R","millionInstructions":0,"outKB":1,"inputBase64":"%s"}',
    run, tid, counter, input)
  return wrk.format("POST", "/v1/tasks", headers, body)
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
