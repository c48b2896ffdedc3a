-- Each mall's IANA time zone: the timeline's days and every time the UI shows for its footage are in it.
ALTER TABLE malls ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';
