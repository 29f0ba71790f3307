package io.edgeoff.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The demo's default failure trace for one site, generated (never read from data): outages arrive as a
 * Poisson process with mean time between failures {@code mtbfHours}; each lasts an exponentially
 * distributed time with mean {@code meanOutageHours} (at least {@code minOutageHours}); its mode is
 * {@code refuse} (60 %), {@code hang} (20 %) or {@code error} (20 %). Written in the site's generic trace
 * format, {@code startOffsetSeconds,durationSeconds,mode}, in trace time.
 */
final class SyntheticOutages {

    /**
     * Demo rates per site, trace hours: (mean time between failures, mean outage). A stress setting, much
     * more failure-prone than the LANL nodes, so a few-minute demo meets several outages per site.
     */
    static double[] demoRates(String siteId) {
        return switch (siteId) {
            case "EC" -> new double[] {16, 1.5};
            case "ED" -> new double[] {24, 1.5};
            case "ER" -> new double[] {36, 1.5};
            default -> new double[] {60, 1.5};
        };
    }

    private SyntheticOutages() {
    }

    static List<String> csv(double mtbfHours, double meanOutageHours, double minOutageHours, double spanHours,
                            RandomGenerator random) {
        if (!(mtbfHours > 0) || !(meanOutageHours > 0) || !(spanHours > 0)) {
            throw new IllegalArgumentException("mtbfHours, meanOutageHours and spanHours must be > 0, but were "
                    + mtbfHours + ", " + meanOutageHours + ", " + spanHours);
        }
        List<String> lines = new ArrayList<>();
        lines.add("startOffsetSeconds,durationSeconds,mode");
        double t = exponential(random, mtbfHours);
        while (t < spanHours) {
            double duration = Math.max(minOutageHours, exponential(random, meanOutageHours));
            double u = random.nextDouble();
            String mode = u < 0.6 ? "refuse" : u < 0.8 ? "hang" : "error";
            lines.add(String.format(Locale.ROOT, "%.1f,%.1f,%s", t * 3600, duration * 3600, mode));
            t += duration + exponential(random, mtbfHours);
        }
        return lines;
    }

    private static double exponential(RandomGenerator random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
