package io.edgeoff.simulator.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code shard.json}: which experiment a shard folder belongs to and which slice of it the folder holds. Written last,
 * so a folder with a manifest is a finished shard.
 *
 * @param format      the folder layout's version, {@value #FORMAT}
 * @param fingerprint the experiment's fingerprint ({@link Experiment#fingerprint()}), the same in every shard of it
 * @param shardIndex  this shard's index, in [0, shardCount - 1]
 * @param shardCount  how many shards the experiment was split into, &gt;= 1
 * @param units       units this shard ran (over every run)
 * @param experiment  what was run, enough to rebuild the unsharded run's reports
 */
public record ShardManifest(int format, String fingerprint, int shardIndex, int shardCount, long units,
                            Experiment experiment) {
    /** The version of the shard folder's layout. */
    public static final int FORMAT = 1;

    /** Writes records as JSON in a fixed (alphabetical) key order, so the fingerprint is the same on every JVM. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ShardManifest {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(experiment, "experiment");
        if (format != FORMAT) {
            throw new IllegalArgumentException("format must be " + FORMAT + " (this edgeoff's shard layout), but was "
                    + format);
        }
        Shard shard = new Shard(shardIndex, shardCount);
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, but was " + units);
        }
        if (!fingerprint.equals(experiment.fingerprint())) {
            throw new IllegalArgumentException("fingerprint " + fingerprint + " is not the fingerprint of the experiment "
                    + "it describes (" + experiment.fingerprint() + "): the file was edited or is corrupt");
        }
        long expected = shard.unitsOf(experiment.units().total());
        if (units != expected) {
            throw new IllegalArgumentException("units must be " + expected + " for shard " + shard + " of "
                    + experiment.units().total() + " units, but was " + units);
        }
    }

    /** @return the manifest of {@code shard} of {@code experiment} */
    public static ShardManifest of(Experiment experiment, Shard shard) {
        return new ShardManifest(FORMAT, experiment.fingerprint(), shard.index(), shard.count(),
                shard.unitsOf(experiment.units().total()), experiment);
    }

    /** @return this manifest's shard */
    public Shard shard() {
        return new Shard(shardIndex, shardCount);
    }

    /** @return the manifest as JSON, "\n" line ends and a final newline */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a shard manifest: " + e.getMessage(), e);
        }
    }

    /**
     * @param source names the text in messages (the file)
     * @throws IllegalArgumentException naming {@code source} and the problem when the text is not a valid manifest
     */
    public static ShardManifest parse(String json, String source) {
        try {
            return JSON.readValue(json, ShardManifest.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String problem = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(source + ": not a valid shard manifest: " + problem);
        }
    }

    /**
     * What was run, everything that decides a unit's numbers or the reports' bytes (not the thread count, which
     * decides neither).
     *
     * @param scenarioYaml     the scenario, in its canonical YAML form ({@link ScenarioYaml#write})
     * @param configurations   configuration ids
     * @param policies         policy names, in report order
     * @param samplings        samplings per configuration and policy
     * @param executions       executions per sampling
     * @param seed             the run seed
     * @param failureMode      {@code seed} or {@code time}
     * @param timeCompression  trace seconds per simulated second (time mode)
     * @param predictor        the outlook's predictor
     * @param downPredictor    the down probability's predictor
     * @param devices          devices sharing the sites
     * @param timeWeight       weight of time
     * @param energyWeight     weight of energy
     * @param weightSweep      whether the experiment includes the weight sweep's 11 runs
     * @param trace            where failure histories came from (the reports' {@code trace})
     * @param traceDigest      the trace's content: {@code sha256:<hex>} of the trace file, or the built-in trace's name
     * @param siteIds          the scenario's site ids, the per-site columns
     */
    public record Experiment(String scenarioYaml, List<Integer> configurations, List<String> policies, int samplings,
                             int executions, long seed, String failureMode, double timeCompression, String predictor,
                             String downPredictor, int devices, double timeWeight, double energyWeight,
                             boolean weightSweep, String trace, String traceDigest, List<String> siteIds) {
        public Experiment {
            Objects.requireNonNull(scenarioYaml, "scenarioYaml");
            Objects.requireNonNull(failureMode, "failureMode");
            Objects.requireNonNull(predictor, "predictor");
            Objects.requireNonNull(downPredictor, "downPredictor");
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(traceDigest, "traceDigest");
            configurations = List.copyOf(configurations);
            policies = List.copyOf(policies);
            siteIds = List.copyOf(siteIds);
        }

        /**
         * @param traceSource where the runner's failure histories come from ({@link ExperimentRunner#traceSource()})
         * @param traceDigest the trace's content ({@link io.edgeoff.simulator.availability.TraceSources#digest})
         */
        public static Experiment of(ExperimentSpec spec, boolean weightSweep, String traceSource, String traceDigest) {
            return new Experiment(ScenarioYaml.write(spec.scenario()), spec.configurations(), spec.policies(),
                    spec.samplings(), spec.executions(), spec.seed(), spec.failureMode().cliName(),
                    spec.timeCompression(), spec.predictor(), spec.downPredictor(), spec.devices(),
                    spec.weights().time(), spec.weights().energy(), weightSweep, traceSource, traceDigest,
                    ExperimentRunner.siteIds(spec));
        }

        /**
         * @param threads worker threads of the rebuilt spec (decide nothing in its results)
         * @param source  names the manifest in messages
         * @return the spec that was run, validated as every spec is
         */
        public ExperimentSpec toSpec(int threads, String source) {
            Scenario scenario = ScenarioYaml.parse(scenarioYaml, source + " (scenario)");
            try {
                return ExperimentSpec.of(scenario, configurations, policies, samplings, executions, seed).toBuilder()
                        .failureMode(FailureMode.parse(failureMode)).timeCompression(timeCompression)
                        .predictor(predictor).downPredictor(downPredictor).devices(devices)
                        .weights(new CostWeights(timeWeight, energyWeight)).threads(threads).build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        /** @return the experiment's units, with the sweep's runs when {@link #weightSweep} */
        public ExperimentUnits units() {
            return ExperimentUnits.of(toSpec(1, "experiment"), weightSweep);
        }

        /** @return {@code sha256:<hex>} of this experiment as canonical JSON (alphabetical keys) */
        public String fingerprint() {
            try {
                byte[] json = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
                return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
            } catch (JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot fingerprint the experiment: " + e.getMessage(), e);
            }
        }

        /** @return the name of the first value in which {@code other} differs from this experiment, if any */
        public Optional<String> firstDifference(Experiment other) {
            Map<?, ?> mine = JSON.convertValue(this, Map.class);
            Map<?, ?> theirs = JSON.convertValue(other, Map.class);
            return mine.keySet().stream().filter(k -> !Objects.equals(mine.get(k), theirs.get(k)))
                    .map(k -> k.equals("scenarioYaml") ? "scenario" : k.toString()).findFirst();
        }
    }
}
