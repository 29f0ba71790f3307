package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticOutagesTest {

    @Test
    void theSameSeedGivesTheSameTraceInTheSitesGenericFormat() {
        List<String> a = SyntheticOutages.csv(16, 1.5, 0.5, 200, new SplittableRandom(3));
        List<String> b = SyntheticOutages.csv(16, 1.5, 0.5, 200, new SplittableRandom(3));

        assertThat(a).isEqualTo(b);
        assertThat(a.get(0)).isEqualTo("startOffsetSeconds,durationSeconds,mode");
        assertThat(a.subList(1, a.size())).allMatch(l -> l.matches("[0-9.]+,[0-9.]+,(refuse|hang|error)"));
    }

    @Test
    void outagesDoNotOverlapStayInsideTheSpanAndMatchTheRate() {
        List<String> lines = SyntheticOutages.csv(16, 1.5, 0.5, 16_000, new SplittableRandom(1));

        double end = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double start = Double.parseDouble(cells[0]);
            assertThat(start).isGreaterThanOrEqualTo(end).isLessThan(16_000 * 3600.0);
            end = start + Double.parseDouble(cells[1]);
        }
        // about one outage per 16 + 1.5 hours
        assertThat(lines.size() - 1).isBetween(800, 1050);
    }
}
