package io.edgeoff.site.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.execution.TaskOrder;
import io.edgeoff.site.execution.TaskResult;
import io.edgeoff.siteapi.TaskReply;
import io.edgeoff.siteapi.TaskRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The site's fast task parser and reply writer against the wire contract ({@link TaskRequest},
 * {@link TaskReply} with Jackson): for every body, {@link TaskRequestParser} accepts exactly what
 * Jackson with the record accepts (the same values) and refuses the rest with the same answer (status,
 * code, and the message naming the field); every reply {@link TaskEndpoint#taskResponse} writes is
 * read back by Jackson into the record it was written from, byte for byte what Jackson writes for it.
 */
class TaskContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> KINDS = List.of("R", "DI", "CI");
    private static final double MAX_MI = 100_000;
    private static final double MAX_OUT_KB = 10_240;
    private final TaskRequestParser fast = new TaskRequestParser(MAPPER, KINDS, MAX_MI, MAX_OUT_KB,
            () -> List.of("chess", "facebook"));
    /** Fields counted by the field-by-field mutations, to show each was mutated every way. */
    private final Map<String, Integer> mutationsPerField = new HashMap<>();

    private static final String VALID = "{\"idempotencyKey\":\"k-1\",\"taskName\":\"T1\",\"kind\":\"R\","
            + "\"millionInstructions\":12.5,\"outKB\":1,\"inputBase64\":\"" + Base64.getEncoder().encodeToString(
            "hello, offloading".getBytes(StandardCharsets.UTF_8)) + "\"}";

    /**
     * The contract's reading of a task body: Jackson reads the JSON (a syntax error, or a body that is
     * not an object, is refused as such), maps it to the record, whose constructor checks it, and the
     * site applies its limits ({@link TaskRequestParser#order}).
     */
    private TaskOrder viaRecord(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: "
                    + TaskRequestParser.jsonProblem(e));
        } catch (IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body must be a JSON object");
        }
        TaskRequest request;
        try {
            request = MAPPER.readValue(body, TaskRequest.class);
        } catch (IOException e) {
            throw SiteHttpApi.contractProblem(e);
        }
        return fast.order(request);
    }

    private String outcome(byte[] body, boolean viaRecord) {
        try {
            TaskOrder order = viaRecord ? viaRecord(body) : fast.parse(body);
            return "ok " + order + " key=" + order.idempotencyKey() + " name=" + order.taskName() + " mi="
                    + order.millionInstructions() + " input=" + Base64.getEncoder().encodeToString(order.input())
                    + " handler=" + order.handler() + " parameters=" + new java.util.TreeMap<>(order.parameters());
        } catch (ApiException e) {
            return "error " + e.status() + " " + e.code() + " " + e.getMessage();
        }
    }

    private void assertSameOutcome(String body, String what) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(bytes, false)).as("%s: %s", what, body).isEqualTo(outcome(bytes, true));
    }

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
    void answersEveryBodyOfTheCorpusAsTheRecordDoes() {
        for (String body : corpus()) {
            assertSameOutcome(body, "corpus");
        }
    }

    @Test
    void answersSeededCharacterMutationsAsTheRecordDoes() {
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
            assertSameOutcome(body.toString(), "character mutation " + i);
        }
    }

    /** Handler and parameter bodies: valid ones, and every way their two fields can be wrong. */
    static List<String> handlerCorpus() {
        String chess = VALID.replace("}", ",\"handler\":\"chess\",\"parameters\":{\"depth\":\"3\"}}");
        List<String> bodies = new ArrayList<>(List.of(chess,
                chess.replace("\"chess\"", "\"synthetic-mi\""), chess.replace("\"chess\"", "\"gone\""),
                chess.replace("\"chess\"", "\"Chess\""), chess.replace("\"chess\"", "\"\""),
                chess.replace("\"chess\"", "null"), chess.replace("\"chess\"", "7"), chess.replace("\"chess\"", "[\"chess\"]"),
                chess.replace("\"chess\"", "\"" + "c".repeat(65) + "\""), chess.replace("\"chess\"", "\"ch\\u0000ess\""),
                chess.replace("{\"depth\":\"3\"}", "null"), chess.replace("{\"depth\":\"3\"}", "{}"),
                chess.replace("{\"depth\":\"3\"}", "[]"), chess.replace("{\"depth\":\"3\"}", "\"depth=3\""),
                chess.replace("\"3\"", "3"), chess.replace("\"3\"", "null"), chess.replace("\"3\"", "{\"x\":[1]}"),
                chess.replace("\"3\"", "[\"3\"]"), chess.replace("\"3\"", "true"),
                chess.replace("\"3\"", "\"" + "9".repeat(4097) + "\""), chess.replace("\"depth\"", "\"\""),
                chess.replace("\"depth\"", "\"d\\u0007\""), chess.replace("\"depth\"", "\"" + "d".repeat(65) + "\""),
                chess.replace("{\"depth\":\"3\"}", "{\"depth\":\"3\",\"depth\":4}"),
                chess.replace("{\"depth\":\"3\"}", "{\"depth\":1,\"depth\":\"4\"}"),
                chess.replace("{\"depth\":\"3\"}", "{\"a\":1,\"b\":true}"),
                chess.replace("{\"depth\":\"3\"}", "{\"depth\":\"3\""),
                chess.replace("{\"depth\":\"3\"}", "{\"depth\":\"\\q\"}"),
                chess.replace("}}", "},\"handler\":\"facebook\"}"),
                chess.replace("}}", "},\"parameters\":{\"level\":\"9\"}}")));
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"v\"");
        }
        bodies.add(chess.replace("{\"depth\":\"3\"}", many + "}"));
        bodies.add(chess.replace("\"chess\"", "\"chess\"").replace("\"kind\":\"R\"", "\"kind\":\"XX\""));
        return bodies;
    }

    @Test
    void readsHandlerAndParametersAsTheRecordDoes() {
        for (String body : handlerCorpus()) {
            assertSameOutcome(body, "handler corpus");
        }
        assertThat(outcome(handlerCorpus().get(0).getBytes(StandardCharsets.UTF_8), false))
                .startsWith("ok").contains("handler=chess parameters={depth=3}");
        assertThat(outcome(handlerCorpus().get(1).getBytes(StandardCharsets.UTF_8), false))
                .as("synthetic-mi is the synthetic path").startsWith("ok").contains("handler= parameters={}");
        assertThat(outcome(handlerCorpus().get(2).getBytes(StandardCharsets.UTF_8), false))
                .isEqualTo("error 400 UNKNOWN_HANDLER unknown handler 'gone'; this site runs [chess, facebook]");
    }

    @Test
    void answersSeededMutationsOfHandlerRequestsAsTheRecordDoes() {
        SplittableRandom random = new SplittableRandom(15);
        String[] handlers = {"\"chess\"", "\"facebook\"", "\"nope\"", "\"\"", "null", "1", "\"A\"", "{}"};
        String[] values = {"\"1\"", "\"\"", "1", "null", "[]", "{}", "\"\\u00e9\"", "\"\\ud800\"", "true"};
        int accepted = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder params = new StringBuilder("{");
            int n = random.nextInt(4);
            for (int k = 0; k < n; k++) {
                params.append(k == 0 ? "" : ",").append("\"").append((char) ('a' + random.nextInt(3))).append("\":")
                        .append(values[random.nextInt(values.length)]);
            }
            String parameters = random.nextInt(8) == 0 ? values[random.nextInt(values.length)] : params + "}";
            String body = VALID.replace("}", ",\"handler\":" + handlers[random.nextInt(handlers.length)]
                    + ",\"parameters\":" + parameters + "}");
            assertSameOutcome(body, "handler mutation " + i);
            accepted += outcome(body.getBytes(StandardCharsets.UTF_8), true).startsWith("ok") ? 1 : 0;
        }
        assertThat(accepted).isBetween(200, 1_800);
    }

    /** The fields of a task request, as the mutations below know them. */
    private static final List<String> FIELDS = List.of("idempotencyKey", "taskName", "kind", "millionInstructions",
            "outKB", "inputBase64");

    @Test
    void answersSeededFieldMutationsOfValidRequestsAsTheRecordDoes() {
        SplittableRandom random = new SplittableRandom(20261202);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 6_000; i++) {
            List<String[]> fields = validRequest(random);
            int mutations = random.nextInt(4); // 0: the valid request itself
            StringBuilder what = new StringBuilder("field mutation " + i + ":");
            for (int m = 0; m < mutations; m++) {
                what.append(' ').append(mutate(fields, random));
            }
            String body = render(fields, random);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String viaRecord = outcome(bytes, true);
            assertThat(outcome(bytes, false)).as("%s: %s", what, body).isEqualTo(viaRecord);
            if (viaRecord.startsWith("ok")) {
                accepted++;
            } else {
                refused++;
            }
        }
        // The mutations reach both sides of the contract, and every field.
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
        for (String field : FIELDS) {
            assertThat(mutationsPerField.getOrDefault(field, 0)).as(field).isGreaterThan(500);
        }
    }

    @Test
    void everyFieldIsNamedWhenItIsMissingOrOfTheWrongType() {
        for (String field : FIELDS) {
            for (String wrong : new String[] {"null", "7", "\"x\"", "true", "[1]", "{\"a\":1}"}) {
                String body = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+)", "\"" + field + "\":" + wrong);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                String outcome = outcome(bytes, false);

                assertThat(outcome).as(body).isEqualTo(outcome(bytes, true));
                boolean fits = wrong.equals("null") && field.equals("taskName")
                        || wrong.equals("7") && (field.equals("millionInstructions") || field.equals("outKB"))
                        || wrong.equals("\"x\"") && field.matches("idempotencyKey|taskName");
                if (!fits) {
                    assertThat(outcome).as(body).startsWith("error 400").contains(field);
                }
            }
        }
    }

    /** A valid request as (name, raw JSON value) pairs, in a random order, with a random extra field. */
    private static List<String[]> validRequest(SplittableRandom random) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"idempotencyKey", quote(randomText(random, 1 + random.nextInt(40)))});
        if (random.nextInt(4) > 0) {
            fields.add(new String[] {"taskName", quote(randomText(random, random.nextInt(20)))});
        }
        fields.add(new String[] {"kind", quote(KINDS.get(random.nextInt(KINDS.size())))});
        fields.add(new String[] {"millionInstructions", number(random, MAX_MI)});
        fields.add(new String[] {"outKB", number(random, MAX_OUT_KB)});
        byte[] input = new byte[random.nextInt(64)];
        random.nextBytes(input);
        fields.add(new String[] {"inputBase64", quote(Base64.getEncoder().encodeToString(input))});
        if (random.nextInt(3) == 0) {
            fields.add(new String[] {"extra", random.nextBoolean() ? "{\"deep\":[1,{\"x\":\"y\"}],\"n\":null}" : "\"z\""});
        }
        for (int i = fields.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] t = fields.get(i);
            fields.set(i, fields.get(j));
            fields.set(j, t);
        }
        return fields;
    }

    /** Applies one seeded mutation to one field; returns its description. */
    private String mutate(List<String[]> fields, SplittableRandom random) {
        String name = FIELDS.get(random.nextInt(FIELDS.size()));
        mutationsPerField.merge(name, 1, Integer::sum);
        int at = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i)[0].equals(name)) {
                at = i;
            }
        }
        boolean numeric = name.equals("millionInstructions") || name.equals("outKB");
        String value;
        String how;
        switch (random.nextInt(9)) {
            case 0 -> {
                if (at >= 0) {
                    fields.remove(at);
                }
                return name + " dropped";
            }
            case 1 -> {
                value = wrongType(random);
                how = "wrong type";
            }
            case 2 -> {
                value = numeric ? outOfRange(random, name.equals("outKB") ? MAX_OUT_KB : MAX_MI) : badString(random, name);
                how = numeric ? "out of range" : "bad string";
            }
            case 3 -> {
                // repeated: the same field once more, before or after, with another value (valid or not)
                String[] copy = {name, random.nextBoolean() ? wrongType(random) : at >= 0 ? fields.get(at)[1] : "\"x\""};
                fields.add(random.nextInt(fields.size() + 1), copy);
                return name + " repeated";
            }
            case 4 -> {
                if (at < 0 || !fields.get(at)[1].startsWith("\"")) {
                    return name + " (nothing to escape)";
                }
                value = escapeSome(fields.get(at)[1], random);
                how = "unicode escapes";
            }
            case 5 -> {
                value = numeric ? numberSpelling(random) : name.equals("inputBase64") ? badBase64(random)
                        : quote(randomText(random, random.nextInt(3) == 0 ? 199 + random.nextInt(3) : random.nextInt(8)));
                how = "other value";
            }
            case 6 -> {
                value = name.equals("kind") ? quote(random.nextBoolean() ? "r" : "QUANTUM") : numeric
                        ? (random.nextBoolean() ? "0" : String.valueOf(name.equals("outKB") ? MAX_OUT_KB : MAX_MI))
                        : quote("");
                how = "edge value";
            }
            case 7 -> {
                fields.add(new String[] {"unknown" + random.nextInt(3), wrongType(random)});
                return "unknown field";
            }
            default -> {
                value = "null";
                how = "null";
            }
        }
        if (at >= 0) {
            fields.get(at)[1] = value;
        } else {
            fields.add(random.nextInt(fields.size() + 1), new String[] {name, value});
        }
        return name + " " + how + " " + value;
    }

    private static String wrongType(SplittableRandom random) {
        String[] values = {"7", "-1.5e3", "\"12\"", "\"\"", "true", "false", "null", "[]", "[\"a\",1]", "{}",
            "{\"k\":\"v\"}", "0"};
        return values[random.nextInt(values.length)];
    }

    private static String outOfRange(SplittableRandom random, double max) {
        String[] values = {"-1", "-0.0", "-0", "1e400", "-1e400", String.valueOf(max + 1), String.valueOf(max * 10),
            "123456789012345678901234567890", "1E308", "4.9e-324", "-4.9e-324", String.valueOf(Math.nextUp(max))};
        return values[random.nextInt(values.length)];
    }

    private static String numberSpelling(SplittableRandom random) {
        String[] values = {"1E2", "1e+2", "0.5e-3", "100.000", "007", "1.", ".5", "+1", "0x10", "1_000", "2e-400",
            "99999.99999999999999"};
        return values[random.nextInt(values.length)];
    }

    private static String badString(SplittableRandom random, String field) {
        String[] values = {"\"\"", "\"a\\u0000b\"", "\"bell\\u0007\"", "\"c1\\u0085\"", "\"del\\u007f\"",
            "\"lone\\ud800\"", "\"\\udfff\"", "\"pair\\ud83d\\ude00\"", "\"tab\\tkey\"", "\"nl\\nkey\"",
            "\"" + "x".repeat(201) + "\"", "\"" + "x".repeat(200) + "\"", "\"raw\u0001control\"", "\"bad\\escape\"",
            "\"quote\\\"inside\"", "\"\u00e9\u4e2d\ud83d\ude00\"", "\"" + "\ud83d\ude00".repeat(100) + "\"",
            "\"" + "\ud83d\ude00".repeat(101) + "\""};
        String value = values[random.nextInt(values.length)];
        return field.equals("inputBase64") && random.nextBoolean() ? badBase64(random) : value;
    }

    private static String badBase64(SplittableRandom random) {
        String[] values = {"\"QUJD\"", "\"QUI=\"", "\"QUI\"", "\"QQ==\"", "\"QQ\"", "\"Q\"", "\"QUJD=\"", "\"QU JD\"",
            "\"QU\\nJD\"", "\"-_-_\"", "\"QUJD\\u003d\"", "\"QUJD\\/\"", "\"***\"", "\"\u00e9\u00e9\u00e9\u00e9\"",
            "\"QUJDRA==\"", "\"QUJDRA=\"", "\"=QUJ\""};
        return values[random.nextInt(values.length)];
    }

    /** The same string with some of its characters written as {@code \\uXXXX} escapes. */
    private static String escapeSome(String quoted, SplittableRandom random) {
        StringBuilder out = new StringBuilder("\"");
        String inner = quoted.substring(1, quoted.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') { // keep an existing escape whole
                int end = inner.charAt(i + 1) == 'u' ? i + 6 : i + 2;
                out.append(inner, i, end);
                i = end - 1;
            } else if (random.nextInt(3) == 0) {
                out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String randomText(SplittableRandom random, int length) {
        String alphabet = "abcXYZ019-_./:\u00e9\u4e2d ";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(20) == 0) {
                s.append("\ud83d\ude00");
            } else {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }

    private static String number(SplittableRandom random, double max) {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(random.nextInt((int) Math.min(max, 1000)));
            case 1 -> String.valueOf(random.nextDouble() * max);
            case 2 -> String.format(java.util.Locale.ROOT, "%.3e", random.nextDouble() * max);
            default -> "0";
        };
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** The fields as a JSON object, with random whitespace between tokens. */
    private static String render(List<String[]> fields, SplittableRandom random) {
        StringBuilder body = new StringBuilder();
        body.append(space(random)).append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                body.append(space(random)).append(',');
            }
            body.append(space(random)).append('"').append(fields.get(i)[0]).append('"').append(space(random)).append(':')
                    .append(space(random)).append(fields.get(i)[1]);
        }
        return body.append(space(random)).append('}').append(space(random)).toString();
    }

    private static String space(SplittableRandom random) {
        String[] spaces = {"", "", "", " ", "\n", "\t", "\r\n  "};
        return spaces[random.nextInt(spaces.length)];
    }

    @Test
    void readsEveryRequestJacksonWritesForTheRecordIntoThatRecord() throws Exception {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 2_000; i++) {
            byte[] input = new byte[random.nextInt(4096)];
            random.nextBytes(input);
            TaskRequest sent = new TaskRequest(randomText(random, 1 + random.nextInt(99)),
                    randomText(random, random.nextInt(50)), KINDS.get(random.nextInt(KINDS.size())),
                    random.nextDouble() * MAX_MI, random.nextInt(3) == 0 ? random.nextInt(100) : random.nextDouble() * 100,
                    input);

            TaskOrder read = fast.parse(MAPPER.writeValueAsBytes(sent));

            TaskOrder expected = fast.order(sent);
            assertThat(read.idempotencyKey()).isEqualTo(sent.idempotencyKey());
            assertThat(read.taskName()).isEqualTo(sent.taskName());
            assertThat(read.millionInstructions()).isEqualTo(sent.millionInstructions());
            assertThat(read.input()).isEqualTo(sent.input());
            assertThat(read.outBytes()).isEqualTo((int) Math.round(sent.outKB() * 1024));
            assertThat(read).as("request %d", i).isEqualTo(expected);
        }
    }

    @Test
    void theReplyWriterWritesWhatJacksonReadsBackIntoTheSameRecord() throws Exception {
        SplittableRandom random = new SplittableRandom(20261203);
        String[] keys = {"plain-1", "quote\"back\\slash", "unicode \u00e9\u4e2d\ud83d\ude00", "</script>", "a/b"};
        String[] sites = {"EC", "E\"C", "site-\u00e9", "s\\1"};
        for (int i = 0; i < 2_000; i++) {
            String key = i < keys.length ? keys[i] : randomText(random, 1 + random.nextInt(60));
            String site = sites[random.nextInt(sites.length)];
            long wait = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextLong(1_000);
                case 2 -> random.nextLong(10_000_000_000L);
                default -> random.nextLong(Long.MAX_VALUE / 2);
            };
            long execution = random.nextInt(3) == 0 ? random.nextLong(1_000) : random.nextLong(100_000_000_000L);
            TaskResult result = new TaskResult(key, random.nextLong(), random.nextInt(5) == 0 ? 0 : random.nextInt(8192),
                    wait, execution);
            boolean replayed = random.nextBoolean();

            byte[] written = TaskEndpoint.taskResponse(JsonStringEncoder.getInstance().quoteAsUTF8(site), result, replayed);

            TaskReply expected = new TaskReply(key, site, result.output(), wait / 1e6, execution / 1e6, replayed);
            assertThat(MAPPER.readValue(written, TaskReply.class)).as("reply %d", i).isEqualTo(expected);
            assertThat(new String(written, StandardCharsets.UTF_8)).as("reply %d", i)
                    .isEqualTo(MAPPER.writeValueAsString(expected));
        }
    }
}
