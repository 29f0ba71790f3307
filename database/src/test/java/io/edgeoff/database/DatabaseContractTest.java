package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.Range;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioException;
import io.edgeoff.common.scenario.ScenarioYaml;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every supported database must show. Runs on H2 ({@link H2DatabaseTest}) and on
 * PostgreSQL ({@link PostgresDatabaseTest}, when {@code EDGEOFF_TEST_PG_URL} is set); every test
 * gets an empty database or schema of its own.
 */
abstract class DatabaseContractTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456789Z");

    FreshDatabase fresh;
    Database db;

    /**
     * An empty database for one test. The pool waits up to 20 s for a connection, so a server that
     * another process restarts during a test does not fail it.
     */
    abstract FreshDatabase newDatabase() throws SQLException;

    @BeforeEach
    void openFreshDatabase() throws SQLException {
        fresh = newDatabase();
        db = Database.open(fresh.url(), Duration.ofSeconds(20), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        db.close();
        fresh.close();
    }

    @Test
    void migratesAnEmptyDatabaseToTheCurrentSchema() {
        DatabaseStatus before = db.status();

        int applied = db.migrate();
        DatabaseStatus after = db.status();

        assertThat(before.version()).isEqualTo("none");
        assertThat(before.pending()).hasSize(3);
        assertThat(applied).isEqualTo(3);
        assertThat(after.version()).isEqualTo("3");
        assertThat(after.upToDate()).isTrue();
        assertThat(after.applied()).containsExactly("1 parameters", "2 observations", "3 fleet");
        assertThat(db.migrate()).as("a second migration has nothing to do").isZero();
    }

    @Test
    void roundTripsTheExampleScenariosWithTheirDevicesCellsAndHandoverRule() {
        db.migrate();

        for (String name : List.of("campus-3-devices", "commuter-3-hotspots")) {
            Scenario example = ScenarioYaml.load(name);
            db.scenarios().save(example);
            Scenario back = db.scenarios().load(name);

            assertThat(back).isEqualTo(example);
            assertThat(ScenarioYaml.write(back)).isEqualTo(ScenarioYaml.write(example));
        }
        assertThat(db.scenarios().delete("commuter-3-hotspots")).isTrue();
        assertThat(db.scenarios().replace(ScenarioYaml.load("campus-3-devices"))).isTrue();
        assertThat(db.scenarios().load("campus-3-devices").fleet().devices()).hasSize(3);
    }

    @Test
    void refusesADeviceIdLongerThanItsColumnNamingTheField() {
        db.migrate();
        Scenario campus = ScenarioYaml.load("campus-3-devices");
        var devices = new java.util.ArrayList<>(campus.fleet().devices());
        var first = devices.get(0);
        devices.set(0, new io.edgeoff.common.mobility.DeviceSpec("d".repeat(101), first.workload(),
                first.executions(), first.meanIdleSeconds(), first.links(), first.cells()));
        Scenario longId = campus.withFleet(new io.edgeoff.common.mobility.Fleet(devices, campus.fleet().cells(),
                campus.fleet().handover(), campus.fleet().lookaheadSeconds()));

        assertThatThrownBy(() -> db.scenarios().save(longId)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("devices[0].id: must be at most 100 characters, but has 101");
        assertThat(db.scenarios().names()).isEmpty();
    }

    @Test
    void roundTripsTheSeedScenarioToIdenticalCanonicalYaml() {
        db.migrate();
        Scenario seed = ScenarioYaml.load("seed");

        db.scenarios().save(seed);
        Scenario back = db.scenarios().load("seed");

        assertThat(back).isEqualTo(seed);
        assertThat(ScenarioYaml.write(back)).isEqualTo(ScenarioYaml.write(seed));
    }

    @Test
    void roundTripsHostileNamesUnchangedAndLeavesTheTablesInPlace() {
        db.migrate();
        Scenario hostile = HostileScenarios.from(ScenarioYaml.load("seed"));

        db.scenarios().save(hostile);
        db.scenarios().save(ScenarioYaml.load("seed"));
        Scenario back = db.scenarios().load(HostileScenarios.INJECTION);

        assertThat(back).isEqualTo(hostile);
        assertThat(ScenarioYaml.write(back)).isEqualTo(ScenarioYaml.write(hostile));
        assertThat(back.sites()).extracting(s -> s.id()).contains(HostileScenarios.INJECTION, HostileScenarios.UNICODE);
        assertThat(back.application(HostileScenarios.QUOTES).tasks().get(0).name()).isEqualTo(HostileScenarios.UNICODE);
        assertThat(db.scenarios().names()).containsExactlyInAnyOrder(HostileScenarios.INJECTION, "seed");
        assertThat(db.scenarios().load("seed").sites()).hasSize(5);
    }

    @Test
    void roundTripsHostileTextInObservations() {
        db.migrate();
        FailureEvent event = FailureEvent.of(HostileScenarios.INJECTION, FailureKind.CRASH, NOW,
                NOW.plusSeconds(3), HostileScenarios.QUOTES + HostileScenarios.UNICODE);

        RunSpec spec = new RunSpec(HostileScenarios.UNICODE, HostileScenarios.INJECTION, RunMode.LIVE,
                OptionalInt.empty(), -1L, HostileScenarios.QUOTES);
        TaskOutcome outcome = new TaskOutcome(0, 0, HostileScenarios.QUOTES, HostileScenarios.UNICODE,
                HostileScenarios.INJECTION, 1, 1, 0);

        db.failureEvents().record(event);
        long run = db.runs().start(spec);
        db.runs().addOutcomes(run, List.of(outcome));
        db.detector().record(DetectorObservation.falseSuspicion(HostileScenarios.UNICODE, NOW, DetectionCause.OTHER));

        assertThat(db.failureEvents().forSite(HostileScenarios.INJECTION)).containsExactly(event);
        assertThat(db.failureEvents().forSite("EC")).isEmpty();
        assertThat(db.runs().find(run)).hasValueSatisfying(r -> assertThat(r.spec()).isEqualTo(spec));
        assertThat(db.runs().outcomes(run)).containsExactly(outcome);
        assertThat(db.detector().statsBySite()).extracting(SiteDetectorStats::siteId)
                .containsExactly(HostileScenarios.UNICODE);
    }

    @Test
    void loadsTheBuiltInSeedOnlyOnce() {
        db.migrate();

        boolean first = db.scenarios().saveIfAbsent(ScenarioYaml.load("seed"));
        boolean second = db.scenarios().saveIfAbsent(ScenarioYaml.load("seed"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(db.scenarios().names()).containsExactly("seed");
    }

    @Test
    void refusesToSaveASecondScenarioWithTheSameNameButReplacesOnRequest() {
        db.migrate();
        Scenario seed = ScenarioYaml.load("seed");
        db.scenarios().save(seed);
        db.scenarios().setServiceUrl("seed", "EC", Optional.of(URI.create("http://127.0.0.1:8081")));

        assertThatThrownBy(() -> db.scenarios().save(seed))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("scenario 'seed'")
                .hasMessageContaining("already in the database");
        boolean replaced = db.scenarios().replace(seed);

        assertThat(replaced).isTrue();
        assertThat(db.scenarios().load("seed")).isEqualTo(seed);
        assertThat(db.scenarios().serviceUrls("seed")).containsExactly(Map.entry("EC", URI.create("http://127.0.0.1:8081")));
    }

    @Test
    void namesTheStoredScenariosWhenAskedForAnUnknownOne() {
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));

        assertThatThrownBy(() -> db.scenarios().load("nope"))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("no scenario named 'nope' in the database; stored scenarios: [seed]");
    }

    @Test
    void deletesAScenarioWithAllItsParameters() {
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));

        assertThat(db.scenarios().delete("seed")).isTrue();
        assertThat(db.scenarios().delete("seed")).isFalse();
        assertThat(db.scenarios().find("seed")).isEmpty();
    }

    @Test
    void rejectsATaskWhoseKindTheScenarioDoesNotDeclareBeforeWritingAnything() {
        db.migrate();
        Scenario seed = ScenarioYaml.load("seed");
        TaskKind undeclared = new TaskKind("GPU", Range.fixed(10), Range.fixed(1), Range.fixed(1));
        Application chess = seed.application("CHESS");
        Application odd = new Application("CHESS", List.of(new TaskSpec("GUI", undeclared, 1, false)), List.of());
        Scenario broken = new Scenario("broken", seed.sites(), seed.links(), seed.taskKinds(),
                seed.applications().stream().map(a -> a == chess ? odd : a).toList(), seed.workload(),
                seed.devicePower(), seed.costWeights(), seed.failureDetectionSeconds(), seed.configurations());

        assertThatThrownBy(() -> db.scenarios().save(broken))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario 'broken': applications[")
                .hasMessageEndingWith(".tasks[0].kind: unknown task kind 'GPU'; known: [R, DI, CI]");
        assertThat(db.scenarios().find("broken")).as("nothing of the failed import is kept").isEmpty();
    }

    @Test
    void rejectsNonsenseWrittenAroundTheStores() throws SQLException {
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));
        long id = 1;

        assertThatThrownBy(() -> fresh.execute("UPDATE offloading_sites SET mips = -5 WHERE site_id = 'EC'"))
                .hasMessageContaining("offloading_sites_mips_positive");
        assertThatThrownBy(() -> fresh.execute("UPDATE workload_mix SET probability = 1.5"))
                .hasMessageContaining("workload_mix_probability_in_unit_interval");
        assertThatThrownBy(() -> fresh.execute("INSERT INTO dag_edges (scenario_id, application_name, position, "
                + "from_task, to_task) VALUES (" + id + ", 'CHESS', 99, 'GUI', 'NO_SUCH_TASK')"))
                .hasMessageContaining("dag_edges_to_fk");
        assertThatThrownBy(() -> fresh.execute("UPDATE offloading_sites SET kind = 'MOON'"))
                .hasMessageContaining("offloading_sites_kind_known");
        assertThatThrownBy(() -> fresh.execute("UPDATE links SET bandwidth_kbps = 0"))
                .hasMessageContaining("links_bandwidth_positive");
        assertThatThrownBy(() -> fresh.execute("UPDATE offloading_sites SET service_url = 'ftp://x'"))
                .hasMessageContaining("offloading_sites_service_url_http");
        assertThat(db.scenarios().load("seed")).isEqualTo(ScenarioYaml.load("seed"));
    }

    @Test
    void rejectsOutcomesOfAnUnknownRunNamingTheConstraint() {
        db.migrate();
        TaskOutcome outcome = new TaskOutcome(0, 0, "CHESS", "GUI", "MD", 0.2, 0.18, 0);

        assertThatThrownBy(() -> db.runs().addOutcomes(4242, List.of(outcome)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot add 1 task outcomes to run 4242")
                .hasMessageContaining("constraint task_outcomes_run_fk on table task_outcomes violated")
                .hasMessageContaining("a task outcome must belong to an existing run");
    }

    @Test
    void rejectsAServiceUrlForAnUnknownSiteNamingTheSites() {
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));

        assertThatThrownBy(() -> db.scenarios().setServiceUrl("seed", "XX", Optional.of(URI.create("http://h:1"))))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("site 'XX'")
                .hasMessageContaining("[MD, ED, EC, ER, CD]");
    }

    @Test
    void tellsTheUserToMigrateWhenTheSchemaIsMissing() {
        assertThatThrownBy(() -> db.scenarios().names())
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has no edgeoff tables; run 'edgeoff db migrate' first");
    }

    @Test
    void storesARunWithItsOutcomesAndSummarisesIt() {
        db.migrate();
        RunSpec spec = new RunSpec("seed", "mdp", RunMode.SIMULATED, OptionalInt.of(2), 42L, "smoke");
        List<TaskOutcome> outcomes = List.of(
                new TaskOutcome(0, 0, "CHESS", "GUI", "MD", 0.15, 0.135, 0),
                new TaskOutcome(0, 1, "CHESS", "UPDATE_CHESS", "EC", 0.5, 0.25, 1),
                new TaskOutcome(1, 0, "CHESS", "GUI", "MD", 0.25, 0.225, 0),
                new TaskOutcome(1, 1, "CHESS", "UPDATE_CHESS", "ED", 1.0, 0.5, 2));

        long run = db.runs().start(spec);
        db.runs().addOutcomes(run, outcomes);
        db.runs().finish(run);
        RunSummary summary = db.runs().summary(run);

        assertThat(db.runs().find(run)).hasValueSatisfying(r -> {
            assertThat(r.spec()).isEqualTo(spec);
            assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
            assertThat(r.finishedAt()).contains(Instant.parse("2026-03-01T12:00:00.123456Z"));
        });
        assertThat(db.runs().outcomes(run)).containsExactlyElementsOf(outcomes);
        assertThat(summary.executions()).isEqualTo(2);
        assertThat(summary.tasks()).isEqualTo(4);
        assertThat(summary.totalTimeSeconds()).isCloseTo(1.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(summary.totalEnergyJoules()).isCloseTo(1.11, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(summary.failedAttempts()).isEqualTo(3);
        assertThat(summary.tasksPerSite()).containsExactly(Map.entry("EC", 1L), Map.entry("ED", 1L),
                Map.entry("MD", 2L));
        assertThat(db.runs().list()).extracting(ExperimentRun::id).containsExactly(run);
    }

    @Test
    void rejectsADuplicateOutcomeAndKeepsNoneOfTheBatch() {
        db.migrate();
        long run = db.runs().start(new RunSpec("seed", "local", RunMode.LIVE, OptionalInt.empty(), 1L, ""));
        TaskOutcome outcome = new TaskOutcome(0, 0, "CHESS", "GUI", "MD", 0.15, 0.135, 0);

        assertThatThrownBy(() -> db.runs().addOutcomes(run, List.of(outcome, outcome)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("task_outcomes_pk");
        assertThat(db.runs().outcomes(run)).isEmpty();
    }

    @Test
    void storesFailureEventsAndCountsThemPerSite() {
        db.migrate();
        FailureEvent crash = FailureEvent.of("EC", FailureKind.CRASH, NOW, NOW.plusSeconds(60), "killed");
        FailureEvent hang = new FailureEvent("EC", FailureKind.HANG, NOW.plusSeconds(120), Optional.empty(), "");
        FailureEvent overload = FailureEvent.of("ED", FailureKind.OVERLOAD, NOW.plusSeconds(5), NOW.plusSeconds(6), "");

        db.failureEvents().recordAll(List.of(crash, overload));
        long ongoing = db.failureEvents().record(hang);
        boolean ended = db.failureEvents().markEnded(ongoing, NOW.plusSeconds(130));

        assertThat(ended).isTrue();
        assertThat(db.failureEvents().forSite("EC")).containsExactly(crash,
                FailureEvent.of("EC", FailureKind.HANG, NOW.plusSeconds(120), NOW.plusSeconds(130), ""));
        assertThat(db.failureEvents().between(NOW, NOW.plusSeconds(10))).containsExactly(crash, overload);
        assertThat(db.failureEvents().countsBySite()).containsExactly(Map.entry("EC", 2L), Map.entry("ED", 1L));
    }

    @Test
    void rejectsAFailureEventEndedBeforeItStartedNamingTheConstraint() {
        db.migrate();
        long id = db.failureEvents().record(new FailureEvent("EC", FailureKind.CRASH, NOW, Optional.empty(), ""));

        assertThatThrownBy(() -> db.failureEvents().markEnded(id, NOW.minusSeconds(1)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("failure_events_end_after_start")
                .hasMessageContaining("cannot end before it started");
    }

    @Test
    void summarisesTheFailureDetectorPerSite() {
        db.migrate();
        long run = db.runs().start(new RunSpec("seed", "mdp", RunMode.LIVE, OptionalInt.empty(), 7L, ""));
        List<DetectorObservation> observations = List.of(
                DetectorObservation.detected("EC", NOW, DetectionCause.TIMEOUT, 1500).inRun(run),
                DetectorObservation.detected("EC", NOW.plusSeconds(1), DetectionCause.REFUSED, 20),
                DetectorObservation.falseSuspicion("EC", NOW.plusSeconds(2), DetectionCause.MISSED_HEARTBEAT),
                DetectorObservation.falseSuspicion("ED", NOW.plusSeconds(3), DetectionCause.TIMEOUT));

        db.detector().recordAll(observations);
        List<SiteDetectorStats> stats = db.detector().statsBySite();

        assertThat(db.detector().forSite("EC")).containsExactlyElementsOf(observations.subList(0, 3));
        assertThat(stats).extracting(SiteDetectorStats::siteId).containsExactly("EC", "ED");
        SiteDetectorStats ec = stats.get(0);
        assertThat(ec.detectedFailures()).isEqualTo(2);
        assertThat(ec.falseSuspicions()).isEqualTo(1);
        assertThat(ec.meanDetectionLatencyMillis().getAsDouble()).isEqualTo(760.0);
        assertThat(ec.maxDetectionLatencyMillis().getAsDouble()).isEqualTo(1500.0);
        assertThat(ec.falseSuspicionRate()).isEqualTo(1.0 / 3);
        SiteDetectorStats ed = stats.get(1);
        assertThat(ed.detectedFailures()).isZero();
        assertThat(ed.meanDetectionLatencyMillis()).isEmpty();
        assertThat(ed.falseSuspicionRate()).isEqualTo(1.0);
    }

    /**
     * Every value just beyond a column limit of the schema ({@link HostileValues}): the domain model
     * or {@link ScenarioLimits} refuses it in one line naming the field, without SQL, before anything
     * is written; a replace leaves the stored scenario as it was. One database for all cases (they
     * write nothing), every failing case reported.
     */
    @Test
    void rejectsEveryValueBeyondASchemaLimitBeforeWritingAndKeepsTheStoredScenario() {
        db.migrate();
        Scenario seed = ScenarioYaml.load("seed");
        db.scenarios().save(seed);
        List<HostileValues.Case> cases = HostileValues.cases().toList();
        int reachedTheStore = 0;

        SoftAssertions softly = new SoftAssertions();
        for (HostileValues.Case hostile : cases) {
            Scenario mutated;
            try {
                mutated = hostile.apply(seed);
            } catch (IllegalArgumentException refusedByTheDomain) {
                softly.assertThatCode(() -> HostileValues.assertCleanOneLine(refusedByTheDomain.getMessage()))
                        .as(hostile.toString()).doesNotThrowAnyException();
                continue;
            }
            reachedTheStore++;
            softly.assertThatThrownBy(() -> db.scenarios().replace(mutated)).as(hostile.toString())
                    .isInstanceOf(ScenarioException.class)
                    .hasMessageContaining(": " + hostile.field())
                    .satisfies(e -> HostileValues.assertCleanOneLine(e.getMessage()));
        }

        softly.assertAll();
        assertThat(reachedTheStore).as("cases the domain model accepts and only the schema limits refuse")
                .isGreaterThan(cases.size() / 2);
        assertThat(db.scenarios().names()).containsExactly("seed");
        assertThat(db.scenarios().load("seed")).isEqualTo(seed);
    }

    /** As above, for the devices, cells and handover rule ({@link FleetHostileValues}, {@code V3__fleet.sql}). */
    @Test
    void rejectsEveryFleetValueBeyondASchemaLimitBeforeWritingAndKeepsTheStoredScenario() {
        db.migrate();
        Scenario base = FleetHostileValues.base();
        db.scenarios().save(base);
        List<HostileValues.Case> cases = FleetHostileValues.cases();
        int reachedTheStore = 0;

        SoftAssertions softly = new SoftAssertions();
        for (HostileValues.Case hostile : cases) {
            Scenario mutated;
            try {
                mutated = hostile.apply(base);
            } catch (IllegalArgumentException refusedByTheDomain) {
                softly.assertThatCode(() -> HostileValues.assertCleanOneLine(refusedByTheDomain.getMessage()))
                        .as(hostile.toString()).doesNotThrowAnyException();
                continue;
            }
            reachedTheStore++;
            softly.assertThatThrownBy(() -> db.scenarios().replace(mutated)).as(hostile.toString())
                    .isInstanceOf(ScenarioException.class)
                    .hasMessageContaining(": " + hostile.field())
                    .satisfies(e -> HostileValues.assertCleanOneLine(e.getMessage()));
        }

        softly.assertAll();
        assertThat(reachedTheStore).as("cases the domain model accepts and only the schema limits refuse")
                .isGreaterThan(cases.size() / 3);
        assertThat(db.scenarios().load(base.name())).isEqualTo(base);
    }

    @Test
    void rejectsAServiceUrlLongerThanItsColumnAndKeepsTheOldOne() {
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));
        db.scenarios().setServiceUrl("seed", "EC", Optional.of(URI.create("http://127.0.0.1:8081")));
        URI tooLong = URI.create("http://h/" + "p".repeat(2000));

        assertThatThrownBy(() -> db.scenarios().setServiceUrl("seed", "EC", Optional.of(tooLong)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> HostileValues.assertCleanOneLine(e.getMessage()))
                .hasMessageContaining("must be at most 2000 characters");
        assertThat(db.scenarios().serviceUrls("seed")).containsExactly(Map.entry("EC", URI.create("http://127.0.0.1:8081")));
    }

    /**
     * A replace that the database refuses halfway (here a rule the test adds to the schema, so that
     * the failure comes after the old rows are deleted) rolls back: the stored scenario is intact and
     * the message is one line without SQL.
     */
    @Test
    void aReplaceTheDatabaseRefusesHalfwayLeavesTheStoredScenarioIntact() throws SQLException {
        db.migrate();
        Scenario seed = ScenarioYaml.load("seed");
        Scenario slower = new Scenario("seed", seed.sites().stream().map(s -> new io.edgeoff.common.site.Site(s.id(),
                s.kind(), Math.min(s.mips(), 8000), s.cores(), s.memoryGb(), s.storageGb())).toList(), seed.links(),
                seed.taskKinds(), seed.applications(), seed.workload(), seed.devicePower(), seed.costWeights(),
                seed.failureDetectionSeconds(), seed.configurations());
        db.scenarios().save(slower);
        db.scenarios().setServiceUrl("seed", "EC", Optional.of(URI.create("http://127.0.0.1:8081")));
        fresh.execute("ALTER TABLE offloading_sites ADD CONSTRAINT test_only_slow_sites CHECK (mips <= 8000)");

        assertThatThrownBy(() -> db.scenarios().replace(seed))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot replace scenario 'seed': a constraint was violated (database said: ")
                .satisfies(e -> HostileValues.assertCleanOneLine(e.getMessage()));
        assertThat(db.scenarios().load("seed")).isEqualTo(slower);
        assertThat(db.scenarios().serviceUrls("seed")).containsExactly(Map.entry("EC", URI.create("http://127.0.0.1:8081")));
    }

    /** What the driver says for each kind of refusal, written around the stores, becomes one clean line. */
    @Test
    void driverRefusalsBecomeOneLineWithoutSql() throws SQLException {
        db.migrate();
        db.scenarios().save(ScenarioYaml.load("seed"));
        List<String> statements = List.of(
                "UPDATE scenarios SET name = '" + "x".repeat(300) + "'",
                "UPDATE offloading_sites SET mips = 1e300 WHERE site_id = 'EC'",
                "INSERT INTO applications (scenario_id, name, position) VALUES (1, 'CHESS', 99)",
                "INSERT INTO tasks (scenario_id, application_name, name, position, kind_name, memory_gb, offloadable, "
                        + "mi_min, mi_max, in_kb_min, in_kb_max, out_kb_min, out_kb_max) "
                        + "VALUES (1, 'CHESS', 'X', 99, 'NO_KIND', 1, TRUE, 1, 1, 1, 1, 1, 1)",
                "SELECT * FROM no_such_table");

        for (String statement : statements) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> fresh.execute(statement));
            DatabaseException error = io.edgeoff.database.internal.DatabaseErrors.translate("cannot do it",
                    db.url().redacted(), refused);

            HostileValues.assertCleanOneLine(error.getMessage());
            assertThat(error.getMessage()).startsWith("cannot do it: ");
        }
    }
}
