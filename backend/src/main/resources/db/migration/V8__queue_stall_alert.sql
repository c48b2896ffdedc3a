-- The stalled-queue alert (watchdog.QueueStallAlarm): one row, set when the alert went out and
-- cleared when "recovered" did, so that each is sent once however many nodes check the queue.
CREATE TABLE queue_stall_alert (
    id            INTEGER                  NOT NULL PRIMARY KEY,
    alerted_at    TIMESTAMP WITH TIME ZONE,
    waiting_since TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_queue_stall_alert_one_row CHECK (id = 1)
);

INSERT INTO queue_stall_alert (id, alerted_at, waiting_since) VALUES (1, NULL, NULL);
