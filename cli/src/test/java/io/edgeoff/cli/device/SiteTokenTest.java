package io.edgeoff.cli.device;

import io.edgeoff.experiment.Demo;
import io.edgeoff.experiment.LiveComparison;
import io.edgeoff.experiment.SiteArguments;
import io.edgeoff.experiment.SiteProcesses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.cli.site.SiteCommand;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.site.SiteConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sites, started as the demo starts them, get the bearer token in their environment: no child's
 * command line (readable by every user in {@code ps}) holds it, and the sites still authenticate with it.
 */
class SiteTokenTest {
    @TempDir
    Path dir;

    @Test
    void theDemoSitesAuthenticateWithATokenThatIsOnNoChildCommandLine() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/cmdline")), "needs Linux /proc");
        Scenario seed = ScenarioYaml.load("seed");
        String token = SiteConfig.randomToken();
        Path siteDir = dir.resolve("sites");
        List<String> commandLines = new ArrayList<>();
        List<String> environments = new ArrayList<>();
        List<Integer> withToken = new ArrayList<>();
        List<Integer> withWrongToken = new ArrayList<>();

        try (SiteProcesses sites = new SiteProcesses(msg -> { })) {
            List<SiteEndpoint> endpoints = Demo.startSites(sites, seed, token, siteDir, Map.of(), 1);
            sites.awaitHealthy(Duration.ofSeconds(120));
            for (SiteEndpoint site : endpoints) {
                Process p = sites.process(site.siteId());
                for (ProcessHandle h : Stream.concat(Stream.of(p.toHandle()), p.descendants()).toList()) {
                    commandLines.add(read(Path.of("/proc", Long.toString(h.pid()), "cmdline")));
                    environments.add(read(Path.of("/proc", Long.toString(h.pid()), "environ")));
                }
                withToken.add(outages(site, token));
                withWrongToken.add(outages(site, "not-" + token));
            }
        }

        assertThat(commandLines).hasSizeGreaterThanOrEqualTo(seed.remoteSites().size())
                .allSatisfy(cmd -> assertThat(cmd).contains("site").doesNotContain(token).doesNotContain("--token"));
        assertThat(environments).allSatisfy(env -> assertThat(env).contains(SiteCommand.TOKEN_ENV + "=" + token));
        assertThat(withToken).as("GET /v1/admin/outages with the token").containsOnly(200);
        assertThat(withWrongToken).as("GET /v1/admin/outages with another token").containsOnly(401);
        try (Stream<Path> logs = Files.list(siteDir)) {
            // each site's log and its failure monitor's (the monitor is given no token at all)
            assertThat(logs.filter(f -> f.toString().endsWith(".log")).toList()).hasSize(2 * seed.remoteSites().size())
                    .allSatisfy(log -> {
                        assertThat(Files.readString(log)).doesNotContain(token);
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
                                .isEqualTo("rw-------");
                    });
        }
    }

    @Test
    void aLaunchWithTheTokenOnItsCommandLineIsRefused() {
        List<String> args = new ArrayList<>(SiteArguments.of("EC", 1, dir, null, 1));
        args.addAll(List.of("--token", "secret-token"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SiteProcesses.SiteLaunch("EC", 1, args,
                        "secret-token", dir.resolve("EC.log")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never on the command line");
    }

    private static String read(Path procFile) throws IOException {
        return new String(Files.readAllBytes(procFile), StandardCharsets.UTF_8).replace('\0', ' ');
    }

    private static int outages(SiteEndpoint site, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(site.resolve("admin/outages"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
