package io.edgeoff.site.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.execution.TaskOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskRequestParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> KINDS = List.of("R", "DI", "CI");
    private final TaskRequestParser streaming = new TaskRequestParser(MAPPER, KINDS, 100_000, 10_240);
    private final TreeTaskRequestParser tree = new TreeTaskRequestParser(MAPPER, KINDS, 100_000, 10_240);

    private static final String VALID = "{\"idempotencyKey\":\"k-1\",\"taskName\":\"T1\",\"kind\":\"R\","
            + "\"millionInstructions\":12.5,\"outKB\":1,\"inputBase64\":\"" + Base64.getEncoder().encodeToString(
            "hello, offloading".getBytes(StandardCharsets.UTF_8)) + "\"}";

    /** Bodies that reach every branch: each field missing, null, of every JSON type, repeated, escaped. */
    static List<String> corpus() {
        List<String> bodies = new ArrayList<>(List.of(VALID, "", " ", "null", "[1,2,3]", "[1,2,", "\"text\"", "42",
                "{", "{}", "{\"idempotencyKey\": \"k\", \"kind\": ", "{\"a\":1}}", "{\"a\":1} trailing",
                VALID.replace("\"T1\"", "null"), VALID.replace("\"taskName\":\"T1\",", ""),
                VALID.replace("\"T1\"", "7"), VALID.replace("\"k-1\"", "7"), VALID.replace("\"k-1\"", "[\"k\"]"),
                VALID.replace("\"k-1\"", "{\"k\":1}"), VALID.replace("\"k-1\"", "true"), VALID.replace("\"k-1\"", "null"),
                VALID.replace("\"k-1\"", "\"\""), VALID.replace("\"k-1\"", "\"" + "k".repeat(201) + "\""),
                VALID.replace("\"k-1\"", "\"k\\u00e9\\n\\\"q\\\"\""), VALID.replace("\"k-1\"", "\"k\\x\""),
                VALID.replace("\"T1\"", "\"" + "t".repeat(201) + "\""), VALID.replace("\"R\"", "\"QUANTUM\""),
                VALID.replace("\"R\"", "\"" + "Q".repeat(60) + "\""), VALID.replace("\"R\"", "1"),
                VALID.replace("12.5", "-5"), VALID.replace("12.5", "\"1\""), VALID.replace("12.5", "1e400"),
                VALID.replace("12.5", "100001"), VALID.replace("12.5", "123456789012345678901234567890"),
                VALID.replace("12.5", "null"), VALID.replace("12.5", "[1]"), VALID.replace("12.5", "-0.0"),
                VALID.replace("\"outKB\":1", "\"outKB\":-1"), VALID.replace("\"outKB\":1", "\"outKB\":1e9"),
                VALID.replace("\"outKB\":1", "\"outKB\":false"), VALID.replace("\"outKB\":1,", ""),
                VALID.replace("aGVsbG8", "***"), VALID.replace("aGVsbG8", "aGV\\u0073bG8"),
                VALID.replace("aGVsbG8", "a=GVsbG8"), VALID.replace("aGVsbG8", "aGVs bG8"),
                VALID.replace("\"inputBase64\":\"", "\"inputBase64\":\"\" , \"inputBase64\":\""),
                VALID.replace("\"inputBase64\":", "\"inputBase64\":7,\"inputBase64\":"),
                VALID.replace("}", ",\"inputBase64\":null}"), VALID.replace("}", ",\"inputBase64\":[\"QUJD\"]}"),
                VALID.replace("}", ",\"kind\":\"CI\"}"), VALID.replace("}", ",\"extra\":{\"deep\":[1,{\"x\":\"y\"}]}}"),
                VALID.replace("}", ",\"extra\":{\"deep\":[1,{\"x\":\"\\q\"}]}}"),
                VALID.replace("}", ",\"extra\":\"bad \u0001 control\"}"), VALID.replace("}", ",\"extra\":tru}"),
                VALID.replace("}", ",\"extra\":[1,2}"), VALID.replace("{", "{\"extra\":\"\\ud800\",")));
        bodies.add(VALID.replace("\"R\"", "\"R\"\n\t  "));
        for (String key : new String[] {"lone-\\ud800", "\\udfff-low", "pair-\\ud83d\\ude00", "swapped-\\ude00\\ud83d",
            "bell-\\u0007", "del-\\u007f", "c1-\\u0085", "tab-\\t", "ok-\u00e9"}) {
            bodies.add(VALID.replace("\"k-1\"", "\"" + key + "\""));
        }
        bodies.add("[".repeat(1200) + "]".repeat(1200));
        bodies.add(VALID.replace("12.5", "NaN"));
        return bodies;
    }

    @Test
    void answersEveryBodyExactlyAsTheTreeParserDid() {
        for (String body : corpus()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(streaming, bytes)).as(body).isEqualTo(outcome(tree, bytes));
        }
    }

    @Test
    void answersSeededRandomMutationsExactlyAsTheTreeParserDid() {
        SplittableRandom random = new SplittableRandom(20261129);
        List<String> corpus = corpus();
        String alphabet = "{}[]\":,\\ 0123456789.-+eE=/AZaz\u00e9nul\u0001";
        for (int i = 0; i < 4_000; i++) {
            StringBuilder body = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && body.length() > 0; e++) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(4)) {
                    case 0 -> body.setLength(at); // truncated
                    case 1 -> body.deleteCharAt(at);
                    case 2 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> body.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(streaming, bytes)).as("mutation %d: %s", i, body).isEqualTo(outcome(tree, bytes));
        }
    }

    @Test
    void syntaxMessagesDoNotNameTheParsersInternals() {
        for (String body : new String[] {"[".repeat(1200) + "]".repeat(1200), VALID.replace("12.5", "NaN")}) {
            String outcome = outcome(streaming, body.getBytes(StandardCharsets.UTF_8));

            assertThat(outcome).startsWith("error 400 MALFORMED_JSON").doesNotContain("`", "StreamReadConstraints",
                    "JsonReadFeature", "()");
        }
    }

    @Test
    void decodesTheInputWhereverItLiesAndHoweverItIsWritten() {
        TaskOrder plain = streaming.parse(VALID.getBytes(StandardCharsets.UTF_8));
        TaskOrder escaped = streaming.parse(VALID.replace("aGVsbG8", "aGV\\u0073bG8").getBytes(StandardCharsets.UTF_8));

        assertThat(new String(plain.input(), StandardCharsets.UTF_8)).isEqualTo("hello, offloading");
        assertThat(escaped.input()).isEqualTo(plain.input());
        assertThat(plain.outBytes()).isEqualTo(1024);
        assertThat(plain.millionInstructions()).isEqualTo(12.5);
    }

    @Test
    void findsTheEndOfAPlainStringAtEveryAlignment() {
        for (int length = 0; length < 40; length++) {
            for (int offset = 0; offset < 9; offset++) {
                String text = "x".repeat(offset) + "A".repeat(length) + "\"tail\"";
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                assertThat(TaskRequestParser.plainAsciiEnd(bytes, offset)).isEqualTo(offset + length);
                for (String spoiler : new String[] {"\\", "\u00e9"}) {
                    if (length > 0) {
                        byte[] spoiled = (text.substring(0, offset + length / 2) + spoiler
                                + text.substring(offset + length / 2)).getBytes(StandardCharsets.UTF_8);
                        assertThat(TaskRequestParser.plainAsciiEnd(spoiled, offset)).as("%d %d %s", length, offset,
                                spoiler).isEqualTo(-1);
                    }
                }
            }
        }
        assertThat(TaskRequestParser.plainAsciiEnd("no end".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(-1);
    }

    private static String outcome(Object parser, byte[] body) {
        try {
            TaskOrder order = parser instanceof TaskRequestParser p ? p.parse(body) : ((TreeTaskRequestParser) parser).parse(body);
            return "ok " + order + " " + order.taskName() + " " + Base64.getEncoder().encodeToString(order.input());
        } catch (ApiException e) {
            return "error " + e.status() + " " + e.code() + " " + e.getMessage();
        }
    }
}
