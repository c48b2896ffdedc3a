-- The proxy job also makes scrub previews: a sprite sheet of small frames and a WebVTT file that
-- maps time ranges to its tiles. NULL: the video has none (processed before, or making them failed).
ALTER TABLE videos ADD COLUMN previews_path VARCHAR(1024);
