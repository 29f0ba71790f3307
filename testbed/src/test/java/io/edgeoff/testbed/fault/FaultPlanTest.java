package io.edgeoff.testbed.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultPlanTest {
    private static final List<String> SITES = List.of("ED", "EC", "ER", "CD");

    @Test
    void readsAPlanFileAndWritesItBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faults.csv");
        String csv = "start_s,site,kind,duration_s,extra_delay_ms,loss\n"
                + "7200,ED,link-down,600,,\n3600,EC,crash,1800,,\n9000,CD,degrade,3600,100,0.2\n";
        Files.writeString(file, "# a comment\n" + csv);

        FaultPlan plan = FaultPlan.read(file, SITES);

        assertThat(plan.events()).extracting(FaultEvent::siteId).containsExactly("EC", "ED", "CD");
        assertThat(plan.events().get(2).extraDelayMillis()).isEqualTo(100);
        assertThat(plan.toCsv()).isEqualTo("start_s,site,kind,duration_s,extra_delay_ms,loss\n"
                + "3600,EC,crash,1800,,\n7200,ED,link-down,600,,\n9000,CD,degrade,3600,100,0.2\n");
    }

    @Test
    void namesTheFileLineAndFieldOfABadValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "start_s,site,kind,duration_s,extra_delay_ms,loss\n10,XX,crash,5,,\n");
        Path file2 = dir.resolve("bad2.csv");
        Files.writeString(file2, "start_s,site,kind,duration_s,extra_delay_ms,loss\n10,EC,explode,5,,\n");
        Path file3 = dir.resolve("bad3.csv");
        Files.writeString(file3, "start_s,site,kind,duration_s,extra_delay_ms,loss\nsoon,EC,crash,5,,\n");

        assertThatThrownBy(() -> FaultPlan.read(file, SITES)).hasMessage(
                file + ":2: site: unknown remote site 'XX'; known: [ED, EC, ER, CD]");
        assertThatThrownBy(() -> FaultPlan.read(file2, SITES)).hasMessage(
                file2 + ":2: fault kind must be crash, link-down or degrade, but was 'explode'");
        assertThatThrownBy(() -> FaultPlan.read(file3, SITES)).hasMessage(
                file3 + ":2: start_s: not a number: 'soon'");
    }

    @Test
    void turnsTraceOutagesIntoFaultsMergingOverlapsDeterministically() {
        List<FaultPlan.Outage> outages = List.of(new FaultPlan.Outage("EC", 100, 50),
                new FaultPlan.Outage("EC", 120, 100), new FaultPlan.Outage("ED", 500, 10));
        FaultEvent degradation = new FaultEvent(0, "-", FaultKind.DEGRADE, 1, 80, 0.1);

        FaultPlan a = FaultPlan.fromOutages(outages, List.of(FaultKind.CRASH, FaultKind.LINK_DOWN, FaultKind.DEGRADE),
                new double[] {1, 1, 1}, degradation, new SplittableRandom(4));
        FaultPlan b = FaultPlan.fromOutages(outages, List.of(FaultKind.CRASH, FaultKind.LINK_DOWN, FaultKind.DEGRADE),
                new double[] {1, 1, 1}, degradation, new SplittableRandom(4));

        assertThat(a).isEqualTo(b);
        assertThat(a.events()).hasSize(2);
        assertThat(a.events().get(0).siteId()).isEqualTo("EC");
        assertThat(a.events().get(0).startSeconds()).isEqualTo(100);
        assertThat(a.events().get(0).durationSeconds()).isEqualTo(120);
    }

    @Test
    void compressesTraceTimeIntoWallTimeAndEndsBeforeTheNextBegins() {
        FaultPlan plan = new FaultPlan(List.of(FaultEvent.of(3600, "EC", FaultKind.CRASH, 3600),
                FaultEvent.of(7200, "EC", FaultKind.LINK_DOWN, 1800), FaultEvent.of(36000, "ED", FaultKind.CRASH, 60)));

        List<FaultAction> actions = FaultSchedule.of(plan, 3600, 5000);

        assertThat(actions).extracting(FaultAction::atMillis).containsExactly(1000L, 2000L, 2000L, 2500L);
        assertThat(actions).extracting(FaultAction::describe).containsExactly(
                "crash EC begins", "crash EC ends", "link-down EC begins", "link-down EC ends");
    }

    /** Manual time for the injector tests, in milliseconds. */
    private final AtomicLong now = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    /** What the target was asked to do, with the time. */
    private final List<String> done = new ArrayList<>();
    private final FaultTarget target = new FaultTarget() {
        public void crash(String s) { done.add(now.get() + " crash " + s); }
        public void recover(String s) { done.add(now.get() + " recover " + s); }
        public void linkDown(String s) { done.add(now.get() + " down " + s); }
        public void linkUp(String s) { done.add(now.get() + " up " + s); }
        public void degrade(String s, double d, double l) { done.add(now.get() + " degrade " + s + " " + d + " " + l); }
        public void restore(String s) { done.add(now.get() + " restore " + s); }
    };
    private final FaultPlan crashAndDegrade = new FaultPlan(List.of(FaultEvent.of(10, "EC", FaultKind.CRASH, 5),
            new FaultEvent(12, "CD", FaultKind.DEGRADE, 10, 50, 0.5)));

    @Test
    void injectsEachActionAtItsTimeAgainstTheTarget() {
        FaultInjector injector = new FaultInjector(FaultSchedule.of(crashAndDegrade, 10, Long.MAX_VALUE), target, clock,
                now::addAndGet);

        injector.runNow();

        assertThat(done).containsExactly("1000 crash EC", "1200 degrade CD 50.0 0.5", "1500 recover EC", "2200 restore CD");
        assertThat(injector.log()).hasSize(4).allMatch(l -> l.endsWith("(ok)"));
    }

    @Test
    void closingEndsEveryFaultThatHasBegunSoNothingStaysBroken() {
        java.util.concurrent.atomic.AtomicReference<FaultInjector> self = new java.util.concurrent.atomic.AtomicReference<>();
        FaultInjector injector = new FaultInjector(FaultSchedule.of(crashAndDegrade, 10, Long.MAX_VALUE), target, clock, wait -> {
            if (now.get() >= 1200) {
                self.get().close();
            } else {
                now.addAndGet(wait);
            }
        });
        self.set(injector);

        injector.runNow();

        assertThat(done).containsExactly("1000 crash EC", "1200 degrade CD 50.0 0.5", "1200 recover EC", "1200 restore CD");
        assertThat(injector.log()).hasSize(4);
        assertThat(injector.log().get(2)).endsWith("(ok, at close)");
    }
}
