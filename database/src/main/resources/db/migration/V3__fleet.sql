-- Several devices and their mobility between edge cells: a scenario's optional cells:, mobility: and devices:
-- sections (docs/SCENARIO.md). A scenario without them has no rows here. Portable SQL, as V1.
-- Every constraint is named; io.edgeoff.database.FleetLimits says what checks each one before SQL runs.

CREATE TABLE scenario_mobility (
    scenario_id        BIGINT           NOT NULL,
    handover_rule      VARCHAR(20),
    lookahead_seconds  DOUBLE PRECISION NOT NULL,
    CONSTRAINT scenario_mobility_pk PRIMARY KEY (scenario_id),
    CONSTRAINT scenario_mobility_scenario_fk FOREIGN KEY (scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
    CONSTRAINT scenario_mobility_rule_known CHECK (handover_rule IS NULL
        OR handover_rule IN ('FINISH_OLD_PATH', 'FAIL_AND_REDECIDE')),
    CONSTRAINT scenario_mobility_lookahead_non_negative CHECK (lookahead_seconds >= 0 AND lookahead_seconds < 1e9)
);

CREATE TABLE cells (
    scenario_id  BIGINT       NOT NULL,
    cell_id      VARCHAR(100) NOT NULL,
    position     INTEGER      NOT NULL,
    CONSTRAINT cells_pk PRIMARY KEY (scenario_id, cell_id),
    CONSTRAINT cells_position_unique UNIQUE (scenario_id, position),
    CONSTRAINT cells_scenario_fk FOREIGN KEY (scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
    CONSTRAINT cells_id_not_blank CHECK (LENGTH(TRIM(cell_id)) > 0)
);

CREATE TABLE cell_links (
    scenario_id     BIGINT           NOT NULL,
    cell_id         VARCHAR(100)     NOT NULL,
    site_id         VARCHAR(100)     NOT NULL,
    position        INTEGER          NOT NULL,
    latency_millis  DOUBLE PRECISION NOT NULL,
    bandwidth_kbps  DOUBLE PRECISION NOT NULL,
    CONSTRAINT cell_links_pk PRIMARY KEY (scenario_id, cell_id, site_id),
    CONSTRAINT cell_links_position_unique UNIQUE (scenario_id, cell_id, position),
    CONSTRAINT cell_links_cell_fk FOREIGN KEY (scenario_id, cell_id)
        REFERENCES cells (scenario_id, cell_id) ON DELETE CASCADE,
    CONSTRAINT cell_links_site_fk FOREIGN KEY (scenario_id, site_id)
        REFERENCES offloading_sites (scenario_id, site_id) ON DELETE CASCADE,
    CONSTRAINT cell_links_latency_non_negative CHECK (latency_millis >= 0 AND latency_millis < 1e9),
    CONSTRAINT cell_links_bandwidth_positive CHECK (bandwidth_kbps > 0 AND bandwidth_kbps < 1e15)
);

-- executions NULL: the experiment's; a device without device_workload rows runs the scenario's workload.
CREATE TABLE devices (
    scenario_id           BIGINT           NOT NULL,
    device_id             VARCHAR(100)     NOT NULL,
    position              INTEGER          NOT NULL,
    executions            INTEGER,
    mean_idle_seconds     DOUBLE PRECISION NOT NULL,
    repeat_every_seconds  DOUBLE PRECISION NOT NULL,
    CONSTRAINT devices_pk PRIMARY KEY (scenario_id, device_id),
    CONSTRAINT devices_position_unique UNIQUE (scenario_id, position),
    CONSTRAINT devices_scenario_fk FOREIGN KEY (scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
    CONSTRAINT devices_id_not_blank CHECK (LENGTH(TRIM(device_id)) > 0),
    CONSTRAINT devices_executions_positive CHECK (executions IS NULL OR executions >= 1),
    CONSTRAINT devices_idle_non_negative CHECK (mean_idle_seconds >= 0 AND mean_idle_seconds < 1e9),
    CONSTRAINT devices_repeat_non_negative CHECK (repeat_every_seconds >= 0 AND repeat_every_seconds < 1e9)
);

CREATE TABLE device_workload (
    scenario_id       BIGINT           NOT NULL,
    device_id         VARCHAR(100)     NOT NULL,
    application_name  VARCHAR(200)     NOT NULL,
    position          INTEGER          NOT NULL,
    probability       DOUBLE PRECISION NOT NULL,
    CONSTRAINT device_workload_pk PRIMARY KEY (scenario_id, device_id, application_name),
    CONSTRAINT device_workload_position_unique UNIQUE (scenario_id, device_id, position),
    CONSTRAINT device_workload_device_fk FOREIGN KEY (scenario_id, device_id)
        REFERENCES devices (scenario_id, device_id) ON DELETE CASCADE,
    CONSTRAINT device_workload_application_fk FOREIGN KEY (scenario_id, application_name)
        REFERENCES applications (scenario_id, name) ON DELETE CASCADE,
    CONSTRAINT device_workload_probability_in_unit_interval CHECK (probability >= 0 AND probability <= 1)
);

CREATE TABLE device_links (
    scenario_id     BIGINT           NOT NULL,
    device_id       VARCHAR(100)     NOT NULL,
    site_id         VARCHAR(100)     NOT NULL,
    position        INTEGER          NOT NULL,
    latency_millis  DOUBLE PRECISION NOT NULL,
    bandwidth_kbps  DOUBLE PRECISION NOT NULL,
    CONSTRAINT device_links_pk PRIMARY KEY (scenario_id, device_id, site_id),
    CONSTRAINT device_links_position_unique UNIQUE (scenario_id, device_id, position),
    CONSTRAINT device_links_device_fk FOREIGN KEY (scenario_id, device_id)
        REFERENCES devices (scenario_id, device_id) ON DELETE CASCADE,
    CONSTRAINT device_links_site_fk FOREIGN KEY (scenario_id, site_id)
        REFERENCES offloading_sites (scenario_id, site_id) ON DELETE CASCADE,
    CONSTRAINT device_links_latency_non_negative CHECK (latency_millis >= 0 AND latency_millis < 1e9),
    CONSTRAINT device_links_bandwidth_positive CHECK (bandwidth_kbps > 0 AND bandwidth_kbps < 1e15)
);

CREATE TABLE device_cell_visits (
    scenario_id  BIGINT           NOT NULL,
    device_id    VARCHAR(100)     NOT NULL,
    position     INTEGER          NOT NULL,
    at_seconds   DOUBLE PRECISION NOT NULL,
    cell_id      VARCHAR(100)     NOT NULL,
    CONSTRAINT device_cell_visits_pk PRIMARY KEY (scenario_id, device_id, position),
    CONSTRAINT device_cell_visits_device_fk FOREIGN KEY (scenario_id, device_id)
        REFERENCES devices (scenario_id, device_id) ON DELETE CASCADE,
    CONSTRAINT device_cell_visits_cell_fk FOREIGN KEY (scenario_id, cell_id)
        REFERENCES cells (scenario_id, cell_id) ON DELETE CASCADE,
    CONSTRAINT device_cell_visits_at_non_negative CHECK (at_seconds >= 0 AND at_seconds < 1e9)
);
