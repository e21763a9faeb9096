-- Exact-name lookup for search. Every name of an entity (its English name, its names in other
-- languages and its aliases), folded by src/db/name-key.ts (letter case and white space), with
-- the entity's row in search_index. A search whose query is exactly one of these names puts
-- that entity first (src/db/search.repo.ts); this table finds it with one index seek, where
-- comparing folded names in entity and entity_name would read both tables.
CREATE TABLE entity_name_key (
  key          TEXT NOT NULL,
  entity_id    INTEGER NOT NULL REFERENCES entity(id),
  search_rowid INTEGER NOT NULL,
  PRIMARY KEY (key, entity_id)
) STRICT, WITHOUT ROWID;
