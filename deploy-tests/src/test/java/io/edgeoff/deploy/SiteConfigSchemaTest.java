package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The key and flag lists the manifest checks use ({@code site-config-keys.txt},
 * {@code site-cli-flags.txt}) match the site that was built: its config-file record and its
 * {@code edgeoff help site}. Skipped while the build has no {@code edgeoff site}.
 */
class SiteConfigSchemaTest {

    private static final String CONFIG_FILE_CLASS = "io.edgeoff.site.SiteSettings";

    @Test
    void everyListedConfigKeyIsAFieldOfTheSitesConfigFile() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {ContainerImageTest.cliJar().toUri().toURL()}, null)) {
            Class<?> type;
            try {
                type = Class.forName(CONFIG_FILE_CLASS, false, loader);
            } catch (ClassNotFoundException e) {
                assumeTrue(false, "this build has no " + CONFIG_FILE_CLASS + " yet");
                return;
            }
            List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();

            assertThat(fields).as("fields of the site's config file").containsAll(RepoFiles.resourceLines("site-config-keys.txt"));
        }
    }

    @Test
    void everyListedFlagIsAnOptionOfEdgeoffSite() {
        Processes.Result help = Processes.run(List.of(Processes.javaExecutable().toString(), "-jar",
                ContainerImageTest.cliJar().toString(), "help", "site"), Map.of(), null, Duration.ofSeconds(30));
        assumeTrue(help.exitCode() == 0 && help.output().contains("edgeoff site"), "this build has no 'edgeoff site' yet");

        for (String flag : RepoFiles.resourceLines("site-cli-flags.txt")) {
            assertThat(help.output()).as("edgeoff help site").containsPattern("(^|[\\s,])" + flag + "[=\\s]");
        }
    }
}
