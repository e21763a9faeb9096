import type { Statements } from "./statements.js";
import type { EntityType } from "./entity.repo.js";
import type { MetricWords } from "../facts/claims/claim-vocabulary.js";

/** A metric with the units its values may be given in (comma-separated, alphabetical), as the claim reader takes it. */
export type VocabularyMetricRow = MetricWords;

/** One name of an entity: its English name, a name in another language or an alias. */
export interface VocabularyNameRow {
  readonly id: number;
  readonly slug: string;
  readonly type: EntityType;
  readonly name: string;
  /** `en` for the entity's own name, else the language of the name (aliases keep theirs). */
  readonly lang: string;
  readonly isAlias: 0 | 1;
  /** Events: first and last day, when known. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  /** Events: the event it is part of; other entities: their parent (organization, platform, market). */
  readonly parentId: number | null;
}

/** A metric and a subject the knowledge base holds statistics of, with how many. */
export interface MetricSubjectRow {
  readonly metricId: number;
  readonly subjectId: number;
  readonly count: number;
}

/**
 * Reads the knowledge base's own words, whole: every metric with its units, every name of
 * every entity, and which subjects each metric has figures about. A claim is read against
 * this vocabulary (src/facts/claims), which is built once per database: the registries are
 * small and never change while the file is served.
 */
export class VocabularyRepository {
  constructor(private readonly run: Statements) {}

  /** Every metric with its units, by slug. */
  metrics(): VocabularyMetricRow[] {
    return this.run.allCached<VocabularyMetricRow>(
      "vocabulary.metrics",
      `SELECT m.id, m.slug, m.name, m.description, m.quantity,
           coalesce((SELECT group_concat(unit, ',') FROM (SELECT unit FROM metric_unit u WHERE u.metric_id = m.id ORDER BY unit)), '') AS units
         FROM metric m ORDER BY m.slug`,
    );
  }

  /** Every name of every entity (its own name first, then other languages and aliases), by slug. */
  names(): VocabularyNameRow[] {
    return this.run.allCached<VocabularyNameRow>(
      "vocabulary.names",
      `SELECT e.id, e.slug, e.type, e.name, 'en' AS lang, 0 AS isAlias, e.start_date AS startDate, e.end_date AS endDate, e.parent_id AS parentId, 0 AS k FROM entity e
         UNION ALL
         SELECT e.id, e.slug, e.type, n.name, n.lang, n.is_alias, e.start_date, e.end_date, e.parent_id, 1 FROM entity_name n JOIN entity e ON e.id = n.entity_id
         ORDER BY 2, 10, 4`,
    );
  }

  /** For every metric, the subjects it has statistics about (any subject of a combined figure) and how many. */
  metricSubjects(): MetricSubjectRow[] {
    return this.run.allCached<MetricSubjectRow>(
      "vocabulary.metricSubjects",
      `SELECT s.metric_id AS metricId, ss.entity_id AS subjectId, count(*) AS count
         FROM statistic s JOIN statistic_subject ss ON ss.statistic_id = s.id
         GROUP BY s.metric_id, ss.entity_id ORDER BY s.metric_id, ss.entity_id`,
    );
  }
}
