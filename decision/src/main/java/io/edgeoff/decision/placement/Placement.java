package io.edgeoff.decision.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The placement of one task by the {@link PlacementLoop}: every attempt (site, success or failure cause, duration,
 * device energy), the final site and why it was chosen. A mutable buffer, reused from task to task by one thread
 * (the simulator places millions of tasks with one), and filled by the loop and its {@link AttemptRunner}; read it
 * before placing the next task with it.
 *
 * @param <C> how a failed attempt failed
 */
public final class Placement<C> {
    private int task = -1;
    private int count;
    private int[] sites = new int[4];
    private Object[] failures = new Object[4];
    private double[] seconds = new double[4];
    private double[] energyJoules = new double[4];
    private boolean reported;
    private double totalSeconds;
    private double totalEnergyJoules;
    private int remoteAttempts;
    private int finalSite = -1;
    private PlacementReason reason = PlacementReason.POLICY_CHOICE;
    private PlacementReason pendingReason = PlacementReason.POLICY_CHOICE;
    private boolean[] excluded = new boolean[0];

    /** One attempt, as a value (for callers that keep attempts; the loop itself allocates none). */
    public record Attempt<C>(int site, C failure, double seconds, double energyJoules) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    void reset(int task, int siteCount) {
        this.task = task;
        count = 0;
        totalSeconds = 0;
        totalEnergyJoules = 0;
        remoteAttempts = 0;
        finalSite = -1;
        reason = PlacementReason.POLICY_CHOICE;
        if (excluded.length != siteCount) {
            excluded = new boolean[siteCount];
        } else {
            Arrays.fill(excluded, false);
        }
    }

    boolean[] excluded() {
        return excluded;
    }

    void begin(int site, PlacementReason why, boolean remote) {
        if (count == sites.length) {
            int n = 2 * count;
            sites = Arrays.copyOf(sites, n);
            failures = Arrays.copyOf(failures, n);
            seconds = Arrays.copyOf(seconds, n);
            energyJoules = Arrays.copyOf(energyJoules, n);
        }
        sites[count] = site;
        pendingReason = why;
        reported = false;
        if (remote) {
            remoteAttempts++;
        }
    }

    /** Reports that the current attempt completed the task ({@link AttemptRunner} only). */
    public void succeeded(double attemptSeconds, double attemptEnergyJoules) {
        report(null, attemptSeconds, attemptEnergyJoules);
    }

    /** Reports that the current attempt failed with {@code cause} ({@link AttemptRunner} only). */
    public void failed(C cause, double attemptSeconds, double attemptEnergyJoules) {
        report(Objects.requireNonNull(cause, "cause"), attemptSeconds, attemptEnergyJoules);
    }

    private void report(Object cause, double attemptSeconds, double attemptEnergyJoules) {
        if (reported) {
            throw new IllegalStateException("an attempt reports its outcome once; task " + task + " attempt " + count
                    + " reported twice");
        }
        if (!(attemptSeconds >= 0) || !(attemptEnergyJoules >= 0)) {
            throw new IllegalArgumentException("an attempt's seconds and energy must be >= 0, but were "
                    + attemptSeconds + " s and " + attemptEnergyJoules + " J");
        }
        reported = true;
        failures[count] = cause;
        seconds[count] = attemptSeconds;
        energyJoules[count] = attemptEnergyJoules;
        totalSeconds += attemptSeconds;
        totalEnergyJoules += attemptEnergyJoules;
        count++;
    }

    /** @return the duration of the attempt reported last, s (the loop's elapsed time; no bounds check) */
    double lastSeconds() {
        return seconds[count - 1];
    }

    /** @return true when the attempt reported last completed the task */
    boolean lastSucceeded() {
        return failures[count - 1] == null;
    }

    /** @return true when the current attempt reported (the loop checks that its runner did) */
    boolean reported() {
        return reported;
    }

    void finish(int site) {
        finalSite = site;
        reason = pendingReason;
    }

    /** @return the task placed */
    public int task() {
        return task;
    }

    /** @return attempts made, the successful last one included */
    public int attemptCount() {
        return count;
    }

    /** @return attempts that went to a remote site */
    public int remoteAttempts() {
        return remoteAttempts;
    }

    /** @return failed attempts */
    public int failures() {
        return finalSite < 0 ? count : count - 1;
    }

    public int site(int attempt) {
        return sites[checked(attempt)];
    }

    /** @return how attempt {@code attempt} failed, or null when it succeeded */
    @SuppressWarnings("unchecked")
    public C failure(int attempt) {
        return (C) failures[checked(attempt)];
    }

    public boolean succeeded(int attempt) {
        return failures[checked(attempt)] == null;
    }

    public double seconds(int attempt) {
        return seconds[checked(attempt)];
    }

    public double energyJoules(int attempt) {
        return energyJoules[checked(attempt)];
    }

    /** @return the site that completed the task */
    public int finalSite() {
        return finalSite;
    }

    /** @return why the task ended where it did: the policy's choice or a named fallback */
    public PlacementReason reason() {
        return reason;
    }

    /** @return the duration of all attempts (summed in attempt order), s */
    public double totalSeconds() {
        return totalSeconds;
    }

    /** @return the device energy of all attempts (summed in attempt order), J */
    public double totalEnergyJoules() {
        return totalEnergyJoules;
    }

    /** @return the attempts as values, in order (allocates) */
    public List<Attempt<C>> attempts() {
        List<Attempt<C>> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Attempt<>(sites[i], failure(i), seconds[i], energyJoules[i]));
        }
        return list;
    }

    private int checked(int attempt) {
        if (attempt < 0 || attempt >= count) {
            throw new IndexOutOfBoundsException("attempt must be in [0," + count + "), but was " + attempt);
        }
        return attempt;
    }
}
