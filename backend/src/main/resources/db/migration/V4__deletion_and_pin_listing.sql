-- Deleting a video: the row is marked first (and hidden), then its S3 objects are deleted, then the
-- row. When S3 cannot be reached the row stays marked and the deletion is retried, so an object is
-- never left behind with no row pointing at it.
ALTER TABLE videos ADD COLUMN deletion_requested_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX idx_videos_deletion_requested ON videos (deletion_requested_at);

-- A pin's library, newest recording first. The trailing columns make the index covering for the
-- filters, so a deep page (OFFSET 99,950) is found from the index alone and only its rows are read.
CREATE INDEX idx_videos_pin_listing ON videos (pin_id, recorded_at DESC NULLS LAST, uploaded_at DESC NULLS LAST,
    id DESC, deletion_requested_at, upload_status, processing_status);
