-- The proxy job also writes a poster frame; a job counts its attempts so the last transient failure
-- can end it instead of leaving it pending.
ALTER TABLE videos ADD COLUMN poster_path VARCHAR(1024);
ALTER TABLE processing_jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
