package io.edgeoff.site.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The site's fuzz and abuse harness: starts a real site on 127.0.0.1 (port 0) and throws seeded
 * hostile requests at it over raw sockets (mutated bodies, bad headers, slow drips, oversized
 * declared lengths, surrogates, pipelining, abrupt closes, protocol garbage), then reports the
 * answers per status, the requests that got no answer and the error answers that were not
 * {@code {code, message}} JSON, and the process's RSS and heap before and after.
 *
 * <p>The requests are generated from the seed before any is sent, so a run is the same whatever
 * the number of client threads. Run by {@code SiteAbuseTest} in every build (bounded), or with
 * more requests from the command line (see {@code docs/SITE.md}).
 */
public final class SiteAbuse {
    /** Client threads sending requests at once. */
    static final int CLIENT_THREADS = 8;
    /** Longest wait for one answer, ms: a hang guard, far above any answer's time. */
    static final int ANSWER_TIMEOUT_MILLIS = 15_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KINDS = {"R", "DI", "CI"};
    private static final String JSON_BYTES = "{}[]\":,\\u0";

    private SiteAbuse() {
    }

    /**
     * What a run found.
     *
     * @param seed                  the seed every request was generated from
     * @param requests              requests generated
     * @param answersByStatus       answers received, by HTTP status
     * @param expectedAnswers       answers the requests should have got (abrupt closes expect none)
     * @param unanswered            expected answers that never came (must be 0)
     * @param nonJsonErrors         answers with status &gt;= 400 that were not {@code {code, message}} JSON (must be 0)
     * @param abandoned             requests the client closed on purpose before finishing them
     * @param rssKBBefore           resident set size of the process after the site started, KB (-1: unknown)
     * @param rssKBAfter            resident set size after the run, KB
     * @param heapUsedKBBefore      heap in use after a GC, after the site started, KB
     * @param heapUsedKBAfter       heap in use after a GC, after the run, KB
     * @param elapsedMillis         wall time of the run, ms
     * @param examples              the first few problems, for a human
     */
    public record Report(long seed, int requests, Map<Integer, Integer> answersByStatus, int expectedAnswers,
                         int unanswered, int nonJsonErrors, int abandoned, long rssKBBefore, long rssKBAfter,
                         long heapUsedKBBefore, long heapUsedKBAfter, long elapsedMillis, List<String> examples) {
        public String summary() {
            return String.format("site-abuse seed %d: %d requests, %d answers expected, statuses %s, %d unanswered, "
                            + "%d non-JSON errors, %d abandoned on purpose; RSS %d -> %d KB, heap used %d -> %d KB, %.1f s",
                    seed, requests, expectedAnswers, answersByStatus, unanswered, nonJsonErrors, abandoned, rssKBBefore,
                    rssKBAfter, heapUsedKBBefore, heapUsedKBAfter, elapsedMillis / 1000.0);
        }
    }

    /** One generated request: the bytes to send, in pieces with pauses, and what to expect. */
    record Plan(String kind, List<byte[]> pieces, long pauseMillis, int answers, boolean abruptClose) {
    }

    /** Usage: {@code SiteAbuse [--seed N] [--requests N] [--report FILE]}. */
    public static void main(String[] args) throws Exception {
        long seed = 5725;
        int requests = 2000;
        Path report = Path.of("target", "site-abuse-report.json");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--report" -> report = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: SiteAbuse [--seed N] [--requests N] [--report FILE]");
            }
        }
        Path dir = Files.createTempDirectory("site-abuse");
        Report r = run(seed, requests, dir);
        write(r, report);
        System.out.println(r.summary());
        System.out.println("report: " + report.toAbsolutePath());
        System.exit(r.unanswered() == 0 && r.nonJsonErrors() == 0 ? 0 : 1);
    }

    static void write(Report report, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }

    /** Starts a site with its data in {@code dir}, runs {@code requests} seeded requests against it, stops it. */
    public static Report run(long seed, int requests, Path dir) throws Exception {
        SiteConfig config = TestSites.fastSite(dir).maxRequestBytes(64 * 1024).idleTimeout(Duration.ofSeconds(2)).build();
        SplittableRandom random = new SplittableRandom(seed);
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            plans.add(plan(random.split(), i));
        }
        try (SiteServer server = SiteServer.start(config)) {
            long rssBefore = rssKB();
            long heapBefore = heapUsedKB();
            long start = System.nanoTime();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            List<String> examples = new ArrayList<>();
            int expected = 0;
            int unanswered = 0;
            int nonJson = 0;
            int abandoned = 0;
            ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
            try {
                List<Future<List<Outcome>>> futures = new ArrayList<>();
                for (Plan plan : plans) {
                    futures.add(clients.submit(() -> send(server.port(), plan)));
                }
                for (int i = 0; i < plans.size(); i++) {
                    Plan plan = plans.get(i);
                    if (plan.abruptClose()) {
                        abandoned++;
                    }
                    for (Outcome o : futures.get(i).get()) {
                        expected++;
                        if (o.answer() == null) {
                            unanswered++;
                            note(examples, "request " + i + " (" + plan.kind() + "): no answer");
                            continue;
                        }
                        byStatus.merge(o.answer().status(), 1, Integer::sum);
                        if (o.answer().status() >= 400 && !isJsonError(o.answer())) {
                            nonJson++;
                            note(examples, "request " + i + " (" + plan.kind() + "): " + o.answer().status() + " "
                                    + o.answer().headers() + " " + o.answer().text());
                        }
                    }
                }
            } finally {
                clients.shutdownNow();
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            // The site must still serve after the abuse.
            RawHttp.Answer health = RawHttp.exchange(server.port(), RawHttp.ascii(
                    "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            if (health == null || health.status() != 200) {
                unanswered++;
                note(examples, "health after the run: " + (health == null ? "no answer" : health.status()));
            }
            return new Report(seed, requests, byStatus, expected, unanswered, nonJson, abandoned, rssBefore, rssKB(),
                    heapBefore, heapUsedKB(), elapsed, examples);
        }
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    private record Outcome(RawHttp.Answer answer) {
    }

    static boolean isJsonError(RawHttp.Answer answer) {
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json != null && json.isObject() && json.size() == 2 && json.path("code").isTextual()
                    && json.path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one plan on a new connection and reads the answers it expects (stopping at a {@code Connection: close}). */
    static List<Outcome> send(int port, Plan plan) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Socket socket = RawHttp.connect(port, ANSWER_TIMEOUT_MILLIS)) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> written = writePieces(out, plan);
            if (plan.abruptClose()) {
                written.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                socket.setSoLinger(true, 0); // a reset, not a polite close
                return outcomes;
            }
            InputStream in = socket.getInputStream();
            for (int k = 0; k < plan.answers(); k++) {
                RawHttp.Answer answer = RawHttp.read(in);
                outcomes.add(new Outcome(answer));
                if (answer == null || answer.closes()) {
                    break;
                }
            }
        } catch (Exception e) {
            if (outcomes.isEmpty() && !plan.abruptClose()) {
                outcomes.add(new Outcome(null));
            }
        }
        return outcomes;
    }

    /** Writes the pieces, the first at once and each next one {@code pauseMillis} later (off this thread). */
    private static CompletableFuture<Void> writePieces(OutputStream out, Plan plan) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int k = 0; k < plan.pieces().size(); k++) {
            byte[] piece = plan.pieces().get(k);
            if (k == 0) {
                chain = chain.thenRun(() -> write(out, piece));
            } else {
                chain = chain.thenRunAsync(() -> write(out, piece),
                        CompletableFuture.delayedExecutor(plan.pauseMillis(), TimeUnit.MILLISECONDS));
            }
        }
        return chain.exceptionally(x -> null);
    }

    private static void write(OutputStream out, byte[] piece) {
        try {
            out.write(piece);
            out.flush();
        } catch (IOException e) {
            // the site answered and closed early: what it did is judged by the answer
        }
    }

    // ---- request generation -------------------------------------------------------------------

    static Plan plan(SplittableRandom r, int i) {
        return switch (r.nextInt(12)) {
            case 0 -> once("valid task", request("POST", "/v1/tasks", true, validTask(r, "ok-" + i)));
            case 1 -> once("mutated body", request("POST", "/v1/tasks", true, mutate(r, validTask(r, "mut-" + i))));
            case 2 -> once("bad headers", badHeaders(r, validTask(r, "hdr-" + i)));
            case 3 -> drip(r, request("POST", "/v1/tasks", r.nextBoolean(), validTask(r, "drip-" + i)));
            case 4 -> once("oversized declared length", oversized(r));
            case 5 -> once("surrogate key", surrogate(r, i));
            case 6 -> pipelined(r, i);
            case 7 -> abrupt(r, request("POST", "/v1/tasks", true, validTask(r, "cut-" + i)));
            case 8 -> once("protocol garbage", garbage(r));
            case 9 -> once("bad chunked body", badChunked(r));
            case 10 -> once("other endpoint", request(r.nextInt(4) == 0 ? "DELETE" : "GET",
                    pick(r, "/v1/health", "/v1/resources", "/v1/availability?slots=" + r.nextInt(-3, 20_000),
                            "/v1/admin/failure-events?limit=" + r.nextInt(-2, 5), "/v1/nothing", "/v1/tasks"),
                    r.nextBoolean(), new byte[0]));
            default -> once("deeply nested body", request("POST", "/v1/tasks", true,
                    ("[".repeat(r.nextInt(900, 3000)) + "]").getBytes(StandardCharsets.US_ASCII)));
        };
    }

    private static Plan once(String kind, byte[] bytes) {
        return new Plan(kind, List.of(bytes), 0, 1, false);
    }

    static byte[] request(String method, String path, boolean token, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (token ? "Authorization: Bearer " + TestSites.TOKEN + "\r\n" : "")
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        return concat(RawHttp.ascii(head), body);
    }

    private static byte[] validTask(SplittableRandom r, String key) {
        byte[] input = new byte[r.nextInt(0, 256)];
        r.nextBytes(input);
        return ("{\"idempotencyKey\":\"" + key + "\",\"taskName\":\"T\",\"kind\":\"" + KINDS[r.nextInt(KINDS.length)]
                + "\",\"millionInstructions\":" + r.nextInt(0, 3) + ",\"outKB\":" + r.nextInt(0, 3)
                + ",\"inputBase64\":\"" + Base64.getEncoder().encodeToString(input) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mutate(SplittableRandom r, byte[] body) {
        byte[] copy = body.clone();
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits && copy.length > 0; e++) {
            int at = r.nextInt(copy.length);
            switch (r.nextInt(3)) {
                case 0 -> copy[at] = (byte) r.nextInt(256);
                case 1 -> copy = java.util.Arrays.copyOf(copy, at);
                default -> copy[at] = (byte) JSON_BYTES.charAt(r.nextInt(JSON_BYTES.length()));
            }
        }
        return copy;
    }

    private static byte[] badHeaders(SplittableRandom r, byte[] body) {
        String bad = pick(r, "X-Bad Header: 1\r\n", "X-Ctl: a\u0001b\r\n", "NoColon\r\n", "Content-Length: abc\r\n",
                "Content-Length: " + (body.length + 1) + "\r\n", "Transfer-Encoding: chunked\r\n",
                "Transfer-Encoding: gzip\r\n", "Authorization: Bearer " + "x".repeat(r.nextInt(1, 12_000)) + "\r\n",
                " folded: continuation\r\n", "Host: second.example\r\n", "Expect: 100-continue\r\n",
                "Content-Type: " + "a".repeat(r.nextInt(1, 600)) + "\r\n");
        String head = "POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestSites.TOKEN + "\r\n"
                + bad + "Content-Length: " + body.length + "\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static Plan drip(SplittableRandom r, byte[] bytes) {
        int pieces = r.nextInt(2, 6);
        List<byte[]> parts = new ArrayList<>();
        int step = Math.max(1, bytes.length / pieces);
        for (int at = 0; at < bytes.length; at += step) {
            parts.add(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + step)));
        }
        return new Plan("slow drip", parts, r.nextInt(20, 120), 1, false);
    }

    private static byte[] oversized(SplittableRandom r) {
        long declared = switch (r.nextInt(4)) {
            case 0 -> 4_000_000L;
            case 1 -> 3_000_000_000L;
            case 2 -> Long.MAX_VALUE;
            default -> 64L * 1024 + 1;
        };
        String head = "POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (r.nextBoolean() ? "Authorization: Bearer "
                + TestSites.TOKEN + "\r\n" : "") + "Content-Type: application/json\r\nContent-Length: " + declared
                + "\r\n\r\n{";
        return RawHttp.ascii(head);
    }

    private static byte[] surrogate(SplittableRandom r, int i) {
        byte[] key = switch (r.nextInt(5)) {
            case 0 -> RawHttp.ascii("lone-\\ud800-" + i);
            case 1 -> RawHttp.ascii("low-\\udfff-" + i);
            case 2 -> RawHttp.ascii("pair-\\ud83d\\ude00-" + i);
            case 3 -> RawHttp.ascii("ctl-\\u0007-" + i);
            default -> concat(RawHttp.ascii("raw-"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        };
        byte[] body = concat(concat(RawHttp.ascii("{\"idempotencyKey\":\""), key), RawHttp.ascii(
                "\",\"kind\":\"R\",\"millionInstructions\":" + r.nextInt(0, 2) + ",\"outKB\":1,\"inputBase64\":\"\"}"));
        return request("POST", "/v1/tasks", true, body);
    }

    private static Plan pipelined(SplittableRandom r, int i) {
        int n = r.nextInt(2, 5);
        byte[] all = new byte[0];
        for (int k = 0; k < n; k++) {
            byte[] one = switch (r.nextInt(4)) {
                case 0 -> request("GET", "/v1/health", false, new byte[0]);
                case 1 -> request("GET", "/v1/nothing", false, new byte[0]);
                case 2 -> request("POST", "/v1/tasks", r.nextBoolean(), mutate(r, validTask(r, "pipe-m-" + i + "-" + k)));
                default -> request("POST", "/v1/tasks", true, validTask(r, "pipe-" + i + "-" + k));
            };
            all = concat(all, one);
        }
        return new Plan("pipelined x" + n, List.of(all), 0, n, false);
    }

    private static Plan abrupt(SplittableRandom r, byte[] bytes) {
        return new Plan("abrupt close", List.of(java.util.Arrays.copyOf(bytes, r.nextInt(1, bytes.length))), 0, 0, true);
    }

    private static byte[] garbage(SplittableRandom r) {
        String host = "Host: 127.0.0.1\r\n";
        return switch (r.nextInt(8)) {
            case 0 -> RawHttp.ascii("GARBAGE\r\n\r\n");
            case 1 -> RawHttp.ascii("GET /v1/health?" + "a".repeat(r.nextInt(9_000, 30_000)) + " HTTP/1.1\r\n" + host + "\r\n");
            case 2 -> RawHttp.ascii("GET /v1/health HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(r.nextInt(9_000, 30_000))
                    + "\r\n\r\n");
            case 3 -> RawHttp.ascii("GET /v1/health HTTP/" + pick(r, "3.0", "1.2", "0.8", "2") + "\r\n" + host + "\r\n");
            case 4 -> RawHttp.ascii(pick(r, "get", "post", "BREW", "Get") + " /v1/" + pick(r, "health", "tasks")
                    + " HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n");
            case 5 -> RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\n" + host + "Expect: " + pick(r, "200-ok", "100-continue-x",
                    "fancy") + "\r\nContent-Length: 2\r\n\r\n{}");
            case 6 -> RawHttp.ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            default -> {
                byte[] junk = new byte[r.nextInt(1, 400)];
                r.nextBytes(junk);
                yield concat(junk, RawHttp.ascii("\r\n\r\n"));
            }
        };
    }

    private static byte[] badChunked(SplittableRandom r) {
        String chunks = pick(r, "zz\r\nabc\r\n0\r\n\r\n", "5\r\nab\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFF\r\n", "-1\r\n\r\n",
                "3\r\n{}}\r\n0\r\n\r\n", "2;ext=" + "e".repeat(r.nextInt(1, 9000)) + "\r\n{}\r\n0\r\n\r\n");
        return RawHttp.ascii("POST /v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestSites.TOKEN
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---- memory -------------------------------------------------------------------------------

    /** @return this process's resident set size, KB, from {@code /proc/self/status}; -1 where there is none */
    static long rssKB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** @return heap in use after a full collection, KB */
    static long heapUsedKB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }
}
