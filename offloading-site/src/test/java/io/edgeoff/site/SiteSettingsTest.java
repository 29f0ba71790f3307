package io.edgeoff.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's settings: the file's, overridden by the flags, resolved against the scenario. */
class SiteSettingsTest {
    @TempDir
    Path dir;

    @Test
    void flagsWinOverTheFileAndTheScenarioFillsTheRest() throws Exception {
        Path file = Files.writeString(dir.resolve("ec.yaml"), "site: EC\nport: 9002\nmips: 5000\ntoken: file-token-123\n");
        SiteSettings flags = new SiteSettings(null, null, 9100, null, null, dir.resolve("data").toString(), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);

        SiteConfig config = SiteSettings.read(file).overriddenBy(flags).toConfig(() -> null, "env-token-123");

        assertThat(config.site().id()).isEqualTo("EC");
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.site().mips()).isEqualTo(5000);
        assertThat(config.site().cores()).as("the scenario's").isEqualTo(4);
        assertThat(config.token()).isEqualTo("file-token-123");
        assertThat(config.dataDirectory()).isEqualTo(dir.resolve("data"));
    }

    @Test
    void theFlagTokenIsAskedOnlyForAnExistingSiteAndWins() {
        SiteSettings noSite = SiteSettings.EMPTY;
        SiteSettings ec = SiteSettings.EMPTY.overriddenBy(new SiteSettings(null, "EC", null, null, "file-token-123",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));

        assertThatThrownBy(() -> noSite.toConfig(() -> {
            throw new AssertionError("asked for the token before the site was checked");
        }, null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--site is required");
        assertThat(ec.toConfig(() -> "flag-token-123", "env-token-123").token()).isEqualTo("flag-token-123");
    }

    @Test
    void anUnknownFieldOfTheFileIsNamedWithTheKnownOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "site: EC\nspeed: 3\n");

        assertThatThrownBy(() -> SiteSettings.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field 'speed'").hasMessageContaining("timeCompression");
    }
}
