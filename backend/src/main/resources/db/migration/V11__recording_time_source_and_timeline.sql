-- Where each video's recording time came from: the operator ('operator'), or the file's own
-- creation_time tag when the operator gave none ('file'); null while it has none.
ALTER TABLE videos ADD COLUMN recorded_at_source VARCHAR(16);
ALTER TABLE videos ADD CONSTRAINT ck_videos_recorded_at_source CHECK (recorded_at_source IN ('operator', 'file'));
UPDATE videos SET recorded_at_source = 'operator' WHERE recorded_at IS NOT NULL;

-- The timeline reads a pin's clips that start in [from - longest clip of the pin, to): the longest
-- clip is the top of this index, the clips a range of idx_videos_pin_listing (pin_id, recorded_at).
CREATE INDEX idx_videos_pin_duration ON videos (pin_id, duration_seconds);
