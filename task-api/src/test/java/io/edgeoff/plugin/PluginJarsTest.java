package io.edgeoff.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.task.TaskHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarsTest {
    private static final PluginJars.Naming POLICIES = new PluginJars.Naming("--policy-path", "policy directory",
            "a policy provider");

    @TempDir
    Path dir;

    @Test
    void aDirectoryGivesItsJarsSortedByNameAndNothingElse() throws IOException {
        Files.writeString(dir.resolve("b.jar"), "");
        Files.writeString(dir.resolve("a.jar"), "");
        Files.writeString(dir.resolve("notes.txt"), "");

        List<String> names = PluginJars.urls(dir, POLICIES).stream().map(u -> Path.of(u.getPath()).getFileName()
                .toString()).toList();

        assertThat(names).containsExactly("a.jar", "b.jar");
        assertThat(PluginJars.urls(dir.resolve("a.jar"), POLICIES)).hasSize(1);
        assertThat(PluginJars.urls(Files.createDirectories(dir.resolve("empty")), POLICIES)).isEmpty();
    }

    @Test
    void aPathThatIsNoJarOrDoesNotExistIsNamedWithItsOption() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "");

        assertThatThrownBy(() -> PluginJars.urls(text, POLICIES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--policy-path " + text + " is neither a .jar file nor a directory");
        assertThatThrownBy(() -> PluginJars.urls(dir.resolve("nowhere"), POLICIES))
                .hasMessage("--policy-path " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void walksTheProvidersOfTheClassPathInServiceLoaderOrder() {
        List<String> types = new ArrayList<>();

        PluginJars.forEachProvider(TaskHandler.class, getClass().getClassLoader(), POLICIES,
                provider -> types.add(provider.type().getName()));

        assertThat(types).isNotEmpty().doesNotHaveDuplicates();
    }
}
