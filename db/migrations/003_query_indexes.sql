-- Indexes for the API's hot filters and orders, measured on a 100,000-statistic synthetic
-- knowledge base: each lets a query walk an index range instead of scanning or sorting.

-- hasVerifiedQuote: false/true ordered by period without scanning the period index.
CREATE INDEX statistic_verified_period ON statistic(has_verified_quote, period_start, id);
-- Period-overlap filters read period_end from the index instead of the table.
DROP INDEX statistic_period;
CREATE INDEX statistic_period_span ON statistic(period_start, id, period_end);
-- A source's citations in reading order (by quote position) without a sort.
CREATE INDEX citation_source_reading ON citation(source_id, quote_start, id);
-- A metric's statistics ordered by value or by publication date.
CREATE INDEX statistic_metric_amount ON statistic(metric_id, amount, id);
CREATE INDEX statistic_metric_published ON statistic(metric_id, first_published, id);
