package io.edgeoff.site;

import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process for the SIGTERM tests: a slow site (100 MIPS, 2 cores, so a 400 MI task takes 4 s of
 * paced time with little CPU) with data in {@code args[0]}, stopped on SIGTERM the way {@code edgeoff
 * site} stops it, with a grace period of {@code args[1]} ms. Prints {@code PORT <n>}.
 */
public final class ShutdownChildMain {
    private ShutdownChildMain() {
    }

    public static void main(String[] args) throws Exception {
        SiteConfig config = SiteConfig.builder(new Site("EC", SiteKind.EDGE, 100, 2, 8, 150), TestSites.SEED_KINDS,
                Path.of(args[0])).token(TestSites.TOKEN).port(0).build();
        SiteServer server = SiteServer.start(config);
        Duration grace = Duration.ofMillis(Long.parseLong(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.shutdown(grace)));
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
