-- Retention per mall (off unless set, 1 to 3,650 days) and legal holds: on a video, or on a pin over
-- a time window. Held footage is deleted neither by retention nor by a user.
CREATE TABLE mall_retention (
    mall_id        UUID    NOT NULL PRIMARY KEY,
    retention_days INTEGER NOT NULL,
    CONSTRAINT fk_mall_retention_mall FOREIGN KEY (mall_id) REFERENCES malls (id) ON DELETE CASCADE,
    CONSTRAINT ck_mall_retention_days CHECK (retention_days BETWEEN 1 AND 3650)
);

CREATE TABLE legal_holds (
    id                UUID                     NOT NULL PRIMARY KEY,
    mall_id           UUID                     NOT NULL,
    video_id          UUID,
    pin_id            UUID,
    window_from       TIMESTAMP WITH TIME ZONE,
    window_to         TIMESTAMP WITH TIME ZONE,
    reason            VARCHAR(1000)            NOT NULL,
    review_on         DATE                     NOT NULL,
    placed_by_user_id UUID,
    placed_by_email   VARCHAR(254)             NOT NULL,
    placed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_by_email   VARCHAR(254),
    lifted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_legal_holds_mall FOREIGN KEY (mall_id) REFERENCES malls (id),
    CONSTRAINT ck_legal_holds_target CHECK ((video_id IS NOT NULL AND pin_id IS NULL AND window_from IS NULL AND window_to IS NULL)
        OR (video_id IS NULL AND pin_id IS NOT NULL AND window_from IS NOT NULL AND window_to IS NOT NULL AND window_from < window_to))
);

CREATE INDEX idx_legal_holds_video ON legal_holds (video_id);
CREATE INDEX idx_legal_holds_pin ON legal_holds (pin_id, window_from);
CREATE INDEX idx_legal_holds_mall ON legal_holds (mall_id);

-- the daily retention run and the daily reminder of overdue holds run on one node at a time
INSERT INTO cluster_locks (name, holder, locked_until) VALUES ('retention', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
