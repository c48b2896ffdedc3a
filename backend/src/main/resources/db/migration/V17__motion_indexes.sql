-- Motion indexes: one per video at most, stored as {mall}/{pin}/{video}/motion.bin; this row says
-- that it is there (and which format), so that a search knows which clips it cannot scan.
CREATE TABLE motion_indexes (
    video_id   UUID                     NOT NULL PRIMARY KEY,
    version    INTEGER                  NOT NULL,
    seconds    INTEGER                  NOT NULL,
    bytes      INTEGER                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_motion_indexes_video FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE CASCADE
);

-- the motion_index job builds a missing index from the stored proxy
ALTER TABLE processing_jobs DROP CONSTRAINT ck_processing_jobs_type;
ALTER TABLE processing_jobs ADD CONSTRAINT ck_processing_jobs_type CHECK (job_type IN ('proxy', 'motion_index'));
