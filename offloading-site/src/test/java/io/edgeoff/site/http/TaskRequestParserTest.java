package io.edgeoff.site.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.execution.TaskOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast parser's own mechanics; its agreement with the contract's record is {@link TaskContractTest}. */
class TaskRequestParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> KINDS = List.of("R", "DI", "CI");
    private final TaskRequestParser streaming = new TaskRequestParser(MAPPER, KINDS, 100_000, 10_240);

    private static final String VALID = "{\"idempotencyKey\":\"k-1\",\"taskName\":\"T1\",\"kind\":\"R\","
            + "\"millionInstructions\":12.5,\"outKB\":1,\"inputBase64\":\"" + Base64.getEncoder().encodeToString(
            "hello, offloading".getBytes(StandardCharsets.UTF_8)) + "\"}";

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

    private static String outcome(TaskRequestParser parser, byte[] body) {
        try {
            return "ok " + parser.parse(body);
        } catch (ApiException e) {
            return "error " + e.status() + " " + e.code() + " " + e.getMessage();
        }
    }
}
