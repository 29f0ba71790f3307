package io.edgeoff.device.monitor;

/**
 * Parameters of the device's {@link AvailabilityBelief}.
 *
 * @param priorStrength    how many observations the site's own forecast is worth (k, &gt; 0; default 4)
 * @param halfLifeSeconds  observations lose half their weight every this many seconds (&gt; 0; default 30): an old
 *                         failure is forgotten, and a site avoided for a while is tried again
 * @param suspicionWeight  a suspicion by the failure detector counts as this many failed attempts (&gt;= 0;
 *                         default 0.5: a suspicion may be false, and a failed attempt that caused it is already
 *                         counted)
 */
public record BeliefConfig(double priorStrength, double halfLifeSeconds, double suspicionWeight) {
    public BeliefConfig {
        if (!(priorStrength > 0) || !Double.isFinite(priorStrength)) {
            throw new IllegalArgumentException("priorStrength must be finite and > 0, but was " + priorStrength);
        }
        if (!(halfLifeSeconds > 0) || !Double.isFinite(halfLifeSeconds)) {
            throw new IllegalArgumentException("halfLifeSeconds must be finite and > 0, but was " + halfLifeSeconds);
        }
        if (!(suspicionWeight >= 0) || !Double.isFinite(suspicionWeight)) {
            throw new IllegalArgumentException("suspicionWeight must be finite and >= 0, but was " + suspicionWeight);
        }
    }

    public static BeliefConfig ofDefaults() {
        return new BeliefConfig(4, 30, 0.5);
    }
}
