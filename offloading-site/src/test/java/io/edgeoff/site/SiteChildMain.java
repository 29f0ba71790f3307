package io.edgeoff.site;

import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.nio.file.Path;

/**
 * Child process for crash tests: runs a site with data in {@code args[0]} on port {@code args[1]}
 * (default 0) and prints {@code PORT <n>}.
 */
public final class SiteChildMain {
    private SiteChildMain() {
    }

    public static void main(String[] args) throws Exception {
        SiteConfig config = SiteConfig.builder(new Site("EC", SiteKind.EDGE, 1_000_000, 2, 8, 150), TestSites.SEED_KINDS,
                Path.of(args[0])).token(TestSites.TOKEN).port(args.length > 1 ? Integer.parseInt(args[1]) : 0).build();
        SiteServer server = SiteServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close)); // SIGTERM: clean stop
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
