-- After each ingest job, analysis reads that job's events by the files they came from
-- (event.ingest_file_id). Without an index that is a scan of every partition. File ids grow with
-- time and rows are appended in load order, so a BRIN index prunes to the few block ranges a job
-- wrote, for a few kilobytes of index and almost no cost at load time.
CREATE INDEX event_ingest_file_brin ON event USING brin (ingest_file_id) WITH (pages_per_range = 32);
