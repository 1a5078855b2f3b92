-- Feedback Loop JDBC store schema for H2 (2.x). Idempotent: every statement may run again.
-- Tables are created in the connection's current schema. Instants are written to the microsecond, as on PostgreSQL.

-- Survey versions (FeedbackLoop.register): the definition as JSON, written once per id and version.
CREATE TABLE IF NOT EXISTS fl_survey (
    id             VARCHAR NOT NULL,
    version        INTEGER NOT NULL,
    definition     CHARACTER LARGE OBJECT NOT NULL,
    registered_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE IF NOT EXISTS fl_response (
    id              VARCHAR NOT NULL PRIMARY KEY,
    survey_id       VARCHAR NOT NULL,
    survey_version  INTEGER NOT NULL,
    customer_id     VARCHAR,
    channel         VARCHAR NOT NULL,
    submitted_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    received_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    body            CHARACTER LARGE OBJECT NOT NULL
);
CREATE INDEX IF NOT EXISTS fl_response_survey_idx ON fl_response (survey_id, received_at, id);
-- time ranges of forEachResponse and scorecard: [from, to) on the submitted time
CREATE INDEX IF NOT EXISTS fl_response_submitted_idx ON fl_response (survey_id, submitted_at, id);
CREATE INDEX IF NOT EXISTS fl_response_customer_idx ON fl_response (customer_id, submitted_at, id);

CREATE TABLE IF NOT EXISTS fl_response_answer (
    response_id   VARCHAR NOT NULL REFERENCES fl_response (id),
    question_id   VARCHAR NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    number_value  INTEGER,
    PRIMARY KEY (response_id, question_id)
);

CREATE TABLE IF NOT EXISTS fl_response_attribute (
    response_id  VARCHAR NOT NULL REFERENCES fl_response (id),
    attr_name    VARCHAR NOT NULL,
    attr_value   VARCHAR NOT NULL,
    PRIMARY KEY (response_id, attr_name)
);

CREATE TABLE IF NOT EXISTS fl_follow_up (
    id                         VARCHAR NOT NULL PRIMARY KEY,
    version                    BIGINT NOT NULL,
    response_id                VARCHAR NOT NULL REFERENCES fl_response (id),
    survey_id                  VARCHAR NOT NULL,
    -- FollowUp.policyId; the column keeps its first name, so databases created earlier need no migration
    rule_id                    VARCHAR NOT NULL,
    reason                     VARCHAR NOT NULL,
    priority                   VARCHAR(16) NOT NULL,
    owner                      VARCHAR NOT NULL,
    customer_id                VARCHAR,
    opened_at                  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    first_contact_due          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    resolution_due             TIMESTAMP(9) WITH TIME ZONE,
    state                      VARCHAR(16) NOT NULL,
    paused_at                  TIMESTAMP(9) WITH TIME ZONE,
    contact_channel            VARCHAR,
    contact_by                 VARCHAR,
    contact_at                 TIMESTAMP(9) WITH TIME ZONE,
    contact_note               VARCHAR,
    resolution_code            VARCHAR,
    resolution_root_cause      VARCHAR,
    resolution_by              VARCHAR,
    resolution_at              TIMESTAMP(9) WITH TIME ZONE,
    resolution_note            VARCHAR,
    close_reason               VARCHAR,
    first_contact_pending_due  TIMESTAMP(9) WITH TIME ZONE,
    resolution_pending_due     TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS fl_follow_up_contact_due_idx ON fl_follow_up (first_contact_pending_due, id);
CREATE INDEX IF NOT EXISTS fl_follow_up_resolution_due_idx ON fl_follow_up (resolution_pending_due, id);
CREATE INDEX IF NOT EXISTS fl_follow_up_state_idx ON fl_follow_up (state, first_contact_due, id);
CREATE INDEX IF NOT EXISTS fl_follow_up_owner_idx ON fl_follow_up (owner, state, first_contact_due);
CREATE INDEX IF NOT EXISTS fl_follow_up_customer_idx ON fl_follow_up (customer_id);
CREATE INDEX IF NOT EXISTS fl_follow_up_response_idx ON fl_follow_up (response_id);
CREATE INDEX IF NOT EXISTS fl_follow_up_opened_idx ON fl_follow_up (opened_at, id);
-- the order of follow-up queries and their keyset pages: first-contact deadline, then id
CREATE INDEX IF NOT EXISTS fl_follow_up_due_idx ON fl_follow_up (first_contact_due, id);

CREATE TABLE IF NOT EXISTS fl_follow_up_segment (
    follow_up_id  VARCHAR NOT NULL REFERENCES fl_follow_up (id),
    attr_name     VARCHAR NOT NULL,
    attr_value    VARCHAR NOT NULL,
    PRIMARY KEY (follow_up_id, attr_name)
);
CREATE INDEX IF NOT EXISTS fl_follow_up_segment_idx ON fl_follow_up_segment (attr_name, attr_value);

CREATE TABLE IF NOT EXISTS fl_follow_up_history (
    follow_up_id  VARCHAR NOT NULL REFERENCES fl_follow_up (id),
    ordinal       INTEGER NOT NULL,
    action        VARCHAR(16) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    actor         VARCHAR NOT NULL,
    happened_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    note          VARCHAR,
    PRIMARY KEY (follow_up_id, ordinal)
);

CREATE TABLE IF NOT EXISTS fl_follow_up_escalation (
    follow_up_id  VARCHAR NOT NULL REFERENCES fl_follow_up (id),
    ordinal       INTEGER NOT NULL,
    deadline      VARCHAR(16) NOT NULL,
    due           TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    step          INTEGER NOT NULL,
    escalated_to  VARCHAR NOT NULL,
    happened_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (follow_up_id, ordinal)
);

CREATE TABLE IF NOT EXISTS fl_customer (
    id          VARCHAR NOT NULL PRIMARY KEY,
    attributes  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS fl_touch (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  VARCHAR NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    happened_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    survey_id    VARCHAR,
    actor        VARCHAR NOT NULL,
    note         VARCHAR
);
CREATE INDEX IF NOT EXISTS fl_touch_customer_idx ON fl_touch (customer_id, happened_at, seq);

CREATE TABLE IF NOT EXISTS fl_outbox (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  VARCHAR,
    event        VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS fl_outbox_customer_idx ON fl_outbox (customer_id);

-- The invitation ledger (JdbcStore.invitationLedger()): which signed invitation token each response redeemed.
CREATE TABLE IF NOT EXISTS fl_invitation_redemption (
    token_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    response_id  VARCHAR(128) NOT NULL,
    expires_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    redeemed_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS fl_invitation_redemption_expiry ON fl_invitation_redemption (expires_at);
