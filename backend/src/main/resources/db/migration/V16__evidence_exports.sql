-- Evidence exports: a window of footage cut from the originals of one or more pins, packaged with a
-- signed manifest for a named recipient. Each source clip is one row of evidence_export_clips; the
-- sources of an export that is not deleted may not be deleted.
CREATE TABLE evidence_exports (
    id                     UUID                     NOT NULL PRIMARY KEY,
    mall_id                UUID                     NOT NULL,
    mode                   VARCHAR(16)              NOT NULL,
    window_from            TIMESTAMP WITH TIME ZONE,
    window_to              TIMESTAMP WITH TIME ZONE,
    recipient_name         VARCHAR(200)             NOT NULL,
    recipient_organisation VARCHAR(200)             NOT NULL,
    purpose                VARCHAR(1000)            NOT NULL,
    reference              VARCHAR(200)             NOT NULL,
    created_by_user_id     UUID,
    created_by_email       VARCHAR(254)             NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    status                 VARCHAR(16)              NOT NULL,
    progress               INTEGER                  NOT NULL,
    attempts               INTEGER                  NOT NULL DEFAULT 0,
    error                  VARCHAR(2000),
    started_at             TIMESTAMP WITH TIME ZONE,
    completed_at           TIMESTAMP WITH TIME ZONE,
    package_key            VARCHAR(200),
    package_bytes          BIGINT,
    package_sha256         VARCHAR(64),
    keep_until             TIMESTAMP WITH TIME ZONE,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    deleted_by_email       VARCHAR(254),
    CONSTRAINT fk_evidence_exports_mall FOREIGN KEY (mall_id) REFERENCES malls (id),
    CONSTRAINT ck_evidence_exports_mode CHECK (mode IN ('stream_copy', 'frame_exact')),
    CONSTRAINT ck_evidence_exports_status CHECK (status IN ('queued', 'running', 'completed', 'failed', 'deleted')),
    CONSTRAINT ck_evidence_exports_progress CHECK (progress BETWEEN 0 AND 100)
);

CREATE INDEX idx_evidence_exports_mall ON evidence_exports (mall_id, created_at);

CREATE TABLE evidence_export_clips (
    export_id        UUID             NOT NULL,
    ordinal          INTEGER          NOT NULL,
    video_id         UUID             NOT NULL,
    pin_id           UUID             NOT NULL,
    requested_start  DOUBLE PRECISION NOT NULL,
    requested_end    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (export_id, ordinal),
    CONSTRAINT fk_evidence_export_clips_export FOREIGN KEY (export_id) REFERENCES evidence_exports (id) ON DELETE CASCADE,
    CONSTRAINT ck_evidence_export_clips_range CHECK (requested_start >= 0 AND requested_end > requested_start)
);

CREATE INDEX idx_evidence_export_clips_video ON evidence_export_clips (video_id);

-- the daily sweep of exports past their sources' retention runs on one node at a time
INSERT INTO cluster_locks (name, holder, locked_until) VALUES ('evidence', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
