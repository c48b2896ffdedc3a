-- One request at a time assembles an upload: complete claims the row until this instant, and abort
-- leaves a claimed row alone, so an assembled original never outlives its row. The claim lapses by
-- itself when the node that held it died.
ALTER TABLE videos ADD COLUMN completing_until TIMESTAMP WITH TIME ZONE;
