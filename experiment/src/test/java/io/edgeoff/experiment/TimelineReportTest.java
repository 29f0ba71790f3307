package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultRow;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.siteapi.FailureEvent;
import io.edgeoff.siteapi.FailureEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live reports keep failed attempts, suspicions and false suspicions apart, per policy, and draw the timeline:
 * a run of two policies on a manual clock (one offloads successfully, the other fails once on a site in an outage
 * while the detector raises two suspicions, one false) is written and the produced files are read back.
 */
class TimelineReportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> SITES = List.of("MD", "ED", "EC", "ER", "CD");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Timeline timeline = new Timeline("MD", T0, nanos::get);

    private void at(double seconds) {
        nanos.set(1_000_000_000L + Math.round(seconds * 1e9));
    }

    private LiveComparison.Outcome run() {
        timeline.outage("EC", 1.0, 4.0, "refuse");
        List<ExecutionResult> results = new ArrayList<>();
        at(0.5);
        timeline.executionStarted("mdp");
        at(1.0);
        TaskOutcome mdpTask = new TaskOutcome("r-mdp", "mdp", 0, "CHESS", 1, "COMPUTE_MOVE", 1, "ED", true,
                List.of(new Attempt(1, "ED", null, "", 0.4, 0.3)), 0.4, 0.3);
        timeline.task(mdpTask);
        ExecutionResult mdp = new ExecutionResult("r-mdp", "mdp", 0, "CHESS", 0.5, 0.3, List.of(mdpTask));
        timeline.execution(mdp);
        results.add(mdp);
        at(2.0);
        timeline.executionStarted("reactive");
        at(2.6);
        TaskOutcome reactiveTask = new TaskOutcome("r-reactive", "reactive", 0, "CHESS", 1, "COMPUTE_MOVE", 0, "MD",
                true, List.of(new Attempt(2, "EC", FailureKind.REFUSED, "refused", 0.3, 0.4),
                        new Attempt(0, "MD", null, "", 0.2, 0.2)), 0.5, 0.6,
                io.edgeoff.decision.placement.PlacementReason.NO_REMOTE_SITE_LEFT);
        timeline.task(reactiveTask);
        at(2.7);
        ExecutionResult reactive = new ExecutionResult("r-reactive", "reactive", 0, "CHESS", 0.7, 0.6,
                List.of(reactiveTask));
        timeline.execution(reactive);
        results.add(reactive);
        at(6.0);
        DetectionStats stats = new DetectionStats(List.of(
                new SuspicionEpisode("EC", T0.plusMillis(2200), "REFUSED", 80, 1800, true, false),
                new SuspicionEpisode("ED", T0.plusMillis(2400), "SILENCE", 510, 300, true, true),
                new SuspicionEpisode("EC", T0.plusMillis(5000), "REFUSED", 80, 100, true, false)),
                Map.of("EC", 3, "ED", 1), 1);
        List<ResultRow> rows = LiveRows.of(results, 1, 0, SITES, 34_200);
        List<PolicySummary> summaries = List.of(PolicySummary.of("mdp", rows), PolicySummary.of("reactive", rows));
        return new LiveComparison.Outcome(summaries, results, rows, stats, 250, timeline);
    }

    @Test
    void failedAttemptsSuspicionsAndFalseSuspicionsAreSeparateColumnsOfEveryReport(@TempDir Path dir)
            throws Exception {
        LiveComparison.Outcome outcome = run();

        LiveReports.writeAll(dir, "demo", Map.of("seed", 1), outcome);

        List<String> failures = Files.readAllLines(dir.resolve("failures.csv"), StandardCharsets.UTF_8);
        assertThat(failures.get(0)).isEqualTo("policy,reacts_to,executions,failed_attempts,"
                + "failed_attempts_per_execution,ci95_failed_attempts_per_execution,suspicions,false_suspicions,"
                + "device_fallbacks,device_fallback_reasons");
        assertThat(failures).contains("mdp,\"forecast+suspicion, fail->retry\",1,0,0.0000,,0,0,0,",
                "reactive,\"fail->device\",1,1,1.0000,,2,1,1,NO_REMOTE_SITE_LEFT=1");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.at("/detection/perPolicy/1/policy").asText()).isEqualTo("reactive");
        assertThat(json.at("/detection/perPolicy/1/failed_attempts").asLong()).isEqualTo(1);
        assertThat(json.at("/detection/perPolicy/1/suspicions").asInt()).isEqualTo(2);
        assertThat(json.at("/detection/perPolicy/1/false_suspicions").asInt()).isEqualTo(1);
        assertThat(json.at("/detection/perPolicy/1/device_fallbacks").asLong()).isEqualTo(1);
        assertThat(json.at("/detection/perPolicy/1/device_fallback_reasons/NO_REMOTE_SITE_LEFT").asLong())
                .isEqualTo(1);
        assertThat(json.at("/detection/perPolicy/0/device_fallbacks").asLong()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<th>failed attempts</th>", "<th>failed attempts per execution</th>",
                "<th>suspicions</th>", "<th>false suspicions</th>", "<th>reacts to</th>", "fail-&gt;device");
        assertThat(html.split("<img class=\"timeline\"", -1)).as("one timeline per remote site").hasSize(5);
        assertThat(html).contains("alt=\"timeline of EC\" src=\"data:image/png;base64,iVBORw0KGgo");
        String table = LiveReports.table(outcome);
        assertThat(table.lines().findFirst().orElseThrow()).contains("failed", "suspicions", "false", "reacts to");
        assertThat(table).containsPattern("reactive +1 .* 1 +1\\.00 ± +n/a +2 +1 ");
    }

    @Test
    void theTimelineHoldsOutagesAndEachPolicysAttemptsOnRemoteSitesAtTheirStart(@TempDir Path dir) throws Exception {
        LiveReports.writeAll(dir, "demo", Map.of(), run());

        List<String> lines = Files.readAllLines(dir.resolve("timeline.csv"), StandardCharsets.UTF_8);

        assertThat(lines.get(0)).isEqualTo("kind,site,policy,start_s,end_s,result");
        assertThat(lines).contains("outage,EC,,1.000,4.000,refuse", "execution,,mdp,0.500,1.000,0",
                "execution,,reactive,2.000,2.700,0", "attempt,ED,mdp,0.600,,ok", "attempt,EC,reactive,2.100,,failed");
        assertThat(lines).noneMatch(l -> l.startsWith("attempt,MD,"));
        byte[] png = TimelineChart.png(timeline.snapshot(), "EC", List.of("mdp", "reactive"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theReplayOriginIsTheSitesLastReplayStartedRecord() {
        FailureEvents events = new FailureEvents("EC", "ok", List.of(
                new FailureEvent(1, "2026-01-01T00:00:00Z", "SITE_STARTED", "site=EC"),
                new FailureEvent(2, "2026-01-01T00:00:01Z", "REPLAY_STARTED",
                        "trace=x fingerprint=1 compression=360.0 originEpochMillis=1767225601000 outages=2"),
                new FailureEvent(3, "2026-01-01T00:00:09Z", "OUTAGE_STARTED", "mode=refuse")));

        assertThat(ReplayOrigins.originIn(events)).contains(Instant.ofEpochMilli(1767225601000L));
        assertThat(ReplayOrigins.originIn(new FailureEvents("EC", "ok", List.of()))).isEmpty();
    }
}
