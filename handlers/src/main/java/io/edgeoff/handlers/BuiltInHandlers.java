package io.edgeoff.handlers;

import io.edgeoff.task.TaskHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The built-in handlers, their seeded input generators and their place in the seed's applications.
 *
 * <p>Sizes ({@link #input}): {@code chess} the search depth in plies; {@code antivirus},
 * {@code facebook} and {@code synthetic-mi} bytes; {@code face-recognizer} the image's side in
 * pixels; {@code gps-navigator} the road grid's side in junctions.
 */
public final class BuiltInHandlers {
    /** Handler of each application of the seed scenario (every offloadable task of it runs this handler). */
    public static final Map<String, String> SEED_APPLICATIONS = Map.of(
            "CHESS", ChessHandler.NAME,
            "ANTIVIRUS", AntivirusHandler.NAME,
            "FACERECOGNIZER", FaceRecognizerHandler.NAME,
            "GPS_NAVIGATOR", GpsNavigatorHandler.NAME,
            "FACEBOOK", FacebookHandler.NAME);

    private BuiltInHandlers() {
    }

    /** @return one instance of each built-in handler (the same ones the services file registers) */
    public static List<TaskHandler> all() {
        return List.of(new ChessHandler(), new AntivirusHandler(), new FaceRecognizerHandler(),
                new GpsNavigatorHandler(), new FacebookHandler(), new SyntheticMiHandler());
    }

    /** @return the handler of a seed application's tasks, if it has one */
    public static Optional<String> handlerOf(String application) {
        return Optional.ofNullable(SEED_APPLICATIONS.get(application));
    }

    /**
     * The input of a built-in handler, generated from {@code seed} at {@code size} (unit per handler, above):
     * the same seed and size give the same bytes on every machine.
     */
    public static byte[] input(String handler, long seed, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, but was " + size);
        }
        return switch (handler) {
            case ChessHandler.NAME -> ChessHandler.input(seed, Math.min(size, ChessHandler.MAX_DEPTH));
            case AntivirusHandler.NAME -> AntivirusHandler.input(seed, size);
            case FaceRecognizerHandler.NAME -> FaceRecognizerHandler.input(seed, size);
            case GpsNavigatorHandler.NAME -> GpsNavigatorHandler.input(seed, size);
            case FacebookHandler.NAME -> FacebookHandler.input(seed, size);
            case SyntheticMiHandler.NAME -> randomBytes(seed, size);
            default -> throw new IllegalArgumentException("no built-in handler '" + handler + "'; built-in: "
                    + all().stream().map(TaskHandler::name).toList());
        };
    }

    private static byte[] randomBytes(long seed, int size) {
        byte[] out = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}
