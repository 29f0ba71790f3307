package io.edgeoff.common.mobility;

/**
 * A device enters cell {@code cellId} at {@code atSeconds} (simulated time since the sampling began).
 *
 * @param atSeconds  s, finite and &gt;= 0
 * @param cellId     cell id, not blank
 */
public record CellVisit(double atSeconds, String cellId) {
    public CellVisit {
        if (!(atSeconds >= 0) || !Double.isFinite(atSeconds)) {
            throw new IllegalArgumentException("atSeconds must be finite and >= 0, but was " + atSeconds);
        }
        if (cellId == null || cellId.isBlank()) {
            throw new IllegalArgumentException("cell must not be blank, but was '" + cellId + "'");
        }
    }
}
