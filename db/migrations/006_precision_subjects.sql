-- What agreement needs beyond the stated amount (see db/README.md, "Values" and "Subjects").
--
-- The precision each figure is written to: the place value of its last written digit
-- ("2 billion": 1e9; "8.6%": 0.1). A flat figure stands for every value that rounds to it.
ALTER TABLE statistic ADD COLUMN precision REAL NOT NULL DEFAULT 1;

-- Every subject of a statistic, the first being statistic.subject_id: a combined figure of two
-- hosts is about both. Agreement finds comparable figures through any of them.
CREATE TABLE statistic_subject (
  entity_id    INTEGER NOT NULL REFERENCES entity(id),
  statistic_id INTEGER NOT NULL REFERENCES statistic(id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (entity_id, statistic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statistic_subject_statistic ON statistic_subject(statistic_id, position);
-- The same list on the statistic row, comma-separated ids in order, when there is more than one
-- subject (NULL for the usual single subject), so that a row read for comparison carries it.
ALTER TABLE statistic ADD COLUMN subject_set TEXT;

-- The market a platform, organization, MCN, brand or person is part of, for comparing its own
-- figures with the market's totals (markets keep their broader market in parent_id).
ALTER TABLE entity ADD COLUMN part_of_id INTEGER REFERENCES entity(id);
