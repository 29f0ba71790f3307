package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;

/** Small helpers over observed values (NaN = not observed). */
final class SeriesMath {
    private SeriesMath() {
    }

    static double[] observed(AvailabilitySeries s) {
        return java.util.Arrays.stream(s.values()).filter(v -> !Double.isNaN(v)).toArray();
    }

    static double[] requireObserved(AvailabilitySeries s) {
        double[] v = observed(s);
        if (v.length == 0) {
            throw new IllegalArgumentException("availability series of node " + s.nodeId() + " has no observed slot");
        }
        return v;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** Population standard deviation (numpy's default, ddof = 0). */
    static double sd(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / v.length);
    }

    static double[] constant(double value, int k) {
        Predictor.requireHorizon(k);
        double[] out = new double[k];
        java.util.Arrays.fill(out, Predictor.clamp01(value));
        return out;
    }
}
