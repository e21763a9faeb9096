import type { z } from "zod";
import type { DataFile } from "./data-file.js";
import { FigureIndex } from "./figure-index.js";
import type { Located } from "./located.js";
import type { EntityRec, MetricRec, ReportRec, SourceRec, StatisticRec } from "./model.js";
import { issueText } from "./problem-words.js";
import type { PathSegment, Problem } from "./problems.js";
import type { StatisticInput } from "./schemas.js";
import { ValidationMemo } from "./validation-memo.js";

/**
 * A statistic as the model holds it, with where and how it was first defined, kept to check
 * later definitions against. Only what that check needs outlives the file (not the parsed
 * input), so that a million statistics stay small in memory.
 */
export interface DefinedStatistic extends StatisticRec {
  /** The file of the first definition and its index in that file's `statistics`. */
  readonly definedIn: DataFile;
  readonly definedAt: number;
  /** The period and derivation as first written; a period written as a label is `period.label`, and null here. */
  readonly periodInput: Exclude<StatisticInput["period"], string>;
  readonly derivationInput: StatisticInput["derivation"];
  /** Whether the editor gave the precision (then the words as written do not refine it). */
  readonly precisionStated: boolean;
}

/**
 * What every check of one validation shares: the problems found so far, in the order found,
 * and the indices of what has been read. The registries fill the first indices (entities,
 * reports, metrics), which the source documents are then checked against; the documents fill
 * the others as they are read, one file at a time.
 */
export class ValidationContext {
  /** Every problem found, in the order found. */
  readonly problems: Problem[] = [];

  /** Entities by slug: one namespace across all entity registries. */
  readonly entities = new Map<string, EntityRec>();
  /** Where each entity is defined. */
  readonly entityAt = new Map<string, Located<unknown>>();
  /** Reports by slug. */
  readonly reports = new Map<string, ReportRec>();
  /** Where each report is defined. */
  readonly reportAt = new Map<string, Located<unknown>>();
  /** Metrics by slug. */
  readonly metrics = new Map<string, MetricRec>();
  /** Where each metric is defined. */
  readonly metricAt = new Map<string, Located<unknown>>();

  /** Source documents by slug. */
  readonly sources = new Map<string, SourceRec>();
  /** Where each source document is defined (its file). */
  readonly sourceAt = new Map<string, Located<unknown>>();
  /** The first source document at each URL. */
  readonly urls = new Map<string, Located<unknown>>();
  /** Each source file's document, for the dates that say which of two files came later. */
  readonly sourceOfFile = new Map<string, SourceRec>();

  /** Statistics by slug, as first defined, with the citations of every document stating them. */
  readonly statistics = new Map<string, DefinedStatistic>();
  /** The same statistics by the figure they state, to find one figure under two slugs. */
  readonly figures = new FigureIndex<DefinedStatistic>();
  /**
   * Statistics left out for a problem already reported (a schema problem, an unknown metric):
   * not also "unknown" to the statistics derived from them.
   */
  readonly leftOut = new Set<string>();
  /** The derived statistics, whose inputs are checked once every document has been read. */
  readonly derivationChecks: DefinedStatistic[] = [];

  /** Names, periods and formulas computed once for the whole validation. */
  readonly memo = new ValidationMemo();

  /** Records a problem at `path` in `file`. */
  report(file: DataFile, path: PathSegment[], reason: string): void {
    this.problems.push(file.problem(path, reason));
  }

  /**
   * The records of a registry file that parse with `schema`, each with where it came from;
   * every schema problem is reported at its path. A file that is missing or did not parse
   * has none.
   */
  records<T>(file: DataFile | undefined, schema: z.ZodType<T>): Located<T>[] {
    if (!file || file.data === undefined) return [];
    if (!Array.isArray(file.data)) {
      this.report(file, [], "must be a list of records");
      return [];
    }
    const out: Located<T>[] = [];
    file.data.forEach((raw, i) => {
      const r = schema.safeParse(raw);
      if (r.success) out.push({ value: r.data, file, path: [i] });
      else for (const issue of r.error.issues) this.report(file, [i, ...(issue.path as PathSegment[])], issueText(issue));
    });
    return out;
  }
}
