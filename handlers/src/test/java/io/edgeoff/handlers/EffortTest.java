package io.edgeoff.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerException;
import io.edgeoff.task.HandlerLimits;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.HandlerRunner;
import io.edgeoff.task.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EffortTest {
    private static final HandlerContext FREE = HandlerContext.unlimited();
    private static final HandlerRegistry HANDLERS = HandlerRegistry.of(BuiltInHandlers.all());

    /** A small input of each handler, and the counter of its work that its output states. */
    private static byte[] smallInput(String name) {
        // seed 12: its chess position does not leave a king en prise (the generator's random moves are pseudo-legal)
        return BuiltInHandlers.input(name, 12, switch (name) {
            case "chess" -> 3;
            case "face-recognizer" -> 64;
            case "gps-navigator" -> 20;
            default -> 8192;
        });
    }

    private static long counter(String name, String output) {
        String pattern = switch (name) {
            case "chess" -> "\nnodes (\\d+)\n";
            case "antivirus" -> "\npasses (\\d+)\n";
            case "face-recognizer" -> "\npixels (\\d+)\n";
            case "gps-navigator" -> "\nsettled (\\d+)\n";
            default -> "\n#views \\d+ json (\\d+) ";
        };
        Matcher m = Pattern.compile(pattern).matcher(output);
        assertThat(m.find()).as("%s states its work in %s", name, output.substring(Math.max(0, output.length() - 300)))
                .isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String run(String name, byte[] input, int effortMi) throws Exception {
        Map<String, String> parameters = Map.of(Forwarding.PARAMETER, "true", Effort.PARAMETER, Integer.toString(effortMi));
        return new String(HANDLERS.get(name).handle(input, parameters, FREE), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"chess, 5, 20, 80", "antivirus, 5, 20, 80", "face-recognizer, 2, 5, 12", "gps-navigator, 5, 20, 80",
            "facebook, 5, 20, 80"})
    void moreEffortIsMoreWorkOnTheSameInput(String name, int low, int middle, int high) throws Exception {
        byte[] input = smallInput(name);

        long a = counter(name, run(name, input, low));
        long b = counter(name, run(name, input, middle));
        long c = counter(name, run(name, input, high));

        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook"})
    void theWorkDoneIsOfTheOrderTheEffortAsksFor(String name) throws Exception {
        byte[] input = smallInput(name);
        int effortMi = name.equals("face-recognizer") ? 5 : 20;
        double expected = effortMi * switch (name) {
            case "chess" -> ChessHandler.NODES_PER_MI;
            case "antivirus" -> AntivirusHandler.BYTES_PER_MI / input.length; // passes over the input
            case "face-recognizer" -> FaceRecognizerHandler.PIXELS_PER_MI;
            case "gps-navigator" -> GpsNavigatorHandler.SETTLED_PER_MI;
            default -> FacebookHandler.JSON_BYTES_PER_MI;
        };

        long units = counter(name, run(name, input, effortMi));

        assertThat((double) units).isBetween(expected, 2 * expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook"})
    void theSameInputAndEffortGiveTheSameOutputAValidForwardingOfIt(String name) throws Exception {
        byte[] input = smallInput(name);
        Map<String, String> parameters = Map.of(Forwarding.PARAMETER, "true", Effort.PARAMETER, "10");
        TaskHandler handler = HANDLERS.get(name);

        byte[] first = handler.handle(input, parameters, FREE);
        byte[] second = handler.handle(input, parameters, FREE);

        assertThat(first).isEqualTo(second);
        assertThat(Forwarding.problem(name, input, first)).isEmpty();
        assertThat(handler.handle(first, parameters, FREE)).as("the output is again a valid input").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook"})
    void withoutAnEffortTheOutputIsTheUsualOne(String name) throws Exception {
        byte[] input = smallInput(name);
        TaskHandler handler = HANDLERS.get(name);

        byte[] usual = handler.handle(input, Map.of(Forwarding.PARAMETER, "true"), FREE);
        byte[] zero = handler.handle(input, Map.of(Forwarding.PARAMETER, "true", Effort.PARAMETER, "0"), FREE);

        assertThat(zero).isEqualTo(usual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook"})
    void anEffortAboveTheMaximumIsRefusedAsInvalidInputNamingTheParameter(String name) {
        HandlerException refused = org.junit.jupiter.api.Assertions.assertThrows(HandlerException.class,
                () -> HandlerRunner.run(HANDLERS.get(name), smallInput(name), Map.of(Effort.PARAMETER, "20001"),
                        HandlerLimits.DEFAULT));

        assertThat(refused.reason()).isEqualTo(HandlerException.Cause.INVALID_INPUT);
        assertThat(refused.getMessage()).contains("parameter effortMi must be in [0, 20000], but was 20001");
        assertThatThrownBy(() -> Effort.millionInstructions(Map.of(Effort.PARAMETER, "99999999999")))
                .hasMessage("parameter effortMi must be an integer, but was '99999999999'");
        assertThatThrownBy(() -> Effort.millionInstructions(Map.of(Effort.PARAMETER, "-1")))
                .hasMessage("parameter effortMi must be in [0, 20000], but was -1");
    }

    @Test
    void theMaximumEffortOnATinyInputStopsAtEachHandlersCap() throws Exception {
        String antivirus = run("antivirus", BuiltInHandlers.input("antivirus", 3, 256), Effort.MAX_MI);
        String face = run("face-recognizer", BuiltInHandlers.input("face-recognizer", 3, 16), Effort.MAX_MI);
        String gps = run("gps-navigator", BuiltInHandlers.input("gps-navigator", 3, 3), Effort.MAX_MI);

        assertThat(antivirus).contains("\npasses " + AntivirusHandler.MAX_PASSES + "\n");
        assertThat(face).contains("\nviews " + FaceRecognizerHandler.MAX_VIEWS + "\n");
        assertThat(gps).contains("\nqueries " + GpsNavigatorHandler.MAX_QUERIES + "\n");
    }

    @Test
    void chessDeepensUntilItsNodeBudgetIsUsedAndSaysHowDeep() throws Exception {
        byte[] position = ChessHandler.input(5, 3);

        String small = run("chess", position, 2);
        String large = run("chess", position, 200);

        int shallow = Integer.parseInt(small.replaceAll("(?s).*\ndepth (\\d+)\n.*", "$1"));
        int deep = Integer.parseInt(large.replaceAll("(?s).*\ndepth (\\d+)\n.*", "$1"));
        assertThat(shallow).isGreaterThanOrEqualTo(1);
        assertThat(deep).isGreaterThan(shallow);
        assertThat(counter("chess", large)).isBetween(200 * (long) ChessHandler.NODES_PER_MI,
                200 * (long) ChessHandler.NODES_PER_MI + 1);
    }
}
