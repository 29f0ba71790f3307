package io.edgeoff.common.cost;

/**
 * Power draw of the mobile device in each state, and its battery budget.
 *
 * @param uplinkWatts          transmitting, W (seed 1.3)
 * @param downlinkWatts        receiving, W (seed 1.0)
 * @param localExecutionWatts  computing locally, W (seed 0.9)
 * @param idleWatts            idle while a remote site works, W (seed 0.3)
 * @param batteryJoules        battery budget used for "battery lifetime %", J (seed 34 200)
 */
public record DevicePower(double uplinkWatts, double downlinkWatts, double localExecutionWatts, double idleWatts,
                          double batteryJoules) {
    public DevicePower {
        requirePositive("uplinkWatts", uplinkWatts);
        requirePositive("downlinkWatts", downlinkWatts);
        requirePositive("localExecutionWatts", localExecutionWatts);
        requirePositive("idleWatts", idleWatts);
        requirePositive("batteryJoules", batteryJoules);
    }

    /** The seed's values. */
    public static DevicePower seed() {
        return new DevicePower(1.3, 1.0, 0.9, 0.3, 34_200);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be > 0, but was " + value);
        }
    }
}
