-- Core schema of the knowledge base. The database is built once from the curated files in db/
-- and then opened read-only, so integrity is enforced both here (constraints) and by the build
-- (validation with file and line). Dates are ISO 8601 text; partial dates ('2020-12', '2021')
-- are allowed where a document gives no day.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every named thing a statistic can be about or attributed to: platforms, organizations, MCNs,
-- brands, people, markets and events share one table so that a subject or producer is one
-- foreign key whatever its type.
CREATE TABLE entity (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL CHECK (type IN ('PLATFORM','ORGANIZATION','MCN','BRAND','PERSON','MARKET','EVENT')),
  name         TEXT NOT NULL,
  description  TEXT NOT NULL,
  org_kind     TEXT CHECK (org_kind IS NULL OR org_kind IN ('COMPANY','GOVERNMENT_AGENCY','UNIVERSITY','RESEARCH_INSTITUTE','NEWS_PUBLISHER','CONSULTANCY','INDUSTRY_BODY','OTHER')),
  website      TEXT,
  -- Platforms: the organization that runs them. Brands and MCNs: the owning company, when known.
  operator_id  INTEGER REFERENCES entity(id),
  -- Organizations: parent organization. Markets: the broader market this one is part of.
  parent_id    INTEGER REFERENCES entity(id),
  start_date   TEXT,
  end_date     TEXT,
  file         TEXT NOT NULL
) STRICT;
CREATE INDEX entity_type ON entity(type, slug);

-- Names in other languages (BCP 47 tag) and alternative spellings ('alias' = same language).
CREATE TABLE entity_name (
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  lang      TEXT NOT NULL,
  name      TEXT NOT NULL,
  is_alias  INTEGER NOT NULL DEFAULT 0 CHECK (is_alias IN (0,1)),
  PRIMARY KEY (entity_id, lang, name)
) STRICT, WITHOUT ROWID;

-- A work that produced figures: report, study, dataset, survey, statement, filing.
CREATE TABLE report (
  id                 INTEGER PRIMARY KEY,
  slug               TEXT NOT NULL UNIQUE,
  title              TEXT NOT NULL,
  title_is_descriptive INTEGER NOT NULL DEFAULT 0 CHECK (title_is_descriptive IN (0,1)),
  original_title     TEXT,
  original_language  TEXT,
  kind               TEXT NOT NULL CHECK (kind IN ('REPORT','STUDY','DATASET','SURVEY','OFFICIAL_STATEMENT','COMPANY_FILING','PRESS_RELEASE')),
  published_on       TEXT,
  url                TEXT,
  description        TEXT NOT NULL,
  file               TEXT NOT NULL
) STRICT;

CREATE TABLE report_author (
  report_id INTEGER NOT NULL REFERENCES report(id),
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  position  INTEGER NOT NULL,
  PRIMARY KEY (report_id, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX report_author_entity ON report_author(entity_id);

-- REPUBLISHES: the report passes on the other's figures (follow it to find the producer).
-- USES_DATA: the report computed its figures from the other's data (provenance only).
CREATE TABLE report_based_on (
  report_id     INTEGER NOT NULL REFERENCES report(id),
  based_on_id   INTEGER NOT NULL REFERENCES report(id),
  relation      TEXT NOT NULL CHECK (relation IN ('REPUBLISHES','USES_DATA')),
  inferred      INTEGER NOT NULL CHECK (inferred IN (0,1)),
  note          TEXT,
  PRIMARY KEY (report_id, based_on_id)
) STRICT, WITHOUT ROWID;

-- What is measured, defined once.
CREATE TABLE metric (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL,
  quantity     TEXT NOT NULL CHECK (quantity IN ('MONEY','COUNT','SHARE','GROWTH_RATE','RATIO','DURATION','PERCENTAGE_POINTS')),
  file         TEXT NOT NULL
) STRICT;

CREATE TABLE metric_unit (
  metric_id INTEGER NOT NULL REFERENCES metric(id),
  unit      TEXT NOT NULL,
  PRIMARY KEY (metric_id, unit)
) STRICT, WITHOUT ROWID;

-- EQUIVALENT: values convert exactly (value_in_related = value * scale + offset).
-- DIFFERENT_SCOPE: a neighbouring measure (another denominator, a narrower definition).
CREATE TABLE metric_related (
  metric_id   INTEGER NOT NULL REFERENCES metric(id),
  related_id  INTEGER NOT NULL REFERENCES metric(id),
  relation    TEXT NOT NULL CHECK (relation IN ('EQUIVALENT','DIFFERENT_SCOPE')),
  scale       REAL,
  offset      REAL,
  note        TEXT NOT NULL,
  PRIMARY KEY (metric_id, related_id)
) STRICT, WITHOUT ROWID;

-- A document that was read. coverage FULL/EXCERPT: archive_text holds the text as read and
-- sha256 its digest; NONE: only bibliographic data is held.
CREATE TABLE source (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT,
  title_is_descriptive INTEGER NOT NULL DEFAULT 0 CHECK (title_is_descriptive IN (0,1)),
  url            TEXT NOT NULL UNIQUE,
  url_status     TEXT NOT NULL CHECK (url_status IN ('ORIGINAL','AS_SEEN','REPOST','INFERRED_ORIGINAL')),
  publisher_id   INTEGER REFERENCES entity(id),
  publisher_as_named TEXT,
  published_on   TEXT,
  language       TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('NEWS_ARTICLE','PRESS_RELEASE','REPORT_PAGE','COMPANY_FILING','BLOG_POST','SOCIAL_MEDIA_POST','ENCYCLOPEDIA_ARTICLE','JOURNAL_ARTICLE')),
  coverage       TEXT NOT NULL CHECK (coverage IN ('FULL','EXCERPT','NONE')),
  archive_text   TEXT,
  sha256         TEXT,
  length         INTEGER,
  retrieved_at   TEXT,
  note           TEXT,
  file           TEXT NOT NULL,
  CHECK ((coverage = 'NONE') = (archive_text IS NULL))
) STRICT;
CREATE INDEX source_published ON source(published_on, id);

CREATE TABLE source_author (
  source_id INTEGER NOT NULL REFERENCES source(id),
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  position  INTEGER NOT NULL,
  PRIMARY KEY (source_id, entity_id)
) STRICT, WITHOUT ROWID;

-- One figure as stated. Bounds are NULL when unbounded; *_closed says whether the bound itself
-- is included. period_* are NULL when the documents give no period.
CREATE TABLE statistic (
  id                INTEGER PRIMARY KEY,
  slug              TEXT NOT NULL UNIQUE,
  metric_id         INTEGER NOT NULL REFERENCES metric(id),
  subject_id        INTEGER NOT NULL REFERENCES entity(id),
  event_id          INTEGER REFERENCES entity(id),
  kind              TEXT NOT NULL CHECK (kind IN ('MEASUREMENT','ESTIMATE','FORECAST','SURVEY','DERIVED')),
  amount            REAL NOT NULL,
  unit              TEXT NOT NULL,
  comparator        TEXT NOT NULL CHECK (comparator IN ('EQUAL','APPROXIMATELY','MORE_THAN','AT_LEAST','LESS_THAN','AT_MOST','BETWEEN')),
  lower_bound       REAL,
  lower_closed      INTEGER NOT NULL CHECK (lower_closed IN (0,1)),
  upper_bound       REAL,
  upper_closed      INTEGER NOT NULL CHECK (upper_closed IN (0,1)),
  value_as_written  TEXT,
  period_start      TEXT,
  period_end        TEXT,
  period_label      TEXT,
  period_days       INTEGER,
  period_as_written TEXT,
  period_resolution TEXT,
  derivation_formula TEXT,
  note              TEXT,
  -- Denormalised for filters and sorts: earliest publication date among the citing sources,
  -- and whether any citation verified against its archive at build time.
  first_published   TEXT,
  has_verified_quote INTEGER NOT NULL CHECK (has_verified_quote IN (0,1)),
  CHECK (period_start IS NULL OR period_end >= period_start)
) STRICT;
CREATE INDEX statistic_metric_period ON statistic(metric_id, period_start, id);
CREATE INDEX statistic_subject_period ON statistic(subject_id, period_start, id);
CREATE INDEX statistic_period ON statistic(period_start, id);
CREATE INDEX statistic_period_end ON statistic(period_end, id);
CREATE INDEX statistic_amount ON statistic(amount, id);
CREATE INDEX statistic_published ON statistic(first_published, id);
CREATE INDEX statistic_kind ON statistic(kind, id);
CREATE INDEX statistic_unit ON statistic(unit, id);
CREATE INDEX statistic_event ON statistic(event_id) WHERE event_id IS NOT NULL;

-- Named inputs of a derived statistic's formula, e.g. sessions -> the half-year session count.
CREATE TABLE derivation_input (
  statistic_id  INTEGER NOT NULL REFERENCES statistic(id),
  name          TEXT NOT NULL,
  input_id      INTEGER NOT NULL REFERENCES statistic(id),
  position      INTEGER NOT NULL,
  PRIMARY KEY (statistic_id, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX derivation_input_input ON derivation_input(input_id);

-- The link between a statistic and the source that states it, with the W3C Web Annotation
-- selectors (quote_exact/prefix/suffix, quote_start/end in Unicode code points of archive_text)
-- and the attribution as the source states it.
CREATE TABLE citation (
  id                     INTEGER PRIMARY KEY,
  slug                   TEXT NOT NULL UNIQUE,
  statistic_id           INTEGER NOT NULL REFERENCES statistic(id),
  source_id              INTEGER NOT NULL REFERENCES source(id),
  key                    TEXT NOT NULL,
  position               INTEGER NOT NULL,
  quote_exact            TEXT,
  quote_prefix           TEXT,
  quote_suffix           TEXT,
  quote_start            INTEGER,
  quote_end              INTEGER,
  value_as_written       TEXT,
  period_as_written      TEXT,
  period_inferred        INTEGER NOT NULL CHECK (period_inferred IN (0,1)),
  attribution_as_written TEXT,
  attributed_report_id   INTEGER REFERENCES report(id),
  attributed_entity_id   INTEGER REFERENCES entity(id),
  attribution_inferred   INTEGER NOT NULL CHECK (attribution_inferred IN (0,1)),
  attribution_note       TEXT,
  verified               INTEGER NOT NULL CHECK (verified IN (0,1)),
  verification_note      TEXT NOT NULL,
  note                   TEXT,
  UNIQUE (source_id, key),
  CHECK (attributed_report_id IS NULL OR attributed_entity_id IS NULL),
  CHECK ((quote_exact IS NULL) = (quote_start IS NULL))
) STRICT;
CREATE INDEX citation_statistic ON citation(statistic_id, id);
CREATE INDEX citation_source ON citation(source_id, id);
CREATE INDEX citation_report ON citation(attributed_report_id) WHERE attributed_report_id IS NOT NULL;
CREATE INDEX citation_entity ON citation(attributed_entity_id) WHERE attributed_entity_id IS NOT NULL;

-- Who originally produced each statistic, resolved at build time by following attributions
-- (and REPUBLISHES links between reports) so that filters by producer are one indexed join.
CREATE TABLE statistic_producer (
  statistic_id INTEGER NOT NULL REFERENCES statistic(id),
  entity_id    INTEGER NOT NULL REFERENCES entity(id),
  PRIMARY KEY (statistic_id, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statistic_producer_entity ON statistic_producer(entity_id, statistic_id);
