package io.edgeoff.decision.external;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one external policy did in a run, counted across all its instances and threads: decisions asked, answers
 * used, and fallbacks by cause with the first reason of each cause (for the report). Thread-safe.
 */
public final class ExternalPolicyStats {
    private final LongAdder decisions = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder[] fallbacks = new LongAdder[FallbackCause.values().length];
    private final AtomicReferenceArray<String> firstReasons = new AtomicReferenceArray<>(FallbackCause.values().length);

    public ExternalPolicyStats() {
        for (int i = 0; i < fallbacks.length; i++) {
            fallbacks[i] = new LongAdder();
        }
    }

    void answered() {
        decisions.increment();
        answered.increment();
    }

    void fellBack(FallbackCause cause, String reason) {
        decisions.increment();
        fallbacks[cause.ordinal()].increment();
        firstReasons.compareAndSet(cause.ordinal(), null, reason);
    }

    /** @return the counts so far */
    public Report snapshot(String policy, String fallback) {
        Map<FallbackCause, Long> counts = new EnumMap<>(FallbackCause.class);
        Map<FallbackCause, String> reasons = new EnumMap<>(FallbackCause.class);
        for (FallbackCause cause : FallbackCause.values()) {
            counts.put(cause, fallbacks[cause.ordinal()].sum());
            String reason = firstReasons.get(cause.ordinal());
            if (reason != null) {
                reasons.put(cause, reason);
            }
        }
        return new Report(policy, fallback, decisions.sum(), answered.sum(), counts, reasons);
    }

    /**
     * One external policy's counts.
     *
     * @param policy        the registry name ({@code external:URL})
     * @param fallback      the fallback policy's name
     * @param decisions     decisions asked of it
     * @param answered      decisions it answered validly within the budget
     * @param fallbacks     decisions taken by the fallback, by cause (every cause present)
     * @param firstReasons  the first reason seen of each cause that occurred
     */
    public record Report(String policy, String fallback, long decisions, long answered,
                         Map<FallbackCause, Long> fallbacks, Map<FallbackCause, String> firstReasons) {
        public Report {
            fallbacks = Map.copyOf(fallbacks);
            firstReasons = Map.copyOf(firstReasons);
        }

        /** @return decisions taken by the fallback, all causes */
        public long fallbackTotal() {
            return fallbacks.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * One line, e.g. {@code external:http://127.0.0.1:8000/decide: 1200 decisions, 1150 answered, 50 by the
         * fallback mdp (late 0, down 50, bad-status 0, nonsense 0); first down: connection refused}.
         */
        public String describe() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d decisions, %d answered, %d by the fallback %s (", policy, decisions, answered,
                    fallbackTotal(), fallback));
            FallbackCause[] causes = FallbackCause.values();
            for (int i = 0; i < causes.length; i++) {
                line.append(i == 0 ? "" : ", ").append(causes[i].label()).append(' ').append(fallbacks.get(causes[i]));
            }
            line.append(')');
            firstReasons.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    line.append("; first ").append(e.getKey().label()).append(": ").append(e.getValue()));
            return line.toString();
        }
    }
}
