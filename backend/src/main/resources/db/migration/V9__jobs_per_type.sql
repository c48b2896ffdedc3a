-- A video may have jobs of several types (processing.JobType), each with its own status and
-- progress; videos.processing_job_id names its proxy job, which its processing_status follows.
-- A new type extends the check in the migration that brings its handler.
ALTER TABLE processing_jobs ADD CONSTRAINT ck_processing_jobs_type CHECK (job_type IN ('proxy'));

-- "has this video a job of this type waiting or running?", asked before each new job
CREATE INDEX idx_jobs_video_type ON processing_jobs (video_id, job_type, status);
