-- The department catalog (docs/departments.md) as data an admin can edit: departments, their KPIs, the CX metrics each
-- shows, linkage pairs and targets; and events, dated annotations for the trends. The defaults are not inserted here:
-- DepartmentCatalogSeeder copies them from DepartmentCatalog (C#) at startup, once per department.

-- seeded_at: when the seeder copied the department's defaults. Seeding happens once per department, so a KPI or pair
-- an admin removed later does not come back. A row with seeded_at NULL is a placeholder (made by an import, or below
-- for KPI values older than this script) that the seeder completes.
CREATE TABLE departments (
    code      text        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name      text        NOT NULL CHECK (btrim(name) <> ''),
    question  text        NOT NULL,
    position  integer     NOT NULL,
    seeded_at timestamptz
);

-- A department's KPIs: the catalog's defaults (custom = false) and custom ones, which an import of a KPI code the
-- catalog does not know creates (name = code, direction neutral) until an admin names them. Codes are what the kpis
-- import stores (trimmed, lower case). currency: ISO 4217 code for money KPIs, when known.
CREATE TABLE department_kpis (
    department text    NOT NULL REFERENCES departments (code),
    code       text    NOT NULL CHECK (code <> '' AND code = lower(btrim(code))),
    name       text    NOT NULL CHECK (btrim(name) <> ''),
    unit       text,
    direction  text    NOT NULL CHECK (direction IN ('up', 'down', 'neutral')),
    currency   text    CHECK (currency ~ '^[A-Z]{3}$'),
    custom     boolean NOT NULL DEFAULT false,
    position   integer NOT NULL,
    PRIMARY KEY (department, code)
);

-- The CX metrics a department's page shows, in order (codes of MetricCatalog, checked by the application).
CREATE TABLE department_metrics (
    department text    NOT NULL REFERENCES departments (code),
    metric     text    NOT NULL CHECK (metric ~ '^[a-z][a-z0-9_]*$'),
    position   integer NOT NULL,
    PRIMARY KEY (department, metric)
);

-- Linkage pairs (driver → outcome) in order. Each side is (kind, code, department): a metric (code of MetricCatalog,
-- checked by the application), a KPI of a department (department + code, which must exist), or the North Star.
CREATE TABLE department_pairs (
    department         text     NOT NULL REFERENCES departments (code),
    position           integer  NOT NULL,
    driver_kind        text     NOT NULL CHECK (driver_kind IN ('metric', 'kpi', 'north_star')),
    driver_code        text     NOT NULL,
    driver_department  text,
    outcome_kind       text     NOT NULL CHECK (outcome_kind IN ('metric', 'kpi', 'north_star')),
    outcome_code       text     NOT NULL,
    outcome_department text,
    expected_sign      smallint NOT NULL CHECK (expected_sign IN (-1, 1)),
    PRIMARY KEY (department, position),
    CHECK ((driver_kind = 'kpi') = (driver_department IS NOT NULL)),
    CHECK ((outcome_kind = 'kpi') = (outcome_department IS NOT NULL)),
    CHECK (driver_kind <> 'north_star' OR driver_code = 'north_star'),
    CHECK (outcome_kind <> 'north_star' OR outcome_code = 'north_star'),
    CHECK (NOT (driver_kind = outcome_kind AND driver_code = outcome_code
                AND driver_department IS NOT DISTINCT FROM outcome_department)),
    UNIQUE NULLS NOT DISTINCT (department, driver_kind, driver_code, driver_department, outcome_kind, outcome_code, outcome_department),
    -- A KPI side names an existing KPI (a metric side has no department, so the key is not checked).
    FOREIGN KEY (driver_department, driver_code) REFERENCES department_kpis (department, code),
    FOREIGN KEY (outcome_department, outcome_code) REFERENCES department_kpis (department, code)
);

-- Targets: per department and subject (a metric the department shows, or one of its KPIs), three levels in the
-- subject's direction (good <= better <= best when higher is better, >= when lower is better; the application checks
-- which, since the direction lives elsewhere). Finite levels only (in PostgreSQL NaN sorts above Infinity).
-- metric_code / kpi_code exist for the foreign keys: removing a KPI removes its target.
CREATE TABLE department_targets (
    department   text             NOT NULL REFERENCES departments (code),
    subject_kind text             NOT NULL CHECK (subject_kind IN ('metric', 'kpi')),
    subject_code text             NOT NULL,
    good         double precision NOT NULL CHECK (good > '-Infinity' AND good < 'Infinity'),
    better       double precision NOT NULL CHECK (better > '-Infinity' AND better < 'Infinity'),
    best         double precision NOT NULL CHECK (best > '-Infinity' AND best < 'Infinity'),
    metric_code  text GENERATED ALWAYS AS (CASE WHEN subject_kind = 'metric' THEN subject_code END) STORED,
    kpi_code     text GENERATED ALWAYS AS (CASE WHEN subject_kind = 'kpi' THEN subject_code END) STORED,
    PRIMARY KEY (department, subject_kind, subject_code),
    CHECK ((good <= better AND better <= best) OR (good >= better AND better >= best)),
    FOREIGN KEY (department, metric_code) REFERENCES department_metrics (department, metric) ON DELETE CASCADE,
    FOREIGN KEY (department, kpi_code) REFERENCES department_kpis (department, code) ON DELETE CASCADE
);

-- Events: dated annotations on the trends (a release, a campaign, an incident, a price change...), from the events
-- import (batch_id set, undone with its batch) or entered one by one (batch_id NULL). An event_id makes a re-upload
-- update the event; an event without one is the same event when its date and title are (the second unique index).
-- department NULL: company-wide. Department codes are checked by the application (DepartmentCatalog).
CREATE TABLE events (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_id    text UNIQUE CHECK (event_id <> ''),
    batch_id    bigint,
    occurred_on date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('release', 'campaign', 'incident', 'price_change', 'other')),
    title       text NOT NULL CHECK (btrim(title) <> ''),
    department  text CHECK (department ~ '^[a-z][a-z0-9_]*$'),
    link        text CHECK (link ~* '^https?://[^[:space:]]+$')
);
CREATE UNIQUE INDEX ux_events_date_title ON events (occurred_on, title) WHERE event_id IS NULL;
CREATE INDEX ix_events_occurred_on ON events (occurred_on);
CREATE INDEX ix_events_batch_id ON events (batch_id) WHERE batch_id IS NOT NULL;

-- KPI values imported before this script: their departments and KPIs become placeholders (name = code, neutral,
-- custom) that the seeder completes with the catalog's definitions where it has them.
INSERT INTO departments (code, name, question, position)
SELECT DISTINCT department, department, '', 0 FROM kpi_values
WHERE department ~ '^[a-z][a-z0-9_]*$';

INSERT INTO department_kpis (department, code, name, unit, direction, custom, position)
SELECT department, kpi, kpi, max(unit), 'neutral', true, (row_number() OVER (PARTITION BY department ORDER BY kpi) - 1)::int
FROM kpi_values
WHERE department ~ '^[a-z][a-z0-9_]*$' AND kpi <> '' AND kpi = lower(btrim(kpi))
GROUP BY department, kpi;
