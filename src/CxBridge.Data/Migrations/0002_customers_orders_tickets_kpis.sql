-- Operational data beside the surveys. Each row keeps the batch that last wrote it (upserts move it), which is
-- how an import is undone; a batch that updated existing rows cannot be undone (the previous values are not kept).
-- As in 0001, batch_id has no foreign key (only the import service writes it, with its batch, in one transaction;
-- the per-row check cost two thirds of a 2M-row orders merge) and text keys compare bytewise (COLLATE "C").

CREATE TABLE customers (
    customer_id text COLLATE "C" PRIMARY KEY,
    batch_id    bigint      NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    segment     text,
    region      text,
    plan        text,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);

CREATE TABLE orders (
    order_id    text COLLATE "C" PRIMARY KEY,
    batch_id    bigint        NOT NULL,
    customer_id text          NOT NULL,
    ordered_at  timestamptz   NOT NULL,
    amount      numeric(14,2) NOT NULL,
    referred    boolean,
    channel     text
);
CREATE INDEX ix_orders_ordered_at ON orders (ordered_at);

CREATE TABLE tickets (
    ticket_id         text COLLATE "C" PRIMARY KEY,
    batch_id          bigint      NOT NULL,
    customer_id       text,
    opened_at         timestamptz NOT NULL,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    contacts          integer     CHECK (contacts >= 1),
    escalated         boolean,
    channel           text,
    agent             text,
    team              text,
    CHECK (first_response_at IS NULL OR first_response_at >= opened_at),
    CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
);
CREATE INDEX ix_tickets_opened_at ON tickets (opened_at);
CREATE INDEX ix_tickets_resolved_at ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;

-- A department's own KPI for a month (period = the month's first day).
CREATE TABLE kpi_values (
    department text             NOT NULL,
    kpi        text             NOT NULL,
    period     date             NOT NULL,
    batch_id   bigint           NOT NULL,
    value      double precision NOT NULL,
    unit       text,
    PRIMARY KEY (department, kpi, period),
    CHECK (period = date_trunc('month', period)::date)
);
