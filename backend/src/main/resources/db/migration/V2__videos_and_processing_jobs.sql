-- Videos and their processing jobs. Footage is never removed by a cascade from a mall or a pin
-- (ON DELETE RESTRICT); a video's jobs go with the video (ON DELETE CASCADE).

CREATE TABLE videos (
    id                      UUID                     NOT NULL PRIMARY KEY,
    mall_id                 UUID                     NOT NULL,
    pin_id                  UUID                     NOT NULL,
    filename                VARCHAR(255)             NOT NULL,
    file_size_bytes         BIGINT                   NOT NULL,
    duration_seconds        DOUBLE PRECISION,
    original_path           VARCHAR(1024),
    proxy_path              VARCHAR(1024),
    checksum_sha256         VARCHAR(64)              NOT NULL,
    recorded_at             TIMESTAMP WITH TIME ZONE,
    operator_notes          VARCHAR(4000),
    uploaded_by_user_id     UUID,
    width                   INTEGER,
    height                  INTEGER,
    fps                     DOUBLE PRECISION,
    codec                   VARCHAR(64),
    upload_status           VARCHAR(16)              NOT NULL,
    processing_status       VARCHAR(16)              NOT NULL,
    processing_job_id       UUID,
    processing_error        VARCHAR(2000),
    uploaded_at             TIMESTAMP WITH TIME ZONE,
    processing_started_at   TIMESTAMP WITH TIME ZONE,
    processing_completed_at TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the durable multipart state: cleanup never depends on a Redis key that has expired
    s3_upload_id            VARCHAR(1024),
    part_size_bytes         BIGINT,
    total_parts             INTEGER,
    upload_expires_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_videos_mall FOREIGN KEY (mall_id) REFERENCES malls (id) ON DELETE RESTRICT,
    CONSTRAINT fk_videos_pin_in_mall FOREIGN KEY (pin_id, mall_id) REFERENCES camera_pins (id, mall_id) ON DELETE RESTRICT,
    CONSTRAINT fk_videos_uploaded_by FOREIGN KEY (uploaded_by_user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT uq_videos_checksum_pin UNIQUE (checksum_sha256, pin_id),
    CONSTRAINT ck_videos_upload_status CHECK (upload_status IN ('uploading', 'uploaded', 'failed')),
    CONSTRAINT ck_videos_processing_status CHECK (processing_status IN ('pending', 'queued', 'running', 'completed', 'failed')),
    CONSTRAINT ck_videos_file_size CHECK (file_size_bytes > 0),
    CONSTRAINT ck_videos_checksum CHECK (CHAR_LENGTH(checksum_sha256) = 64),
    CONSTRAINT ck_videos_dimensions CHECK ((width IS NULL OR width > 0) AND (height IS NULL OR height > 0)),
    CONSTRAINT ck_videos_parts CHECK ((part_size_bytes IS NULL OR part_size_bytes > 0)
        AND (total_parts IS NULL OR total_parts BETWEEN 1 AND 10000))
);

CREATE INDEX idx_videos_pin_id ON videos (pin_id);
CREATE INDEX idx_videos_mall_id ON videos (mall_id);
CREATE INDEX idx_videos_status ON videos (processing_status);
CREATE INDEX idx_videos_uploaded_at ON videos (uploaded_at DESC);
CREATE INDEX idx_videos_checksum ON videos (checksum_sha256);
CREATE INDEX idx_videos_recorded_at ON videos (recorded_at DESC);

CREATE TABLE processing_jobs (
    id              UUID                     NOT NULL PRIMARY KEY,
    video_id        UUID                     NOT NULL,
    job_type        VARCHAR(32)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    -- the job library's own id for the task (the seed's celery_task_id)
    task_id         VARCHAR(64),
    worker_hostname VARCHAR(255),
    progress        INTEGER                  NOT NULL DEFAULT 0,
    heartbeat_at    TIMESTAMP WITH TIME ZONE,
    result_data     ${json_type},
    error_message   VARCHAR(2000),
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_processing_jobs_video FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE CASCADE,
    CONSTRAINT ck_processing_jobs_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT ck_processing_jobs_progress CHECK (progress BETWEEN 0 AND 100)
);

CREATE INDEX idx_jobs_video_id ON processing_jobs (video_id);
CREATE INDEX idx_jobs_status ON processing_jobs (status);
CREATE INDEX idx_jobs_task_id ON processing_jobs (task_id);

ALTER TABLE videos ADD CONSTRAINT fk_videos_processing_job
    FOREIGN KEY (processing_job_id) REFERENCES processing_jobs (id) ON DELETE SET NULL;
