-- The watchdog: finding uploads in progress by age and multipart uploads by id stays cheap however
-- many videos there are; one row per cluster-wide lock lets one node at a time run the watchdog.
CREATE INDEX idx_videos_upload_progress ON videos (upload_status, updated_at);
CREATE INDEX idx_videos_s3_upload_id ON videos (s3_upload_id);

CREATE TABLE cluster_locks (
    name         VARCHAR(64)              NOT NULL PRIMARY KEY,
    holder       VARCHAR(255),
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO cluster_locks (name, holder, locked_until) VALUES ('watchdog', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
