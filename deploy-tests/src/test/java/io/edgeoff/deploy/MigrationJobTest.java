package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The migration Job's exact command ({@code edgeoff db migrate --url=jdbc:postgresql://postgres:5432/...})
 * run with the CLI jar against a real PostgreSQL 15: the one {@code .ci/run} starts
 * ({@code EDGEOFF_TEST_PG_URL}), in a schema of its own, with only the host, database and
 * credentials of the URL swapped for the test server's.
 */
class MigrationJobTest {

    @Test
    void migrationJobCommandMigratesARealPostgresAndCanRunAgain() throws Exception {
        String testUrl = System.getenv("EDGEOFF_TEST_PG_URL");
        assumeTrue(testUrl != null && testUrl.startsWith("jdbc:postgresql:"), "EDGEOFF_TEST_PG_URL is not set");
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        Container job = ManifestInvariantsTest.rendered("base").workloads().stream()
                .filter(w -> w.kind().equals("Job")).findFirst().orElseThrow()
                .template().getSpec().getContainers().get(0);
        String schema = "edgeoff_deploy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable().toString(), "-jar",
                ContainerImageTest.cliJar().toString()));
        for (String arg : job.getArgs()) {
            command.add(arg.startsWith("--url=") ? "--url=" + retarget(arg.substring(6), testUrl) + "&currentSchema=" + schema : arg);
        }
        try {
            Processes.Result first = Processes.run(command, Map.of(), null, Duration.ofSeconds(60));
            Processes.Result second = Processes.run(command, Map.of(), null, Duration.ofSeconds(60));

            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("applied").contains("stored the built-in scenario 'seed'");
            assertThat(second.exitCode()).as("a re-run Job succeeds: %s", second.output()).isZero();
            assertThat(second.output()).doesNotContain("stored the built-in scenario");
        } finally {
            try (Connection c = DriverManager.getConnection(testUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /**
     * The Job's URL with the test server's host, port, database and credentials; everything else
     * (scheme, parameter names, the password variable's place) as the Job has it.
     */
    private static String retarget(String jobUrl, String testUrl) {
        URI job = URI.create(jobUrl.substring(5));
        URI test = URI.create(testUrl.substring(5));
        Map<String, String> testParams = params(test.getRawQuery());
        Map<String, String> params = params(job.getRawQuery());
        assertThat(params).as("parameters of the Job's URL").containsOnlyKeys("user", "password");
        assertThat(params.get("password")).isEqualTo("$(POSTGRES_PASSWORD)");
        params.replaceAll((k, v) -> testParams.get(k));
        StringBuilder url = new StringBuilder("jdbc:" + job.getScheme() + "://" + test.getAuthority() + test.getPath() + "?");
        params.forEach((k, v) -> url.append(k).append('=').append(v).append('&'));
        return url.substring(0, url.length() - 1);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return result;
    }
}
