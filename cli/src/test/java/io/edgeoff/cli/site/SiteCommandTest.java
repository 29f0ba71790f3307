package io.edgeoff.cli.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.cli.CliRun;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.injection.OutageMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SiteCommandTest {
    @TempDir
    Path dir;

    private static SiteConfig resolve(String... args) {
        SiteCommand command = new SiteCommand();
        new CommandLine(command).parseArgs(args);
        return command.resolve();
    }

    @Test
    void aHistoryInHourlySlotsKeepsItsLastWindowAndTheSiteServesSvrAndBest() {
        SiteConfig config = resolve("--site", "EC", "--token", "0123456789abcdef", "--trace-slot", "1h",
                "--time-compression", "3600", "--history-trace", "synthetic", "--history-window", "60d");

        assertThat(config.traceSlot()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(config.slot()).isEqualTo(java.time.Duration.ofSeconds(1));
        var history = config.historySeries().orElseThrow();
        assertThat(history.slot()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(history.size()).isBetween(60 * 24, 60 * 24 + 1);
        assertThat(history.nodeId().toString()).isEqualTo("16/1"); // EC's node in configuration 1
        assertThat(config.predictorNames()).containsExactly("weibull", "svr", "best");
    }

    @Test
    void runsTheScenariosSiteWithItsRatingAndTheSeedTaskKinds() {
        SiteConfig config = resolve("--site", "EC", "--token", "0123456789abcdef");

        assertThat(config.site().id()).isEqualTo("EC");
        assertThat(config.site().mips()).isEqualTo(8000);
        assertThat(config.site().cores()).isEqualTo(4);
        assertThat(config.taskKinds()).containsExactly("R", "DI", "CI");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.predictor()).isEqualTo(io.edgeoff.prediction.predictor.Predictors.DEFAULT_MODEL);
        assertThat(config.tokenGenerated()).isFalse();
    }

    @Test
    void readsTheTokenFromTheFirstLineOfATokenFile() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  file-token-0123456789  \nignored\n");

        SiteConfig config = resolve("--site", "EC", "--token-file", file.toString());

        assertThat(config.token()).isEqualTo("file-token-0123456789");
        assertThat(config.tokenGenerated()).isFalse();
    }

    @Test
    void refusesAnEmptyTokenFileAndATokenGivenTwice() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path file = Files.writeString(dir.resolve("token"), "file-token-0123456789\n");

        assertThatThrownBy(() -> resolve("--site", "EC", "--token-file", empty.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> resolve("--site", "EC", "--token-file", file.toString(), "--token", "0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give at most one of --token and --token-file");
    }

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path yaml = dir.resolve("site.yaml");
        Files.writeString(yaml, "site: ED\nport: 9001\ntimeCompression: 43200\noutageMode: hang\ncores: 2\n");

        SiteConfig config = resolve("--config", yaml.toString(), "--port", "9002");

        assertThat(config.site().id()).isEqualTo("ED");
        assertThat(config.port()).isEqualTo(9002);
        assertThat(config.site().cores()).isEqualTo(2);
        assertThat(config.timeCompression()).isEqualTo(43200);
        assertThat(config.slot().toMillis()).isEqualTo(2000);
        assertThat(config.traceOutageMode()).isEqualTo(OutageMode.HANG);
        assertThat(config.tokenGenerated()).isTrue();
    }

    @Test
    void boundsTheRequestLimitAndTheIdleTimeoutNamingTheValue() {
        SiteConfig config = resolve("--site", "EC", "--token", "0123456789abcdef", "--max-request-kb", "65536",
                "--idle-timeout-seconds", "2.5");

        assertThat(config.maxRequestBytes()).isEqualTo(64L << 20);
        assertThat(config.idleTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(resolve("--site", "EC", "--token", "0123456789abcdef").idleTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolve("--site", "EC", "--max-request-kb", "3000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--max-request-kb must be in [1, 65536], but was 3000000.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolve("--site", "EC", "--max-request-kb", "NaN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was NaN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolve("--site", "EC", "--idle-timeout-seconds", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--idle-timeout-seconds must be in [0.1, 3600], but was 0.0");
    }

    @Test
    void readsTheHandlerSettingsFromFlagsAndTheConfigFile() throws Exception {
        Path yaml = dir.resolve("site.yaml");
        Files.writeString(yaml, "site: ED\nhandlerPath: [/opt/edgeoff/handlers]\nhostMips: 2500\nhandlerMemoryMB: 256\n");

        SiteConfig config = resolve("--config", yaml.toString(), "--handler-timeout-seconds", "2.5");

        assertThat(config.handlers().handlerPath()).containsExactly(Path.of("/opt/edgeoff/handlers"));
        assertThat(config.handlers().hostMips()).isEqualTo(2500);
        assertThat(config.handlers().memoryBudgetBytes()).isEqualTo(256L << 20);
        assertThat(config.handlers().timeBudget()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(resolve("--site", "EC", "--handler-path", "a.jar,b").handlers().handlerPath())
                .containsExactly(Path.of("a.jar"), Path.of("b"));
        assertThatThrownBy(() -> resolve("--site", "EC", "--handler-timeout-seconds", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--handler-timeout-seconds must be in [0.001, 3600], but was 0.0");
        assertThatThrownBy(() -> resolve("--site", "EC", "--host-mips", "-5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--host-mips must be > 0, but was -5.0");
    }

    @Test
    void readsAScriptedOutageTrace() throws Exception {
        Path csv = dir.resolve("outages.csv");
        Files.writeString(csv, "startOffsetSeconds,durationSeconds,mode\n86400,3600,error\n");

        SiteConfig config = resolve("--site", "CD", "--failure-trace", csv.toString(), "--time-compression", "43200");

        assertThat(config.failureTrace()).hasValueSatisfying(t -> assertThat(t.outages()).hasSize(1));
    }

    @Test
    void aSyntheticTraceReplaysAndTeachesTheNodeOfTheSitesConfiguration() {
        SiteConfig config = resolve("--site", "EC", "--failure-trace", "synthetic", "--history-trace", "synthetic",
                "--configuration", "2");

        assertThat(config.failureTrace()).hasValueSatisfying(t -> {
            assertThat(t.name()).endsWith("#16/11");
            assertThat(t.outages()).isNotEmpty();
        });
        assertThat(config.historySeries()).hasValueSatisfying(s -> assertThat(s.size()).isGreaterThan(100));
    }

    @Test
    void userErrorsAreOneLineNamingTheValueWithExitCode2() throws Exception {
        Path badCsv = dir.resolve("bad.csv");
        Files.writeString(badCsv, "10,abc\n");
        Path badYaml = dir.resolve("bad.yaml");
        Files.writeString(badYaml, "site: EC\nprot: 1\n");

        CliRun unknown = CliRun.of("site", "--site", "XX");
        CliRun device = CliRun.of("site", "--site", "MD");
        CliRun missing = CliRun.of("site");
        CliRun trace = CliRun.of("site", "--site", "EC", "--failure-trace", badCsv.toString());
        CliRun config = CliRun.of("site", "--config", badYaml.toString());
        CliRun mode = CliRun.of("site", "--site", "EC", "--outage-mode", "melt");
        CliRun model = CliRun.of("site", "--site", "EC", "--predictor", "oracle");
        CliRun served = CliRun.of("site", "--site", "EC", "--predictors", "svr,oracle");
        CliRun slot = CliRun.of("site", "--site", "EC", "--trace-slot", "soon");
        CliRun window = CliRun.of("site", "--site", "EC", "--history-window", "60d");
        CliRun db = CliRun.of("site", "--site", "EC", "--port", "0", "--data-dir", badCsv.resolveSibling("db-data")
                .toString(), "--db-url", "mysql://localhost/x");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown site XX; known sites: [MD, ED, EC, ER, CD]");
        assertThat(device.err()).contains("site MD is the device");
        assertThat(missing.err()).contains("--site is required; remote sites of scenario seed: [ED, EC, ER, CD]");
        assertThat(trace.err()).contains("bad.csv:1: durationSeconds must be a number, but was 'abc'");
        assertThat(config.err()).contains("bad.yaml: unknown field 'prot'");
        assertThat(mode.err()).contains("unknown outage mode 'melt'");
        assertThat(model.err()).contains("unknown predictor 'oracle'");
        assertThat(served.err()).contains("unknown predictor 'oracle' in the served predictors");
        assertThat(slot.err()).contains("--trace-slot: slot length must be a number with unit d, h, m or s");
        assertThat(window.err()).contains("--history-window needs --history-trace");
        assertThat(db.err()).contains("database URL mysql://localhost/x is not a JDBC URL");
        for (CliRun run : new CliRun[] {unknown, device, missing, trace, config, mode, model, served, slot, window, db}) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void eventsPrintsTheFailureFileAndItsOutagesAsAGenericTrace() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        try (var file = io.edgeoff.site.failure.FailureFile.open(dir, io.edgeoff.site.failure.FailureFileOptions.DEFAULTS,
                clock)) {
            file.append(io.edgeoff.site.failure.FailureEventType.OUTAGE_STARTED, "mode=error");
            file.append(io.edgeoff.site.failure.FailureEventType.OUTAGE_ENDED, "mode=error");
        }

        CliRun events = CliRun.of("site", "events", "--data-dir", dir.toString());
        CliRun outages = CliRun.of("site", "events", "--data-dir", dir.toString(), "--outages", "--node", "16/1");

        assertThat(events.exitCode()).isZero();
        assertThat(events.out()).contains("1 2026-01-01T00:00:00Z OUTAGE_STARTED mode=error")
                .contains("# recovered 2 records");
        assertThat(outages.out()).isEqualTo("system,node,start,end\n16,1,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z\n");
    }
}
