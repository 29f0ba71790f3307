package io.edgeoff.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardingTest {
    private static final HandlerContext FREE = HandlerContext.unlimited();
    private static final Map<String, String> FORWARD = Map.of(Forwarding.PARAMETER, "true");

    private static byte[] input(String name) {
        int size = name.equals("chess") ? 3 : name.equals("face-recognizer") || name.equals("gps-navigator") ? 48 : 20_000;
        return BuiltInHandlers.input(name, 5, size);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook"})
    void aForwardedOutputIsAValidInputOfTheSameHandlerAlsoConcatenatedWithAnother(String name) throws Exception {
        TaskHandler handler = HandlerRegistry.of(BuiltInHandlers.all()).get(name);
        byte[] first = handler.handle(input(name), FORWARD, FREE);

        byte[] second = handler.handle(first, FORWARD, FREE);
        byte[] ofTwo = handler.handle(concat(first, second), FORWARD, FREE);

        assertThat(second).isNotEmpty();
        assertThat(ofTwo).isNotEmpty();
        assertThat(Arrays.copyOf(first, 8)).as("the output starts with the data worked on")
                .isEqualTo(Arrays.copyOf(input(name), 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"antivirus", "face-recognizer", "gps-navigator"})
    void aForwardedOutputIsTheDataWorkedOnFollowedByTheUnforwardedResult(String name) throws Exception {
        TaskHandler handler = HandlerRegistry.of(BuiltInHandlers.all()).get(name);
        byte[] data = input(name);

        byte[] forwarded = handler.handle(data, FORWARD, FREE);
        byte[] plain = handler.handle(data, Map.of(), FREE);

        assertThat(forwarded).isEqualTo(concat(data, plain));
    }

    @Test
    void forwardedChessPlaysItsBestMoveSoTheNextTaskSearchesTheNewPosition() throws Exception {
        byte[] position = ChessHandler.input(3, 3);
        String plain = new String(new ChessHandler().handle(position, Map.of(), FREE), StandardCharsets.UTF_8);

        String[] forwarded = new String(new ChessHandler().handle(position, FORWARD, FREE), StandardCharsets.UTF_8)
                .split("\n");

        String before = new String(position, StandardCharsets.UTF_8).split("\n")[0];
        assertThat(forwarded[0]).isNotEqualTo(before);
        assertThat(forwarded[0].split(" ")[1]).as("side to move").isNotEqualTo(before.split(" ")[1]);
        assertThat(forwarded[1]).isEqualTo("3");
        assertThat(String.join("\n", Arrays.copyOfRange(forwarded, 2, forwarded.length)) + "\n").isEqualTo(plain);
    }

    @Test
    void forwardedFacebookKeepsTheFeedAndAddsItsCompressedDocumentAsACommentLine() throws Exception {
        byte[] feed = FacebookHandler.input(2, 4000);
        byte[] plain = new FacebookHandler().handle(feed, Map.of(), FREE);

        String forwarded = new String(new FacebookHandler().handle(feed, FORWARD, FREE), StandardCharsets.UTF_8);
        String again = new String(new FacebookHandler().handle(forwarded.getBytes(StandardCharsets.UTF_8), FORWARD,
                FREE), StandardCharsets.UTF_8);

        String feedText = new String(feed, StandardCharsets.UTF_8);
        assertThat(forwarded).startsWith(feedText.endsWith("\n") ? feedText : feedText + "\n");
        assertThat(forwarded).endsWith("#zlib " + java.util.Base64.getEncoder().encodeToString(plain) + "\n");
        assertThat(again).as("the comment line is skipped: the same document again").isEqualTo(forwarded);
    }

    @Test
    void aForwardParameterOtherThanTrueOrFalseIsRefusedNamingIt() {
        assertThatThrownBy(() -> new AntivirusHandler().handle(new byte[10], Map.of("forward", "yes"), FREE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter forward must be true or false, but was 'yes'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook"})
    void theFormatCheckPassesARealForwardedOutputAndFailsAnUnforwardedOneOrTheInputEchoed(String name) throws Exception {
        TaskHandler handler = HandlerRegistry.of(BuiltInHandlers.all()).get(name);
        byte[] data = input(name);

        byte[] forwarded = handler.handle(data, FORWARD, FREE);
        byte[] plain = handler.handle(data, Map.of(), FREE);

        assertThat(Forwarding.problem(name, data, forwarded)).isEmpty();
        assertThat(Forwarding.problem(name, data, plain)).isPresent();
        assertThat(Forwarding.problem(name, data, data)).isPresent();
        assertThat(Forwarding.problem(name, data, new byte[0])).contains("empty output");
    }
}
