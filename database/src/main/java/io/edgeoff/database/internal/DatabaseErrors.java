package io.edgeoff.database.internal;

import io.edgeoff.database.DatabaseException;
import io.edgeoff.database.DatabaseUrl;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns driver and pool exceptions into a {@link DatabaseException} whose message names what
 * failed: the violated constraint, its table and what it requires (with the row the database
 * quotes), an unreachable database (URL with the password hidden), a refused login or a missing
 * schema.
 */
public final class DatabaseErrors {
    /** Every named constraint of the schema and what it requires, in words. */
    private static final Map<String, String> CONSTRAINTS = new LinkedHashMap<>();

    static {
        c("scenarios_pk", "scenario ids are unique");
        c("scenarios_name_unique", "scenario names are unique");
        c("scenarios_name_not_blank", "a scenario name must not be blank");
        c("scenarios_power_positive", "device power draws (W) and battery (J) must be > 0 and finite");
        c("scenarios_weights_in_unit_interval", "cost weights must be in [0,1]");
        c("scenarios_detection_non_negative", "failure detection time must be >= 0 s and finite");
        c("offloading_sites_pk", "site ids are unique within a scenario");
        c("offloading_sites_position_unique", "site positions are unique within a scenario");
        c("offloading_sites_scenario_fk", "a site must belong to an existing scenario");
        c("offloading_sites_id_not_blank", "a site id must not be blank");
        c("offloading_sites_position_non_negative", "a site position must be >= 0");
        c("offloading_sites_kind_known", "a site kind must be DEVICE, EDGE or CLOUD");
        c("offloading_sites_mips_positive", "a site's MIPS must be > 0 and finite");
        c("offloading_sites_cores_positive", "a site needs at least 1 core");
        c("offloading_sites_capacity_non_negative", "a site's memory and storage (GB) must be >= 0 and finite");
        c("offloading_sites_service_url_http", "a site's service URL must start with http:// or https://");
        c("links_pk", "link positions are unique within a scenario");
        c("links_site_a_fk", "a link must start at a site of its scenario");
        c("links_site_b_fk", "a link must end at a site of its scenario");
        c("links_distinct_ends", "a link must join two different sites");
        c("links_latency_non_negative", "link latencies (ms) must be >= 0 and finite");
        c("links_bandwidth_positive", "link bandwidth (KB/s) must be > 0 and finite");
        c("task_kinds_pk", "task kind names are unique within a scenario");
        c("task_kinds_position_unique", "task kind positions are unique within a scenario");
        c("task_kinds_scenario_fk", "a task kind must belong to an existing scenario");
        c("task_kinds_name_not_blank", "a task kind name must not be blank");
        c("task_kinds_ranges_valid", "task kind ranges need 0 <= min <= max");
        c("applications_pk", "application names are unique within a scenario");
        c("applications_position_unique", "application positions are unique within a scenario");
        c("applications_scenario_fk", "an application must belong to an existing scenario");
        c("applications_name_not_blank", "an application name must not be blank");
        c("tasks_pk", "task names are unique within an application");
        c("tasks_position_unique", "task positions are unique within an application");
        c("tasks_application_fk", "a task must belong to an existing application");
        c("tasks_kind_fk", "a task must name a task kind of its scenario");
        c("tasks_name_not_blank", "a task name must not be blank");
        c("tasks_memory_non_negative", "a task's memory (GB) must be >= 0 and finite");
        c("tasks_ranges_valid", "task ranges need 0 <= min <= max");
        c("dag_edges_pk", "edge positions are unique within an application");
        c("dag_edges_unique", "an edge appears at most once in an application");
        c("dag_edges_from_fk", "an edge must start at a task of its application");
        c("dag_edges_to_fk", "an edge must end at a task of its application");
        c("dag_edges_no_self_loop", "an edge must join two different tasks");
        c("workload_mix_pk", "an application appears at most once in the workload mix");
        c("workload_mix_position_unique", "workload positions are unique within a scenario");
        c("workload_mix_application_fk", "the workload mix must name an application of its scenario");
        c("workload_mix_probability_in_unit_interval", "a workload probability must be in [0,1]");
        c("configurations_pk", "configuration ids are unique within a scenario");
        c("configurations_position_unique", "configuration positions are unique within a scenario");
        c("configurations_scenario_fk", "a configuration must belong to an existing scenario");
        c("configurations_id_positive", "a configuration id must be >= 1");
        c("node_candidates_pk", "a site has at most one node candidate per configuration");
        c("node_candidates_position_unique", "node candidate positions are unique within a configuration");
        c("node_candidates_configuration_fk", "a node candidate must belong to an existing configuration");
        c("node_candidates_site_fk", "a node candidate must name a site of its scenario");
        c("node_candidates_trace_ids_non_negative", "trace system and node ids must be >= 0");
        c("failure_events_pk", "failure event ids are unique");
        c("failure_events_site_not_blank", "a failure event must name its site");
        c("failure_events_kind_known", "a failure event kind must be one of CRASH, REFUSE, HANG, ERROR, OVERLOAD, "
                + "EXECUTION_FAILURE, TRACE_OUTAGE");
        c("failure_events_end_after_start", "a failure event cannot end before it started");
        c("experiment_runs_pk", "run ids are unique");
        c("experiment_runs_scenario_not_blank", "a run must name its scenario");
        c("experiment_runs_policy_not_blank", "a run must name its policy");
        c("experiment_runs_mode_known", "a run mode must be SIMULATED or LIVE");
        c("experiment_runs_configuration_positive", "a run's configuration id must be >= 1");
        c("experiment_runs_finish_after_start", "a run cannot finish before it started");
        c("task_outcomes_pk", "a task outcome is recorded once per run, execution and task");
        c("task_outcomes_run_fk", "a task outcome must belong to an existing run");
        c("task_outcomes_indices_non_negative", "execution and task indices must be >= 0");
        c("task_outcomes_names_not_blank", "application, task and site names of an outcome must not be blank");
        c("task_outcomes_time_non_negative", "a task's time (s) must be >= 0 and finite");
        c("task_outcomes_energy_non_negative", "a task's energy (J) must be >= 0 and finite");
        c("task_outcomes_failed_attempts_non_negative", "failed attempts must be >= 0");
        c("detector_observations_pk", "detector observation ids are unique");
        c("detector_observations_run_fk", "a detector observation must name an existing run (or none)");
        c("detector_observations_site_not_blank", "a detector observation must name its site");
        c("detector_observations_outcome_known", "a detector outcome must be FAILURE_DETECTED or FALSE_SUSPICION");
        c("detector_observations_cause_known", "a detection cause must be TIMEOUT, REFUSED, SERVER_ERROR, "
                + "MISSED_HEARTBEAT or OTHER");
        c("detector_observations_latency_non_negative", "a detection latency (ms) must be >= 0 and finite");
        c("detector_observations_detected_has_latency", "a detected failure needs its detection latency");
        c("scenario_mobility_pk", "a scenario has one mobility section");
        c("scenario_mobility_scenario_fk", "a mobility section must belong to an existing scenario");
        c("scenario_mobility_rule_known", "a handover rule must be FINISH_OLD_PATH or FAIL_AND_REDECIDE");
        c("scenario_mobility_lookahead_non_negative", "the handover lookahead (s) must be >= 0 and finite");
        c("cells_pk", "cell ids are unique within a scenario");
        c("cells_position_unique", "cell positions are unique within a scenario");
        c("cells_scenario_fk", "a cell must belong to an existing scenario");
        c("cells_id_not_blank", "a cell id must not be blank");
        for (String owner : new String[] {"cell", "device"}) {
            c(owner + "_links_pk", "a " + owner + " has at most one link to each site");
            c(owner + "_links_position_unique", "link positions are unique within a " + owner);
            c(owner + "_links_" + owner + "_fk", "a " + owner + "'s link must belong to an existing " + owner);
            c(owner + "_links_site_fk", "a " + owner + "'s link must lead to a site of its scenario");
            c(owner + "_links_latency_non_negative", "a " + owner + "'s link latency (ms) must be >= 0 and finite");
            c(owner + "_links_bandwidth_positive", "a " + owner + "'s link bandwidth (KB/s) must be > 0 and finite");
        }
        c("devices_pk", "device ids are unique within a scenario");
        c("devices_position_unique", "device positions are unique within a scenario");
        c("devices_scenario_fk", "a device must belong to an existing scenario");
        c("devices_id_not_blank", "a device id must not be blank");
        c("devices_executions_positive", "a device's executions must be >= 1 (or not given)");
        c("devices_idle_non_negative", "a device's mean idle time (s) must be >= 0 and finite");
        c("devices_repeat_non_negative", "a device's cell schedule period (s) must be >= 0 and finite");
        c("device_workload_pk", "a device's workload names each application once");
        c("device_workload_position_unique", "workload positions are unique within a device");
        c("device_workload_device_fk", "a device's workload must belong to an existing device");
        c("device_workload_application_fk", "a device's workload must name an application of its scenario");
        c("device_workload_probability_in_unit_interval", "a device's workload probabilities must be in [0,1]");
        c("device_cell_visits_pk", "visit positions are unique within a device");
        c("device_cell_visits_device_fk", "a cell visit must belong to an existing device");
        c("device_cell_visits_cell_fk", "a cell visit must name a cell of its scenario");
        c("device_cell_visits_at_non_negative", "a cell visit's time (s) must be >= 0 and finite");
    }

    private static final String[] TABLES = {
        "offloading_sites", "node_candidates", "configurations", "workload_mix", "dag_edges", "task_kinds",
        "tasks", "applications", "links", "scenarios", "failure_events", "experiment_runs", "task_outcomes",
        "detector_observations", "scenario_mobility", "cells", "cell_links", "devices", "device_workload",
        "device_links", "device_cell_visits",
    };

    private DatabaseErrors() {
    }

    private static void c(String name, String meaning) {
        CONSTRAINTS.put(name, meaning);
    }

    /** @return the names of all constraints this class explains */
    public static java.util.Set<String> knownConstraints() {
        return java.util.Collections.unmodifiableSet(CONSTRAINTS.keySet());
    }

    /**
     * @param action what was being done, e.g. {@code "cannot save scenario 'seed'"}
     * @param where  the database, for connection errors (passwords are hidden here in any case)
     * @param error  what the driver, pool or migration tool threw
     * @return one line without the SQL the driver quotes and with every password hidden
     */
    public static DatabaseException translate(String action, String where, Throwable error) {
        if (error instanceof DatabaseException known) {
            return known;
        }
        SQLException sql = findSqlException(error);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String driverMessage = driverText(sql != null ? sql.getMessage() : deepestMessage(error));
        if (state.startsWith("23")) {
            String constraint = constraintIn(driverMessage);
            if (constraint != null) {
                return error(action + ": constraint " + constraint + " on table " + tableOf(constraint)
                        + " violated: " + CONSTRAINTS.get(constraint), constraint, error);
            }
            return error(action + ": a constraint was violated (database said: " + driverMessage + ")", null, error);
        }
        if (state.startsWith("22") || state.equals("54000")) {
            return error(action + ": a value does not fit the database (database said: " + driverMessage + ")",
                    null, error);
        }
        if (state.startsWith("28")) {
            return error(action + ": the database at " + where + " refused the login: " + driverMessage, null, error);
        }
        if (state.startsWith("08") || state.startsWith("57P") || isConnectionFailure(error)) {
            return error(action + ": cannot reach " + where + ": " + driverText(deepestMessage(error)), null, error);
        }
        if (java.util.Set.of("42P01", "42S02", "42S04", "42102", "42104").contains(state)) {
            return error(action + ": the database at " + where
                    + " has no edgeoff tables; run 'edgeoff db migrate' first (database said: " + driverMessage + ")",
                    null, error);
        }
        if (state.equals("42501")) {
            return error(action + ": the database at " + where + " denied the permission "
                    + "(migrate needs a role that may create tables in the schema): " + driverMessage, null, error);
        }
        return error(action + ": " + driverMessage, null, error);
    }

    private static DatabaseException error(String message, String constraint, Throwable cause) {
        return new DatabaseException(DatabaseUrl.redact(message), constraint, cause);
    }

    static String constraintIn(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        String best = null;
        for (String name : CONSTRAINTS.keySet()) {
            int at = lower.indexOf(name);
            boolean wordStart = at == 0 || (at > 0 && !isIdentifierChar(lower.charAt(at - 1)));
            if (at >= 0 && wordStart && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static String tableOf(String constraint) {
        for (String table : TABLES) {
            if (constraint.startsWith(table + "_")) {
                return table;
            }
        }
        return "?";
    }

    private static SQLException findSqlException(Throwable error) {
        SQLException found = null;
        for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException s) {
                found = s;
                if (s.getSQLState() != null) {
                    return s;
                }
            }
        }
        return found;
    }

    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t.getClass().getName().endsWith("PoolInitializationException")) {
                return true;
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable error) {
        String message = error.toString();
        for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** H2 appends the statement it ran ("; SQL statement: INSERT ...") and its error code ("[23505-252]"). */
    private static final Pattern H2_STATEMENT = Pattern.compile("(?s);?\\s*SQL statement:.*$");
    private static final Pattern H2_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+]");
    /** Jdbi appends the statement and its arguments ("[statement:"...", arguments:...]"). */
    private static final Pattern JDBI_CONTEXT = Pattern.compile("(?s)\\s*\\[statement:.*$");
    /** pgjdbc quotes the statement of a failed batch entry and points to the next exception. */
    private static final Pattern BATCH_ENTRY = Pattern.compile("(?s)Batch entry \\d+ .*? was aborted(: )?");
    private static final Pattern NEXT_EXCEPTION = Pattern.compile("\\s*Call getNextException to see other errors "
            + "in the batch\\.");
    /** PostgreSQL's position in the statement and its context ("Where: SQL statement ..., PL/pgSQL ..."). */
    private static final Pattern POSTGRES_CONTEXT = Pattern.compile("(?s)\\s*(Position: \\d+|(Where|Internal Query|"
            + "Internal Position|Query): .*$)");
    /** An H2 quote of an index, a foreign key or a column with its type: keep the leading name only. */
    private static final Pattern H2_OBJECT_QUOTE = Pattern.compile("\"([\\w.]+)(?::| [A-Z])[^\"]*\"");
    private static final Pattern LONG_QUOTE = Pattern.compile("\"([^\"]{40})[^\"]{20,}\"");

    /**
     * What a driver said, fit for a one-line message: the statement, its arguments and the
     * SQL fragments H2 quotes (check expressions, index and key definitions) are cut, long quoted
     * values abbreviated, passwords hidden, at most 300 characters.
     */
    public static String driverText(String message) {
        if (message == null) {
            return "";
        }
        String text = H2_STATEMENT.matcher(message).replaceAll("");
        text = JDBI_CONTEXT.matcher(text).replaceAll("");
        text = BATCH_ENTRY.matcher(text).replaceAll("");
        text = NEXT_EXCEPTION.matcher(text).replaceAll("");
        text = POSTGRES_CONTEXT.matcher(text).replaceAll("");
        text = H2_CODE.matcher(text).replaceAll("");
        text = text.replaceAll("\\s*\\R\\s*", " ").strip();
        text = H2_OBJECT_QUOTE.matcher(text).replaceAll("\"$1\"");
        text = LONG_QUOTE.matcher(text).replaceAll("\"$1...\"");
        text = DatabaseUrl.redact(text);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
