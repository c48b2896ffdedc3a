-- The audit log. Every node writes what happened into audit_inbox (inside the transaction of the
-- change, so a change and its row commit together); the sealer moves inbox rows into audit_log one
-- batch at a time under the lock of audit_chain_head's single row, giving each its place in the one
-- chain (seq) and row_hash = SHA-256(prev_hash || canonical row). On PostgreSQL a trigger (V14)
-- refuses UPDATE and DELETE on audit_log but for the log's own retention.
CREATE TABLE audit_inbox (
    id             UUID                     NOT NULL PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user_id  UUID,
    actor_email    VARCHAR(254),
    client_address VARCHAR(64),
    action         VARCHAR(48)              NOT NULL,
    outcome        VARCHAR(16)              NOT NULL,
    mall_id        UUID,
    pin_id         UUID,
    video_id       UUID,
    detail         VARCHAR(4000)
);

CREATE INDEX idx_audit_inbox_at ON audit_inbox (at, id);

CREATE TABLE audit_log (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    id             UUID                     NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user_id  UUID,
    actor_email    VARCHAR(254),
    client_address VARCHAR(64),
    action         VARCHAR(48)              NOT NULL,
    outcome        VARCHAR(16)              NOT NULL,
    mall_id        UUID,
    pin_id         UUID,
    video_id       UUID,
    detail         VARCHAR(4000),
    prev_hash      CHAR(64)                 NOT NULL,
    row_hash       CHAR(64)                 NOT NULL,
    CONSTRAINT uq_audit_log_id UNIQUE (id),
    CONSTRAINT ck_audit_log_outcome CHECK (outcome IN ('success', 'failure', 'denied', 'checkpoint'))
);

CREATE INDEX idx_audit_log_at ON audit_log (at);
CREATE INDEX idx_audit_log_actor ON audit_log (actor_user_id, seq);
CREATE INDEX idx_audit_log_action ON audit_log (action, seq);
CREATE INDEX idx_audit_log_mall ON audit_log (mall_id, seq);

-- The end of the chain: the last row's seq and hash. Its row lock is what makes one chain of many writers.
CREATE TABLE audit_chain_head (
    id       INTEGER  NOT NULL PRIMARY KEY,
    seq      BIGINT   NOT NULL,
    row_hash CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, seq, row_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- the audit log's daily retention runs on one node at a time
INSERT INTO cluster_locks (name, holder, locked_until) VALUES ('audit-retention', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
