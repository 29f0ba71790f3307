package io.edgeoff.site.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the abuse harness ({@link SiteAbuse}) in every build, bounded, and writes its report to
 * {@code target/site-abuse-report.json}. {@code -Dabuse.seed=N -Dabuse.requests=N} run it bigger.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SiteAbuseTest {
    @TempDir
    Path dir;

    @Test
    void seededHostileRequestsAreAllAnsweredAndEveryErrorIsJson() throws Exception {
        long seed = Long.getLong("abuse.seed", 5725);
        int requests = Integer.getInteger("abuse.requests", 1500);

        SiteAbuse.Report report = SiteAbuse.run(seed, requests, dir);
        SiteAbuse.write(report, Path.of("target", "site-abuse-report.json"));
        System.out.println(report.summary());

        assertThat(report.unanswered()).as("%s", report.examples()).isZero();
        assertThat(report.nonJsonErrors()).as("%s", report.examples()).isZero();
        assertThat(report.answersByStatus()).containsKeys(200, 400, 401, 413);
    }
}
