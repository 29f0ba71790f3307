import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.database.RunMode;
import io.edgeoff.database.RunSpec;
import io.edgeoff.database.TaskOutcome;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Times the database operations the framework uses (not part of the build or the tests):
 *
 * <pre>
 * ./mvnw -B -q -pl cli -am package -DskipTests
 * java -cp cli/target/edgeoff.jar database/perf/DatabaseTiming.java [JDBC_URL]
 * </pre>
 *
 * Without a URL it uses a fresh embedded H2 file in a temporary folder. Prints the median and the
 * 90th percentile of each operation over 30 repetitions after 10 warm-up repetitions.
 */
public class DatabaseTiming {
    static final int WARMUP = 10;
    static final int REPEATS = 30;

    public static void main(String[] args) throws Exception {
        DatabaseUrl url = args.length > 0 ? new DatabaseUrl(args[0])
                : DatabaseUrl.embedded(Files.createTempDirectory("edgeoff-timing").resolve("edgeoff"));
        Scenario seed = ScenarioYaml.load("seed");
        try (Database db = Database.open(url, Duration.ofSeconds(10), Clock.systemUTC())) {
            db.migrate();
            db.scenarios().replace(seed);
            System.out.println("database: " + url.redacted());
            time("replace seed scenario (1 transaction)", () -> db.scenarios().replace(seed));
            time("load seed scenario", () -> db.scenarios().load("seed"));
            List<TaskOutcome> outcomes = new ArrayList<>();
            for (int e = 0; e < 100; e++) {
                for (int t = 0; t < 10; t++) {
                    outcomes.add(new TaskOutcome(e, t, "GPS_NAVIGATOR", "T" + t, t % 2 == 0 ? "MD" : "EC",
                            0.1 * t, 0.05 * t, t % 3 == 0 ? 1 : 0));
                }
            }
            long[] run = new long[1];
            time("start run + add 1000 outcomes (1 batch)", () -> {
                run[0] = db.runs().start(new RunSpec("seed", "mdp", RunMode.SIMULATED, OptionalInt.of(1), 1, ""));
                db.runs().addOutcomes(run[0], outcomes);
            });
            time("summarise a run of 1000 outcomes", () -> db.runs().summary(run[0]));
            time("ping (SELECT 1)", db::ping);
        }
    }

    static void time(String what, Runnable operation) {
        for (int i = 0; i < WARMUP; i++) {
            operation.run();
        }
        double[] millis = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            operation.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-45s median %8.2f ms   p90 %8.2f ms%n", what, millis[REPEATS / 2],
                millis[(int) Math.ceil(REPEATS * 0.9) - 1]);
    }
}
