-- Units and their names (src/facts/unit-catalog.ts, db/registry/units.yaml): every unit a
-- metric is given in and every registered unit, so that the API writes figures in words
-- ("more than 1.73 million jobs", "超过173万个就业岗位") and lists the closed set of units.
CREATE TABLE unit (
  code        TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('CURRENCY', 'PERCENT', 'PERCENTAGE_POINTS', 'MULTIPLE', 'CALENDAR_YEAR', 'DURATION', 'COUNT', 'RATE')),
  singular    TEXT NOT NULL,
  plural      TEXT NOT NULL,
  symbol      TEXT,
  zh          TEXT NOT NULL,
  description TEXT NOT NULL
) STRICT, WITHOUT ROWID;
