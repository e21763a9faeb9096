/**
 * One figure, one slug, across the documents: a slug stated again must be defined the same way
 * (then the documents cite one statistic), and a figure stated again must use the slug it
 * already has. A clash is reported on the document added later (added-later.ts), since the
 * other document's slug may already be published.
 */
import { addedAfter } from "./added-later.js";
import type { DataFile } from "./data-file.js";
import { formatLoc } from "./problem-words.js";
import type { PathSegment } from "./problems.js";
import type { StatisticDefinition } from "./source-parts.js";
import type { DefinedStatistic, ValidationContext } from "./validation-context.js";

/**
 * The statistic already defined under `s.slug`, when `s` defines it the same way (taking its
 * note when it has none yet); null when `s` defines it differently (reported); undefined when
 * the slug is new.
 */
export function earlierDefinition(ctx: ValidationContext, s: StatisticDefinition, file: DataFile, path: PathSegment[]): DefinedStatistic | null | undefined {
  const existing = ctx.statistics.get(s.slug);
  if (!existing) return undefined;
  const diff = definitionDiff(existing, s);
  if (diff) {
    // Reported on the document added later (added-later.ts): the other's slug may be published.
    if (clashIsHere(ctx, file, existing.file)) {
      ctx.report(file, [...path, "slug"], slugClash(s.slug, earlier(definedWhere(existing), file.file, existing.file), diff));
    } else {
      ctx.report(existing.definedIn, ["statistics", existing.definedAt, "slug"], slugClash(s.slug, earlier(formatLoc(file, path), file.file, existing.file), definitionDiff(existing, s, true)!));
    }
    return null;
  }
  if (s.note !== undefined && existing.note !== null && s.note !== existing.note) {
    ctx.report(file, [...path, "note"], `statistic '${s.slug}' already has a different note in ${definedWhere(existing)}; keep the statistic's note in one place (citations have notes of their own)`);
  }
  if (existing.note === null && s.note !== undefined) existing.note = s.note;
  return existing;
}

/**
 * Whether the new slug `s.slug` may be defined: false when another slug states the same
 * figure (`identity`, see figureIdentity) and `s` is in the document added later (reported
 * here). When the other slug is in the document added later, the problem is reported there,
 * and `s` is defined.
 */
export function checkSameFigure(ctx: ValidationContext, s: StatisticDefinition, file: DataFile, path: PathSegment[], identity: string): boolean {
  const twin = ctx.figures.find(identity);
  if (!twin) return true;
  // Reported on the document added later (added-later.ts), whose slug is not yet published:
  // it takes the other's slug, never the other way round.
  if (clashIsHere(ctx, file, twin.file)) {
    ctx.report(file, [...path, "slug"], sameFigure(s.slug, twin.slug, earlier(definedWhere(twin), file.file, twin.file)));
    return false;
  }
  ctx.report(twin.definedIn, ["statistics", twin.definedAt, "slug"], sameFigure(twin.slug, s.slug, earlier(formatLoc(file, path), file.file, twin.file)));
  return true;
}

/**
 * Whether a clash between a statistic of `file` and one defined in `other` is reported on
 * `file`: it is the document added later (added-later.ts), or both are in one file.
 */
function clashIsHere(ctx: ValidationContext, file: DataFile, other: string): boolean {
  return file.file === other || addedAfter(ctx.sourceOfFile.get(file.file)!, ctx.sourceOfFile.get(other)!);
}

/** Where the other statistic of a clash is, "the earlier document" when it is another file. */
function earlier(at: string, file: string, other: string): string {
  return file === other ? at : `${at}, the earlier document`;
}

function definedWhere(stat: DefinedStatistic): string {
  return formatLoc(stat.definedIn, ["statistics", stat.definedAt]);
}

/**
 * Describes which defining fields of a statistic's first definition and a later one differ,
 * each with the first definition's value and (in brackets) the later one's as "here"; or, with
 * `fromLater`, for a problem reported on the first definition's file: the later one's value
 * first and the first definition's as "here".
 */
function definitionDiff(a: DefinedStatistic, b: StatisticDefinition, fromLater = false): string | null {
  const fields: [string, unknown, unknown][] = [
    ["metric", a.metric, b.metric],
    ["subject", a.subjects.length === 1 ? a.subject : undefined, b.subject],
    ["subjects", a.subjects.length > 1 ? a.subjects : undefined, b.subjects],
    ["event", a.event ?? undefined, b.event],
    ["kind", a.kind, b.kind],
    ["amount", a.amount, b.value.amount],
    ["unit", a.unit, b.value.unit],
    ["comparator", a.comparator, b.value.comparator],
    ["upper", a.upper ?? undefined, b.value.upper],
    ["precision", a.precisionStated ? a.precision : undefined, b.value.precision],
    ["period", a.periodInput === null && a.period !== null ? a.period.label : a.periodInput, b.period],
    ["derivation", a.derivationInput, b.derivation],
  ];
  const diffs = fields
    .filter(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y))
    .map(([n, x, y]) => (fromLater ? [n, y, x] : [n, x, y]))
    .map(([n, x, y]) => `${n} ${JSON.stringify(x ?? null)} (here ${JSON.stringify(y ?? null)})`);
  return diffs.length ? `a different ${diffs.join(", ")}` : null;
}

/**
 * The problem of a statistic `slug` that states the same figure as `existing` (defined at
 * `where`), reported on the document added later: the fix is to use the existing slug in this
 * file, never to change the other document's.
 */
function sameFigure(slug: string, existing: string, where: string): string {
  return `statistic '${slug}' states the same figure as '${existing}' (${where}): use the existing slug '${existing}' in this file so that both documents cite one statistic`;
}

/**
 * The problem of a statistic `slug` already defined (at `where`) as another figure (`diff`),
 * reported on the document added later: this file's figure takes a slug of its own.
 */
function slugClash(slug: string, where: string, diff: string): string {
  return `statistic '${slug}' is already defined in ${where} with ${diff}: a different figure needs a slug of its own, so give this one a new slug in this file (or, if it is the same figure, copy that definition)`;
}
