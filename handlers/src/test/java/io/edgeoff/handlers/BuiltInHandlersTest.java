package io.edgeoff.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.TaskHandler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BuiltInHandlersTest {
    private static final HandlerContext FREE = HandlerContext.unlimited();

    private static String run(TaskHandler handler, byte[] input, Map<String, String> parameters) throws Exception {
        return new String(handler.handle(input, parameters, FREE), StandardCharsets.UTF_8);
    }

    @Test
    void theServicesFileRegistersEveryBuiltInHandler() {
        HandlerRegistry registry = HandlerRegistry.load(BuiltInHandlers.class.getClassLoader());

        assertThat(registry.names()).containsExactlyInAnyOrder("chess", "antivirus", "face-recognizer", "gps-navigator",
                "facebook", "synthetic-mi");
        assertThat(BuiltInHandlers.SEED_APPLICATIONS.values()).allMatch(registry::has);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chess", "antivirus", "face-recognizer", "gps-navigator", "facebook", "synthetic-mi"})
    void inputsAndOutputsAreReproducibleFromTheSeed(String name) throws Exception {
        TaskHandler handler = HandlerRegistry.of(BuiltInHandlers.all()).get(name);
        int size = name.equals("chess") ? 2 : name.equals("face-recognizer") || name.equals("gps-navigator") ? 40 : 5000;

        byte[] a = BuiltInHandlers.input(name, 7, size);
        byte[] b = BuiltInHandlers.input(name, 7, size);
        byte[] other = BuiltInHandlers.input(name, 8, size);

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(handler.handle(a, Map.of(), FREE)).isEqualTo(handler.handle(b, Map.of(), FREE));
    }

    @Test
    void everyGeneratedChessPositionIsPlayable() throws Exception {
        for (long seed = 0; seed < 300; seed++) {
            byte[] position = ChessHandler.input(seed, 1);

            assertThat(run(new ChessHandler(), position, Map.of())).as("seed %d", seed).startsWith("bestmove ");
        }
    }

    @Test
    void forwardedChessRepliesStayPlayablePositionsWithBothKings() throws Exception {
        // generated positions are legal (no king left capturable), and a reply that would capture a king is
        // forwarded as the unchanged position: a chain of tasks never meets a board with one king
        for (long seed = 0; seed < 300; seed++) {
            byte[] position = ChessHandler.input(seed, 2);
            for (int task = 0; task < 3; task++) {
                String out = run(new ChessHandler(), position, Map.of(Forwarding.PARAMETER, "true"));
                assertThat(out).as("seed %d, task %d", seed, task).contains("bestmove ");
                assertThat(Forwarding.problem(ChessHandler.NAME, position, out.getBytes(StandardCharsets.UTF_8)))
                        .as("seed %d, task %d", seed, task).isEmpty();
                position = out.getBytes(StandardCharsets.UTF_8);
            }
            String fen = new String(ChessHandler.input(seed, 2), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertThat(fen.chars().filter(c -> c == 'k').count() + fen.chars().filter(c -> c == 'K').count())
                    .as("seed %d", seed).isEqualTo(2);
        }
    }

    @Test
    void chessTakesAHangingQueen() throws Exception {
        String out = run(new ChessHandler(), "4k3/8/8/3q4/8/8/3R4/4K3 w\n1".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(out).startsWith("bestmove d2d5\n");
    }

    @Test
    void chessDoesNotTakeAPoisonedPawnAtDepthTwo() throws Exception {
        // Rxd5 wins a pawn but loses the rook to the bishop; at depth 2 the search sees it.
        byte[] position = "4k3/8/2b5/3p4/8/8/3R4/4K3 w".getBytes(StandardCharsets.UTF_8);

        String shallow = run(new ChessHandler(), position, Map.of("depth", "1"));
        String deeper = run(new ChessHandler(), position, Map.of("depth", "2"));

        assertThat(shallow).startsWith("bestmove d2d5\n");
        assertThat(deeper).doesNotStartWith("bestmove d2d5\n");
    }

    @Test
    void chessSearchesMoreNodesAtGreaterDepth() throws Exception {
        byte[] position = BuiltInHandlers.input("chess", 3, 1);

        long two = nodes(run(new ChessHandler(), position, Map.of("depth", "2")));
        long four = nodes(run(new ChessHandler(), position, Map.of("depth", "4")));

        assertThat(four).isGreaterThan(4 * two);
    }

    private static long nodes(String out) {
        return Long.parseLong(out.lines().filter(l -> l.startsWith("nodes ")).findFirst().orElseThrow().substring(6));
    }

    @Test
    void antivirusCountsTheSameMatchesAsANaiveSearch() throws Exception {
        byte[] file = AntivirusHandler.input(11, 200_000);
        byte[][] signatures = AntivirusHandler.signatures(1, 512);
        long naive = 0;
        for (byte[] sig : signatures) {
            for (int i = 0; i + sig.length <= file.length; i++) {
                if (Arrays.equals(file, i, i + sig.length, sig, 0, sig.length)) {
                    naive++;
                }
            }
        }

        String out = run(new AntivirusHandler(), file, Map.of());

        assertThat(naive).isGreaterThanOrEqualTo(3);
        assertThat(out).startsWith("matches " + naive + "\n");
    }

    @Test
    void faceRecognizerFindsTheFourCornersOfASquare() throws Exception {
        int side = 64;
        byte[] image = new byte[8 + side * side];
        ByteBuffer.wrap(image).putInt(side).putInt(side);
        for (int y = 20; y < 44; y++) {
            for (int x = 20; x < 44; x++) {
                image[8 + y * side + x] = (byte) 200;
            }
        }

        String out = run(new FaceRecognizerHandler(), image, Map.of());

        var corners = out.lines().skip(1).limit(4).map(l -> l.split(" ")).toList();
        assertThat(out).startsWith("corners ");
        assertThat(corners).hasSize(4).allSatisfy(c -> {
            int x = Integer.parseInt(c[0]);
            int y = Integer.parseInt(c[1]);
            assertThat(Math.min(Math.abs(x - 20), Math.abs(x - 43))).isLessThanOrEqualTo(3);
            assertThat(Math.min(Math.abs(y - 20), Math.abs(y - 43))).isLessThanOrEqualTo(3);
        });
    }

    @Test
    void gpsNavigatorFindsTheSameDistanceAsBellmanFord() throws Exception {
        byte[] graph = GpsNavigatorHandler.input(5, 12);
        ByteBuffer in = ByteBuffer.wrap(graph);
        int n = in.getInt();
        int m = in.getInt();
        in.getInt();
        in.getInt();
        int[] from = new int[m];
        int[] to = new int[m];
        float[] w = new float[m];
        for (int e = 0; e < m; e++) {
            from[e] = in.getInt();
            to[e] = in.getInt();
            w[e] = in.getFloat();
        }
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[0] = 0;
        for (int round = 0; round < n; round++) {
            for (int e = 0; e < m; e++) {
                dist[to[e]] = Math.min(dist[to[e]], dist[from[e]] + w[e]);
                dist[from[e]] = Math.min(dist[from[e]], dist[to[e]] + w[e]);
            }
        }

        String out = run(new GpsNavigatorHandler(), graph, Map.of());

        assertThat(out).startsWith(String.format(java.util.Locale.ROOT, "distance %.1f\n", dist[n - 1]));
    }

    @Test
    void facebookOutputInflatesToTheFeedAsJson() throws Exception {
        byte[] feed = FacebookHandler.input(2, 20_000);
        long lines = new String(feed, StandardCharsets.UTF_8).lines().count();

        byte[] compressed = new FacebookHandler().handle(feed, Map.of(), FREE);

        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            json.write(buffer, 0, inflater.inflate(buffer));
        }
        JsonNode doc = new ObjectMapper().readTree(json.toByteArray());
        assertThat(doc.get("posts")).hasSize((int) lines);
        String firstText = new String(feed, StandardCharsets.UTF_8).lines().findFirst().orElseThrow().split("\t", 3)[2];
        assertThat(doc.get("posts").get(0).get("text").asText()).isEqualTo(firstText);
        assertThat(compressed.length).isLessThan(json.size());
    }

    @Test
    void syntheticMiGivesTheKernelsOutput() throws Exception {
        byte[] input = {1, 2, 3, 4, 5};

        byte[] out = new SyntheticMiHandler().handle(input, Map.of("kind", "DI", "millionInstructions", "12.5",
                "outBytes", "100"), FREE);

        assertThat(out).isEqualTo(ComputeKernel.expectedOutput("DI", 12.5, input, 100));
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new ChessHandler().handle("8/8 w".getBytes(StandardCharsets.UTF_8), Map.of(), FREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FEN must have 8 ranks");
        assertThatThrownBy(() -> new ChessHandler().handle(BuiltInHandlers.input("chess", 1, 2), Map.of("depth", "99"), FREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter depth must be in [1, 8], but was 99");
        assertThatThrownBy(() -> new FaceRecognizerHandler().handle(new byte[] {0, 0, 0, 9, 0, 0, 0, 9, 1}, Map.of(), FREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a 9 x 9 image has 81 pixels");
        assertThatThrownBy(() -> new GpsNavigatorHandler().handle(new byte[3], Map.of(), FREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new FacebookHandler().handle("no tabs here".getBytes(StandardCharsets.UTF_8), Map.of(), FREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed line 1");
        assertThatThrownBy(() -> new AntivirusHandler().handle(new byte[1], Map.of("signatures", "x"), FREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter signatures must be an integer");
    }
}
