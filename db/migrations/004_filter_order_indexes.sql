-- Indexes the query-plan tests (test/perf/query-plans.test.ts) found missing: with them every
-- list the API reads is served in order from an index.

-- A page of statistics filtered by one kind, unit or subject and ordered by value or by
-- publication date, read from an index in that order instead of sorting every statistic the
-- filter keeps. Measured on a 1,000,000-statistic synthetic knowledge base: a page of one
-- kind (or unit) by value sorted a quarter of all statistics, 129 ms; a subject's page by
-- value or date sorted all of the subject's (3-5 ms, growing with the knowledge base). The
-- other orders of these filters were already served (period indexes, statistic_published).
CREATE INDEX statistic_kind_amount ON statistic(kind, amount, id);
CREATE INDEX statistic_unit_amount ON statistic(unit, amount, id);
CREATE INDEX statistic_subject_amount ON statistic(subject_id, amount, id);
CREATE INDEX statistic_subject_published ON statistic(subject_id, first_published, id);

-- Sources of one publisher or of one kind, in slug order, and how many there are: without
-- these, counting a publisher's sources read every source.
CREATE INDEX source_publisher ON source(publisher_id, slug, id);
CREATE INDEX source_kind ON source(kind, slug, id);
