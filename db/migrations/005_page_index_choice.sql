-- Indexes that leave SQLite one good plan for the pages of statistics found slow on a
-- 1,000,000-statistic synthetic knowledge base (npm run bench:scale).

-- A metric's or subject's statistics by period, value or publication date, with the period
-- too: a page of one metric (or subject) within a period window walks these in the page's
-- order and checks the window in the index, without reading the table for the rows outside
-- it. The repository keeps the period terms from driving an index when the order is by value
-- or date (src/db/statistic.repo.ts). Measured at 1,000,000:
-- - by value or date, SQLite sometimes chose the metric's period index and sorted every
--   statistic of the metric in the window (50 ms); forced onto the ordered index without the
--   period columns, a window that keeps few rows read the table for every statistic of the
--   metric (48 ms); with them, 2 ms;
-- - by period, a window starting a year after the first period read the table for each
--   period that starts before the window to learn that it also ends before it (7 ms p95; 2.3
--   ms with period_end here).
DROP INDEX statistic_metric_period;
DROP INDEX statistic_subject_period;
DROP INDEX statistic_metric_amount;
DROP INDEX statistic_metric_published;
DROP INDEX statistic_subject_amount;
DROP INDEX statistic_subject_published;
CREATE INDEX statistic_metric_period ON statistic(metric_id, period_start, id, period_end);
CREATE INDEX statistic_subject_period ON statistic(subject_id, period_start, id, period_end);
CREATE INDEX statistic_metric_amount ON statistic(metric_id, amount, id, period_start, period_end);
CREATE INDEX statistic_metric_published ON statistic(metric_id, first_published, id, period_start, period_end);
CREATE INDEX statistic_subject_amount ON statistic(subject_id, amount, id, period_start, period_end);
CREATE INDEX statistic_subject_published ON statistic(subject_id, first_published, id, period_start, period_end);

-- hasVerifiedQuote ordered by period, as two partial indexes (the repository writes the flag
-- as a literal, 0 or 1, so that SQLite can match them) instead of one led by the flag. An
-- index led by a column of two values invited a skip-scan of it for pages by period, which
-- cannot give rows in id order: reading on from a keyset cursor inside a run of equal period
-- starts then sorted the run.
DROP INDEX statistic_verified_period;
CREATE INDEX statistic_period_verified ON statistic(period_start, id) WHERE has_verified_quote = 1;
CREATE INDEX statistic_period_unverified ON statistic(period_start, id) WHERE has_verified_quote = 0;
