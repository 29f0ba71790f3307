package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape configuration and the Grafana dashboard agree with the manifests and each other. */
class MonitoringFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern METRIC = Pattern.compile("\\b(edgeoff_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+|up)\\b(?=\\s*[{\\[(])");

    @Test
    void dashboardPanelsHaveUniqueIdsAndQueryThroughTheDatasourceVariable() throws IOException {
        JsonNode dashboard = dashboard();
        Set<Integer> ids = new HashSet<>();

        assertThat(dashboard.get("uid").asText()).isEqualTo("edgeoff-overview");
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel id %s is unique", panel.get("id")).isTrue();
            JsonNode grid = panel.get("gridPos");
            assertThat(grid.get("x").asInt() + grid.get("w").asInt()).as("panel %s fits 24 columns", panel.get("title"))
                    .isLessThanOrEqualTo(24);
            if (!panel.get("type").asText().equals("row")) {
                assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.get("targets")).as("queries of %s", panel.get("title")).isNotEmpty();
            }
        }
    }

    @Test
    void dashboardPanelsDoNotOverlap() throws IOException {
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : dashboard().get("panels")) {
            JsonNode g = panel.get("gridPos");
            int[] box = {g.get("x").asInt(), g.get("y").asInt(), g.get("w").asInt(), g.get("h").asInt()};
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as("panel %s overlaps another", panel.get("title")).isFalse();
            }
            boxes.add(box);
        }
    }

    @Test
    void dashboardQueriesOnlyTheDocumentedMetricsOfSitesAndDevice() throws IOException {
        Set<String> known = Set.copyOf(RepoFiles.resourceLines("dashboard-metrics.txt"));
        Set<String> used = new HashSet<>();

        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    used.add(m.group(1).replaceAll("_(bucket|sum|count|max)$", ""));
                }
            }
        }

        assertThat(known).containsAll(used);
        assertThat(used).anyMatch(n -> n.startsWith("edgeoff_site_")).anyMatch(n -> n.startsWith("edgeoff_device_"));
    }

    @Test
    void sitesScrapeJobKeepsExactlyThePodsTheManifestsLabelAndAnnotate() throws IOException {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        JsonNode job = scrapeJob("edgeoff-sites");
        Manifests base = ManifestInvariantsTest.rendered("base");
        var site = ManifestInvariantsTest.sites(base).get(0);

        assertThat(job.at("/kubernetes_sd_configs/0/namespaces/names/0").asText())
                .isEqualTo(base.deployments().get(0).getMetadata().getNamespace());
        for (JsonNode rule : job.get("relabel_configs")) {
            String source = rule.path("source_labels").path(0).asText();
            if (rule.path("action").asText().equals("keep") && source.startsWith("__meta_kubernetes_pod_label_")) {
                assertThat(site.podLabels()).as("pods carry the label the job keeps")
                        .containsEntry(labelKey(source, "__meta_kubernetes_pod_label_"), rule.get("regex").asText());
            }
            if (source.startsWith("__meta_kubernetes_pod_annotation_")) {
                assertThat(site.template().getMetadata().getAnnotations()).as("pods carry annotation %s", source)
                        .containsKey(labelKey(source, "__meta_kubernetes_pod_annotation_"));
            }
            assertThat(rule.path("target_label").asText()).as("the sites label their own series with site")
                    .isNotEqualTo("site");
        }
    }

    @Test
    void portRelabellingPointsTheScrapeAtTheAnnotatedPort() throws IOException {
        JsonNode rule = null;
        for (JsonNode r : scrapeJob("edgeoff-sites").get("relabel_configs")) {
            if (r.path("target_label").asText().equals("__address__")) {
                rule = r;
            }
        }

        String replaced = "10.42.0.7:80;8080".replaceAll("^(?:" + rule.get("regex").asText() + ")$",
                rule.get("replacement").asText());   // Prometheus and Java both write groups as $1

        assertThat(replaced).isEqualTo("10.42.0.7:8080");
    }

    /** Prometheus turns label {@code edgeoff.io/site} into {@code edgeoff_io_site}; find the original key. */
    private static String labelKey(String metaLabel, String prefix) {
        String sanitized = metaLabel.substring(prefix.length());
        for (String candidate : List.of("app.kubernetes.io/name", "edgeoff.io/site", "prometheus.io/scrape",
                "prometheus.io/path", "prometheus.io/port")) {
            if (candidate.replaceAll("[^A-Za-z0-9_]", "_").equals(sanitized)) {
                return candidate;
            }
        }
        return sanitized;
    }

    private static JsonNode scrapeJob(String name) throws IOException {
        JsonNode config = YAML.readTree(RepoFiles.resolve("kubernetes/monitoring/prometheus-scrape.yaml").toFile());
        for (JsonNode job : config.get("scrape_configs")) {
            if (job.get("job_name").asText().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("no scrape job " + name);
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(RepoFiles.resolve("kubernetes/monitoring/grafana-dashboard.json").toFile());
    }
}
