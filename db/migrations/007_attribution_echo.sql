-- What the editors know about an attribution beyond whom the source credits (db/README.md,
-- "Attribution"): the chain of intermediaries the figure came through, a known echo, a doubt.

-- echo_of_*: the editors know the credited producer copied this report's or entity's figure
-- rather than measuring it, so corroboration counts the two as one producer. At most one of
-- the two is set; the build checks that, as it does for attributed_report_id/_entity_id.
ALTER TABLE citation ADD COLUMN echo_of_report_id INTEGER REFERENCES report(id);
ALTER TABLE citation ADD COLUMN echo_of_entity_id INTEGER REFERENCES entity(id);
-- The editors' doubt about the attribution, in their words; shown, never used to drop a producer.
ALTER TABLE citation ADD COLUMN attribution_doubt TEXT;

-- The intermediaries between the citing source and the producer (a newspaper citing a wire
-- article that cites a data firm: the wire agency), in order from the source toward the
-- producer. Provenance shows them as steps; corroboration counts only the producer at the end.
CREATE TABLE citation_via (
  citation_id  INTEGER NOT NULL REFERENCES citation(id),
  position     INTEGER NOT NULL,
  report_id    INTEGER REFERENCES report(id),
  entity_id    INTEGER REFERENCES entity(id),
  PRIMARY KEY (citation_id, position),
  CHECK ((report_id IS NULL) <> (entity_id IS NULL))
) STRICT, WITHOUT ROWID;
