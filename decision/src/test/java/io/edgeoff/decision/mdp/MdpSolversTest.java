package io.edgeoff.decision.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MdpSolversTest {

    /** pymdptoolbox's forest example (S = 3, r1 = 4, r2 = 2, p = 0.1); rewards depend on (s, a) only. */
    static FiniteMdp forest(double discount) {
        double p = 0.1;
        double[][][] transitions = {
            {{p, 1 - p, 0}, {p, 0, 1 - p}, {p, 0, 1 - p}},
            {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}},
        };
        double[][] r = {{0, 0, 4}, {0, 1, 2}};
        double[][][] rewards = new double[2][3][3];
        for (int a = 0; a < 2; a++) {
            for (int s = 0; s < 3; s++) {
                java.util.Arrays.fill(rewards[a][s], r[a][s]);
            }
        }
        return new FiniteMdp(transitions, rewards, discount);
    }

    @Test
    void policyIterationSolvesTheForestExampleLikePymdptoolbox() {
        MdpSolution solution = PolicyIteration.solve(forest(0.9));

        assertThat(solution.policy()).containsExactly(0, 0, 0);
        assertThat(solution.values()[0]).isCloseTo(26.244, within(1e-9));
        assertThat(solution.values()[1]).isCloseTo(29.484, within(1e-9));
        assertThat(solution.values()[2]).isCloseTo(33.484, within(1e-9));
        assertThat(solution.converged()).isTrue();
    }

    @Test
    void valueIterationFindsTheSamePolicyOnTheForestExample() {
        MdpSolution solution = ValueIteration.solve(forest(0.9), 1e-6, 10_000);

        assertThat(solution.policy()).containsExactly(0, 0, 0);
        assertThat(solution.values()[2]).isCloseTo(33.484, within(1e-4));
    }

    @Test
    void twoStateMdpHasTheHandComputedValues() {
        // state 0: action 0 stays with reward 1, action 1 moves to state 1 with reward 0;
        // state 1: both actions stay with reward 2. gamma 0.5: V1 = 4, V0 = max(1 + 0.5 V0, 0 + 0.5 * 4) = 2.
        double[][][] p = {{{1, 0}, {0, 1}}, {{0, 1}, {0, 1}}};
        double[][][] r = {{{1, 0}, {0, 2}}, {{0, 0}, {0, 2}}};

        MdpSolution solution = PolicyIteration.solve(new FiniteMdp(p, r, 0.5));

        assertThat(solution.values()[0]).isCloseTo(2.0, within(1e-12));
        assertThat(solution.values()[1]).isCloseTo(4.0, within(1e-12));
        assertThat(solution.policy()[0]).as("exact tie 1 + 0.5*2 = 0 + 0.5*4 goes to the lowest action")
                .isZero();
        assertThat(solution.policy()[1]).isZero();
    }

    @Test
    void zeroDiscountIsMyopic() {
        double[][][] p = {{{1, 0}, {1, 0}}, {{0, 1}, {0, 1}}};
        double[][][] r = {{{1, 0}, {3, 0}}, {{0, 2}, {0, 2}}};

        MdpSolution solution = PolicyIteration.solve(new FiniteMdp(p, r, 0.0));

        assertThat(solution.policy()).containsExactly(1, 0);
        assertThat(solution.values()).containsExactly(2.0, 3.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void policyAndValueIterationAgreeOnRandomMdps(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int states = 2 + random.nextInt(7);
        int actions = 1 + random.nextInt(5);
        double discount = 0.5 + 0.45 * random.nextDouble();
        FiniteMdp mdp = randomMdp(random, actions, states, discount);

        MdpSolution exact = PolicyIteration.solve(mdp);
        MdpSolution approx = ValueIteration.solve(mdp, 1e-9, 100_000);

        for (int s = 0; s < states; s++) {
            assertThat(approx.values()[s]).isCloseTo(exact.values()[s], within(1e-6));
            double qExact = mdp.qValue(exact.policy()[s], s, exact.values());
            double qApprox = mdp.qValue(approx.policy()[s], s, exact.values());
            assertThat(qApprox).as("VI's action is optimal in state %d", s).isCloseTo(qExact, within(1e-6));
        }
    }

    static FiniteMdp randomMdp(SplittableRandom random, int actions, int states, double discount) {
        double[][][] p = new double[actions][states][states];
        double[][][] r = new double[actions][states][states];
        for (int a = 0; a < actions; a++) {
            for (int s = 0; s < states; s++) {
                double sum = 0;
                for (int t = 0; t < states; t++) {
                    p[a][s][t] = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
                    sum += p[a][s][t];
                    r[a][s][t] = random.nextDouble() * 10 - 5;
                }
                if (sum == 0) {
                    p[a][s][s] = 1;
                    sum = 1;
                }
                double rowSum = 0;
                for (int t = 0; t < states - 1; t++) {
                    p[a][s][t] /= sum;
                    rowSum += p[a][s][t];
                }
                p[a][s][states - 1] = Math.max(0, 1 - rowSum);
            }
        }
        return new FiniteMdp(p, r, discount);
    }

    @Test
    void rejectsRowsThatDoNotSumToOne() {
        double[][][] p = {{{0.5, 0.4}, {0, 1}}};
        double[][][] r = {{{0, 0}, {0, 0}}};

        assertThatThrownBy(() -> new FiniteMdp(p, r, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row P[0][0] must sum to 1, but sums to 0.9");
    }

    @Test
    void rejectsMismatchedDimensions() {
        double[][][] p = {{{1, 0}, {0, 1}}};
        double[][][] r = {{{0, 0}, {0, 0}}, {{0, 0}, {0, 0}}};
        double[][][] ragged = {{{1, 0}, {1}}};

        assertThatThrownBy(() -> new FiniteMdp(p, r, 0.9)).hasMessageContaining("rewards must have 1 actions");
        assertThatThrownBy(() -> new FiniteMdp(ragged, p, 0.9))
                .hasMessage("transitions[0][1] must have 2 columns, but has 1");
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitIntervalAndBadDiscounts() {
        double[][][] p = {{{1.5, -0.5}, {0, 1}}};
        double[][][] ok = {{{1, 0}, {0, 1}}};
        double[][][] r = {{{0, 0}, {0, 0}}};

        assertThatThrownBy(() -> new FiniteMdp(p, r, 0.9)).hasMessage("P[0][0][0] must be in [0,1], but was 1.5");
        assertThatThrownBy(() -> new FiniteMdp(ok, r, 1.0)).hasMessage("discount must be in [0,1), but was 1.0");
    }

    @Test
    void iterationCapIsReported() {
        MdpSolution solution = ValueIteration.solve(forest(0.99), 1e-12, 3);

        assertThat(solution.converged()).isFalse();
        assertThat(solution.iterations()).isEqualTo(3);
    }
}
