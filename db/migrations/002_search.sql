-- Full-text search over statistics, sources, reports, metrics and entities. One FTS5 table so a
-- single ranked query serves the mixed-type `search` field; `kind` and `ref_id` locate the row.
-- unicode61 folds case and diacritics; names in Chinese are indexed as written.
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
