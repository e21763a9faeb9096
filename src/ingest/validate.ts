import { createHash } from "node:crypto";
import type { z } from "zod";
import { ArchiveText, anchorQuote } from "../facts/anchor.js";
import { BUILTINS, formulaVariables, parseFormula } from "../facts/formula.js";
import type { Comparator } from "../facts/interval.js";
import { type Period, isPartialDate, makePeriod, parsePeriod } from "../facts/period.js";
import { defaultPrecision, precisionFromWords } from "../facts/precision.js";
import { checkHierarchies, valueProblems } from "./value-checks.js";
import type { DataFile } from "./data-file.js";
import type { CitationRec, EntityRec, MetricRec, Model, ReportRec, SourceRec, StatisticRec } from "./model.js";
import type { EntityType } from "../db/entity.repo.js";
import type { PathSegment, Problem } from "./problems.js";
import { type AttributionLinks, checkAttributionLinks } from "./validate-attribution.js";
import {
  BrandInput,
  EventInput,
  McnInput,
  MarketInput,
  MetricInput,
  OrganizationInput,
  PersonInput,
  PlatformInput,
  ReportInput,
  type StatisticInput,
  UnitInput,
} from "./schemas.js";
import { checkUnits } from "./validate-units.js";
import type { Located } from "./located.js";
import { addedAfter } from "./added-later.js";
import { periodIssueText } from "./period-issue.js";
import { type StatisticDefinition, readSource } from "./source-parts.js";

/** The curated files, opened but not yet checked. */
export interface CuratedFiles {
  /** Registry files by registry name (organizations, platforms, ...), each a list of records. */
  readonly registries: ReadonlyMap<RegistryName, DataFile>;
  /**
   * One file per source document, in path order. Iterated once: each file may be read when it
   * is reached, and is released (see DataFile.release) once checked.
   */
  readonly sources: Iterable<DataFile>;
  /** The archived text at a path relative to the project root, or undefined when there is no such file. */
  archive(path: string): string | undefined;
}

/** The registry files, one per kind of record. */
export const REGISTRIES = ["organizations", "platforms", "mcns", "brands", "people", "markets", "events", "reports", "metrics", "units"] as const;
/** A registry file's name without extension. */
export type RegistryName = (typeof REGISTRIES)[number];

const ENTITY_REGISTRIES: Record<Exclude<RegistryName, "reports" | "metrics" | "units">, { type: EntityType; schema: z.ZodType }> = {
  organizations: { type: "ORGANIZATION", schema: OrganizationInput },
  platforms: { type: "PLATFORM", schema: PlatformInput },
  mcns: { type: "MCN", schema: McnInput },
  brands: { type: "BRAND", schema: BrandInput },
  people: { type: "PERSON", schema: PersonInput },
  markets: { type: "MARKET", schema: MarketInput },
  events: { type: "EVENT", schema: EventInput },
};

/** Entity types that can be credited with producing a figure. */
const PRODUCER_TYPES: readonly EntityType[] = ["ORGANIZATION", "PLATFORM", "PERSON", "MCN", "BRAND"];
const SUBJECT_TYPES: readonly EntityType[] = ["PLATFORM", "ORGANIZATION", "MCN", "BRAND", "PERSON", "MARKET", "EVENT"];
const EVENT_TYPES: readonly EntityType[] = ["EVENT"];
// Path tails of the checks run for every statistic and citation, allocated once.
const SUBJECT: readonly PathSegment[] = ["subject"];
const EVENT: readonly PathSegment[] = ["event"];
const ATTRIBUTED_ENTITY: readonly PathSegment[] = ["attribution", "entity"];


/**
 * A statistic as the model holds it, with where and how it was first defined, kept to check
 * later definitions against. Only what that check needs outlives the file (not the parsed
 * input), so that a million statistics stay small in memory.
 */
interface DefinedStatistic extends StatisticRec {
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
 * Checks the curated files against each other and against the archived texts, and returns
 * the resolved model together with every problem found (the model is only usable when there
 * are no problems). Nothing stops at the first problem.
 */
export function validate(files: CuratedFiles): { model: Model; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (file: DataFile, path: PathSegment[], reason: string) => problems.push(file.problem(path, reason));

  // ---- Structure: parse every record with its schema, keeping where it came from.
  const parsedList = <T>(file: DataFile | undefined, schema: z.ZodType<T>): Located<T>[] => {
    if (!file || file.data === undefined) return [];
    if (!Array.isArray(file.data)) {
      report(file, [], "must be a list of records");
      return [];
    }
    const out: Located<T>[] = [];
    file.data.forEach((raw, i) => {
      const r = schema.safeParse(raw);
      if (r.success) out.push({ value: r.data, file, path: [i] });
      else for (const issue of r.error.issues) report(file, [i, ...(issue.path as PathSegment[])], issueText(issue));
    });
    return out;
  };

  // ---- Entities: one slug namespace across all entity registries.
  const entities = new Map<string, EntityRec>();
  const entityAt = new Map<string, Located<unknown>>();
  const entityRefs: { from: Located<unknown>; field: string; slug: string; types: readonly EntityType[] }[] = [];
  for (const [name, { type, schema }] of Object.entries(ENTITY_REGISTRIES) as [keyof typeof ENTITY_REGISTRIES, { type: EntityType; schema: z.ZodType }][]) {
    for (const loc of parsedList(files.registries.get(name), schema) as Located<Record<string, unknown>>[]) {
      const v = loc.value as Record<string, any>;
      const prev = entityAt.get(v.slug);
      if (prev) {
        report(loc.file, [...loc.path, "slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
        continue;
      }
      const rec: EntityRec = {
        slug: v.slug,
        type,
        name: v.name,
        description: v.description,
        orgKind: v.kind ?? null,
        website: v.website ?? null,
        operator: v.operator ?? v.owner ?? null,
        parent: type === "MARKET" || type === "EVENT" ? (v.partOf ?? null) : (v.parent ?? v.affiliation ?? null),
        partOf: type === "MARKET" || type === "EVENT" ? null : (v.partOf ?? null),
        start: v.start ?? null,
        end: v.end ?? null,
        names: [
          ...Object.entries(v.names as Record<string, string>).map(([lang, n]) => ({ lang, name: n, alias: false })),
          ...(v.aliases as string[]).map((n) => ({ lang: "en", name: n, alias: true })),
        ],
        file: loc.file.file,
      };
      entities.set(rec.slug, rec);
      entityAt.set(rec.slug, loc);
      const ref = (field: string, types: readonly EntityType[]) => {
        if (v[field] !== undefined) entityRefs.push({ from: loc, field, slug: v[field], types });
      };
      if (type === "ORGANIZATION") ref("parent", ["ORGANIZATION"]);
      if (type === "PLATFORM") {
        ref("operator", ["ORGANIZATION"]);
        ref("parent", ["PLATFORM"]);
      }
      if (type === "MCN") ref("operator", ["ORGANIZATION"]);
      if (type === "BRAND") ref("owner", ["ORGANIZATION"]);
      if (type === "PERSON") ref("affiliation", ["ORGANIZATION"]);
      if (type !== "EVENT") ref("partOf", ["MARKET"]);
      if (type === "EVENT") {
        ref("partOf", ["EVENT"]);
        if (rec.start && rec.end && rec.end < rec.start) report(loc.file, [...loc.path, "end"], `event ends (${rec.end}) before it starts (${rec.start})`);
      }
    }
  }
  // The problem's path is `path` followed by `tail`, only put together when there is a problem
  // (this runs for every subject, event and attribution of every statistic).
  const checkEntity = (file: DataFile, path: readonly PathSegment[], tail: readonly PathSegment[], slug: string, types: readonly EntityType[], what: string): boolean => {
    const e = entities.get(slug);
    if (!e) {
      report(file, [...path, ...tail], `unknown ${what} '${slug}': no entity has this slug${suggest(slug, entities.keys())}`);
      return false;
    }
    if (!types.includes(e.type)) {
      report(file, [...path, ...tail], `${what} '${slug}' is a ${e.type.toLowerCase()}, but must be ${types.map((t) => `a ${t.toLowerCase()}`).join(" or ")}`);
      return false;
    }
    return true;
  };
  for (const r of entityRefs) checkEntity(r.from.file, r.from.path, [r.field], r.slug, r.types, r.field);
  checkHierarchies(entities, (slug, field, reason) => report(entityAt.get(slug)!.file, [...entityAt.get(slug)!.path, field], reason));

  // ---- Reports.
  const reports = new Map<string, ReportRec>();
  const reportAt = new Map<string, Located<unknown>>();
  const reportLocs = parsedList(files.registries.get("reports"), ReportInput);
  for (const loc of reportLocs) {
    const v = loc.value;
    const prev = reportAt.get(v.slug);
    if (prev) {
      report(loc.file, [...loc.path, "slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
      continue;
    }
    reports.set(v.slug, {
      slug: v.slug,
      title: v.title,
      titleIsDescriptive: v.titleIsDescriptive,
      originalTitle: v.originalTitle ?? null,
      originalLanguage: v.originalLanguage ?? null,
      kind: v.kind,
      published: v.published ?? null,
      url: v.url ?? null,
      authors: v.authors,
      basedOn: v.basedOn.map((b) => ({ report: b.report, relation: b.relation, inferred: b.inferred, note: b.note ?? null })),
      description: v.description,
      file: loc.file.file,
    });
    reportAt.set(v.slug, loc);
  }
  for (const loc of reportLocs) {
    const v = loc.value;
    if (reportAt.get(v.slug) !== loc) continue;
    if (v.published && !isPartialDate(v.published)) report(loc.file, [...loc.path, "published"], `'${v.published}' is not a real date`);
    v.authors.forEach((a, i) => checkEntity(loc.file, loc.path, ["authors", i], a, PRODUCER_TYPES, "author"));
    v.basedOn.forEach((b, i) => {
      if (b.report === v.slug) report(loc.file, [...loc.path, "basedOn", i, "report"], "a report cannot be based on itself");
      else if (!reports.has(b.report)) report(loc.file, [...loc.path, "basedOn", i, "report"], `unknown report '${b.report}'${suggest(b.report, reports.keys())}`);
    });
  }

  // ---- Metrics.
  const metrics = new Map<string, MetricRec>();
  const metricAt = new Map<string, Located<unknown>>();
  const metricLocs = parsedList(files.registries.get("metrics"), MetricInput);
  for (const loc of metricLocs) {
    const v = loc.value;
    const prev = metricAt.get(v.slug);
    if (prev) {
      report(loc.file, [...loc.path, "slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
      continue;
    }
    if (v.quantity === "SHARE" && v.units.some((u) => u !== "PERCENT")) report(loc.file, [...loc.path, "units"], "a SHARE metric is measured in PERCENT only");
    metrics.set(v.slug, {
      slug: v.slug,
      name: v.name,
      description: v.description,
      quantity: v.quantity,
      units: v.units,
      related: v.related.map((r) => ({ metric: r.metric, relation: r.relation, scale: r.scale ?? null, offset: r.offset ?? null, note: r.note })),
      file: loc.file.file,
    });
    metricAt.set(v.slug, loc);
  }
  for (const loc of metricLocs) {
    if (metricAt.get(loc.value.slug) !== loc) continue;
    loc.value.related.forEach((r, i) => {
      const p = [...loc.path, "related", i];
      if (r.metric === loc.value.slug) report(loc.file, [...p, "metric"], "a metric cannot be related to itself");
      else if (!metrics.has(r.metric)) report(loc.file, [...p, "metric"], `unknown metric '${r.metric}'${suggest(r.metric, metrics.keys())}`);
      if (r.relation === "EQUIVALENT" && r.scale === undefined) report(loc.file, [...p, "scale"], "an EQUIVALENT relation needs a scale (related = value * scale + offset)");
      if (r.relation !== "EQUIVALENT" && (r.scale !== undefined || r.offset !== undefined)) report(loc.file, [...p], "only EQUIVALENT relations convert values (scale, offset)");
    });
  }

  const units = checkUnits(parsedList(files.registries.get("units"), UnitInput), metricLocs, report);

  // ---- Sources and the statistics they state.
  const sources = new Map<string, SourceRec>();
  const sourceAt = new Map<string, Located<unknown>>();
  const urls = new Map<string, Located<unknown>>();
  const statistics = new Map<string, DefinedStatistic>();
  const figures = new FigureIndex();
  const names = new Map<string, string>();
  const intern = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  const derivationChecks: DefinedStatistic[] = [];
  // Statistics left out for a problem already reported (a schema problem, an unknown metric):
  // not also "unknown" to the statistics derived from them.
  const leftOut = new Set<string>();
  // Each source file's document, for the dates that say which of two files came later.
  const sourceOfFile = new Map<string, SourceRec>();
  // Whether a clash between a statistic of `file` and one defined in `other` is reported on
  // `file`: it is the document added later (added-later.ts), or both are in one file.
  const clashIsHere = (file: DataFile, other: string) => file.file === other || addedAfter(sourceOfFile.get(file.file)!, sourceOfFile.get(other)!);
  // Where the other statistic of a clash is, "the earlier document" when it is another file.
  const earlier = (at: string, file: string, other: string) => (file === other ? at : `${at}, the earlier document`);
  // Few distinct period labels recur across many statistics; parse each once.
  const periodCache = new Map<string, ReturnType<typeof parsePeriod>>();
  const cachedPeriod = (label: string) => {
    let p = periodCache.get(label);
    if (!p) periodCache.set(label, (p = parsePeriod(label)));
    return p;
  };
  // Likewise, derived statistics share a few formulas.
  const formulaCache = new Map<string, { error: string } | { variables: string[] }>();
  const cachedFormula = (source: string) => {
    let f = formulaCache.get(source);
    if (!f) {
      const parsed = parseFormula(source);
      formulaCache.set(source, (f = "error" in parsed ? parsed : { variables: formulaVariables(parsed) }));
    }
    return f;
  };

  // Source files come in path order, one at a time; each is released once checked, so only
  // what the model keeps (and the first definition of each statistic) outlives its file.
  for (const file of files.sources) {
    checkSource(file);
    file.release();
  }

  function checkSource(file: DataFile): void {
    if (file.data === undefined) return;
    // A schema problem is reported at its path; the parts that parse are still checked.
    const r = readSource(file.data, file.file);
    for (const issue of r.issues) report(file, issue.path as PathSegment[], issueText(issue));
    if (!r.source) return;
    const v = r.source;
    for (const slug of v.unreadableStatistics) leftOut.add(slug);
    const loc: Located<unknown> = { value: v, file, path: [] };
    const stem = file.file.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, "");
    if (stem !== v.slug) report(file, ["slug"], `slug '${v.slug}' must match the file name '${stem}'`);
    const prev = sourceAt.get(v.slug);
    if (prev) {
      report(file, ["slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
      return;
    }
    const prevUrl = urls.get(v.url);
    if (prevUrl) report(file, ["url"], `duplicate url: ${where(prevUrl)} has the same address`);
    urls.set(v.url, loc);
    if (v.publisher !== null) checkEntity(file, [], ["publisher"], v.publisher, ["ORGANIZATION"], "publisher");
    v.authors.forEach((a, i) => checkEntity(file, [], ["authors", i], a, ["PERSON", "ORGANIZATION"], "author"));
    if (v.published !== null && !isPartialDate(v.published)) report(file, ["published"], `'${v.published}' is not a real date`);

    // Archive: the text as read, checked against its recorded digest.
    let archive: ArchiveText | null = null;
    let sha256: string | null = null;
    if (v.unreadable.has("archive")) {
      // Its schema problem is reported; without the text, quotes are not checked.
    } else if (v.archive.coverage === "NONE") {
      if (v.archive.file !== undefined) report(file, ["archive", "file"], "coverage NONE means no archived text: remove the file or set coverage to FULL or EXCERPT");
      if (v.archive.sha256 !== undefined) report(file, ["archive", "sha256"], "coverage NONE has no archived text to digest");
    } else if (v.archive.file === undefined || v.archive.sha256 === undefined) {
      report(file, ["archive"], `coverage ${v.archive.coverage} needs the archived text's file and sha256`);
    } else {
      const textPath = file.file.replace(/[^/]*$/, v.archive.file);
      const text = files.archive(textPath);
      if (text === undefined) report(file, ["archive", "file"], `archived text ${textPath} does not exist`);
      else {
        sha256 = createHash("sha256").update(text, "utf8").digest("hex");
        if (sha256 !== v.archive.sha256) {
          report(file, ["archive", "sha256"], `the archived text's SHA-256 is ${sha256}, not the recorded ${v.archive.sha256}: the text changed since it was archived`);
        } else archive = new ArchiveText(text);
      }
    }
    const source: SourceRec = {
      slug: v.slug,
      title: v.title,
      titleIsDescriptive: v.titleIsDescriptive,
      url: v.url,
      urlStatus: v.urlStatus,
      publisher: v.publisher,
      publisherAsNamed: v.publisherAsNamed ?? null,
      authors: v.authors,
      published: v.published,
      language: v.language,
      kind: v.kind,
      retrieved: v.retrieved ?? null,
      coverage: v.archive.coverage,
      archiveText: archive?.text ?? null,
      sha256,
      length: archive?.length ?? null,
      note: v.note ?? null,
      file: file.file,
    };
    sources.set(v.slug, source);
    sourceAt.set(v.slug, loc);
    sourceOfFile.set(file.file, source);

    const keys = new Map<string, PathSegment[]>();
    v.statistics.forEach((s, si) => {
      if (s === null) return; // its schema problem is reported
      const sp: PathSegment[] = ["statistics", si];
      const stat = checkStatistic(s, file, si, sp);
      if (!stat) {
        leftOut.add(s.slug);
        return;
      }
      if (!s.citations || s.citations.length === 0) {
        report(file, [...sp, "citations"], `statistic '${s.slug}' has no citation: every figure must cite the passage or document that states it`);
        return;
      }
      s.citations.forEach((c, ci) => {
        if (c === null) return; // its schema problem is reported
        const cp: PathSegment[] = [...sp, "citations", ci];
        const seen = keys.get(c.key);
        if (seen) {
          report(file, [...cp, "key"], `duplicate citation key '${c.key}' in this file (first at ${formatLoc(file, seen)})`);
          return;
        }
        keys.set(c.key, cp);
        const cit = checkCitation(c, cp, file, source, archive, stat);
        if (cit?.valueAsWritten && !stat.precisionStated) refinePrecision(stat, cit.valueAsWritten);
        // Most statistics have one citation: an array literal holds exactly it, where a push
        // onto an empty array would reserve room for seventeen.
        if (cit) {
          if (stat.citations.length === 0) stat.citations = [cit];
          else stat.citations.push(cit);
        }
      });
    });
  }

  function checkStatistic(s: StatisticDefinition, file: DataFile, index: number, path: PathSegment[]): DefinedStatistic | null {
    let ok = true;
    const metric = metrics.get(s.metric);
    if (!metric) {
      report(file, [...path, "metric"], `unknown metric '${s.metric}'${suggest(s.metric, metrics.keys())}`);
      ok = false;
    }
    const subjects = s.subjects ?? (s.subject === undefined ? [] : [s.subject]);
    if ((s.subject === undefined) === (s.subjects === undefined)) {
      report(file, [...path, "subject"], "give the figure's subject, or its subjects (a list of two or more) for a combined figure, not both");
      ok = false;
    }
    if (new Set(subjects).size !== subjects.length) {
      report(file, [...path, "subjects"], "a subject is listed twice");
      ok = false;
    }
    subjects.forEach((subject, i) => {
      if (!checkEntity(file, path, s.subjects ? ["subjects", i] : SUBJECT, subject, SUBJECT_TYPES, "subject")) ok = false;
    });
    if (s.event !== undefined && !checkEntity(file, path, EVENT, s.event, EVENT_TYPES, "event")) ok = false;
    for (const [field, reason] of valueProblems(s.value)) {
      report(file, [...path, "value", field], reason);
      ok = false;
    }
    if (metric && !metric.units.includes(s.value.unit)) {
      report(file, [...path, "value", "unit"], `unit '${s.value.unit}' is not a unit of metric '${metric.slug}' (${metric.units.join(", ")})`);
      ok = false;
    }
    if (metric?.quantity === "SHARE" && (s.value.amount < 0 || s.value.amount > 100)) {
      report(file, [...path, "value", "amount"], `${s.value.amount} percent is outside 0..100, but metric '${metric.slug}' is a share`);
      ok = false;
    }
    let period: Period | null = null;
    if (s.period !== null) {
      const p = typeof s.period === "string" ? cachedPeriod(s.period) : makePeriod(s.period.start, s.period.end, s.period.label);
      if ("error" in p) {
        report(file, [...path, "period"], p.error);
        ok = false;
      } else period = p;
    }
    const eventRec = s.event === undefined ? undefined : entities.get(s.event);
    if (period && eventRec?.start && eventRec.end && (period.end < eventRec.start || period.start > eventRec.end)) {
      report(file, [...path, "period"], `the period ${describePeriod(period)} does not meet the dates of event '${s.event}' (${eventRec.start} to ${eventRec.end})`);
      ok = false;
    }
    if (s.kind === "DERIVED" && !s.derivation) {
      report(file, [...path, "derivation"], "a DERIVED statistic must record its derivation (formula and inputs)");
      ok = false;
    }
    if (s.kind !== "DERIVED" && s.derivation) {
      report(file, [...path, "kind"], `only DERIVED statistics have a derivation; this one is ${s.kind}`);
      ok = false;
    }
    if (s.derivation) {
      const f = cachedFormula(s.derivation.formula);
      if ("error" in f) {
        report(file, [...path, "derivation", "formula"], `formula does not parse: ${f.error}`);
        ok = false;
      } else {
        const inputs = Object.keys(s.derivation.inputs);
        for (const name of f.variables) {
          if (name === "days" && period === null) {
            report(file, [...path, "derivation", "formula"], "the formula uses 'days' but the statistic has no period");
            ok = false;
          } else if (!inputs.includes(name) && !(BUILTINS as readonly string[]).includes(name)) {
            report(file, [...path, "derivation", "formula"], `the formula uses '${name}', which is neither an input nor a built-in (${BUILTINS.join(", ")})`);
            ok = false;
          }
        }
        for (const name of inputs) {
          if (!f.variables.includes(name)) report(file, [...path, "derivation", "inputs", name], `input '${name}' is not used by the formula`);
          if (s.derivation.inputs[name] === s.slug) report(file, [...path, "derivation", "inputs", name], "a statistic cannot be derived from itself");
        }
      }
    }
    if (!ok) return null;

    const identity = figureIdentity(s.metric, subjects.join(","), s.event ?? null, s.kind, s.value.amount, s.value.unit, s.value.comparator, period, s.value.upper ?? null);
    const existing = statistics.get(s.slug);
    if (existing) {
      const diff = definitionDiff(existing, s);
      if (diff) {
        // Reported on the document added later (added-later.ts): the other's slug may be published.
        if (clashIsHere(file, existing.file)) {
          report(file, [...path, "slug"], slugClash(s.slug, earlier(definedWhere(existing), file.file, existing.file), diff));
        } else {
          report(existing.definedIn, ["statistics", existing.definedAt, "slug"], slugClash(s.slug, earlier(formatLoc(file, path), file.file, existing.file), definitionDiff(existing, s, true)!));
        }
        return null;
      }
      if (s.note !== undefined && existing.note !== null && s.note !== existing.note) {
        report(file, [...path, "note"], `statistic '${s.slug}' already has a different note in ${definedWhere(existing)}; keep the statistic's note in one place (citations have notes of their own)`);
      }
      if (existing.note === null && s.note !== undefined) existing.note = s.note;
      return existing;
    }
    const twin = figures.find(identity);
    if (twin) {
      // Reported on the document added later (added-later.ts), whose slug is not yet published:
      // it takes the other's slug, never the other way round.
      if (clashIsHere(file, twin.file)) {
        report(file, [...path, "slug"], sameFigure(s.slug, twin.slug, earlier(definedWhere(twin), file.file, twin.file)));
        return null;
      }
      report(twin.definedIn, ["statistics", twin.definedAt, "slug"], sameFigure(twin.slug, s.slug, earlier(formatLoc(file, path), file.file, twin.file)));
    }
    const stat: DefinedStatistic = {
      slug: s.slug,
      // The few distinct names a million statistics repeat are kept once each, not once per
      // statistic as the parser produced them.
      metric: intern(s.metric),
      subject: intern(subjects[0]!),
      subjects: subjects.length === 1 ? [intern(subjects[0]!)] : subjects.map(intern),
      event: s.event === undefined ? null : intern(s.event),
      kind: intern(s.kind),
      amount: s.value.amount,
      upper: s.value.upper ?? null,
      unit: intern(s.value.unit),
      comparator: intern(s.value.comparator) as Comparator,
      precision: s.value.precision ?? defaultPrecision(s.value.amount),
      precisionStated: s.value.precision !== undefined,
      period,
      derivation: s.derivation ? { formula: s.derivation.formula, inputs: Object.entries(s.derivation.inputs).map(([name, statistic]) => ({ name, statistic })) } : null,
      note: s.note ?? null,
      citations: [],
      file: file.file,
      definedIn: file,
      definedAt: index,
      periodInput: typeof s.period === "string" ? null : s.period,
      derivationInput: s.derivation,
    };
    statistics.set(s.slug, stat);
    figures.add(identity, stat);
    if (stat.derivation) derivationChecks.push(stat);
    return stat;
  }

  function checkCitation(
    c: NonNullable<StatisticInput["citations"]>[number],
    cp: PathSegment[],
    file: DataFile,
    source: SourceRec,
    archive: ArchiveText | null,
    stat: StatisticRec,
  ): CitationRec | null {
    let ok = true;
    let quote = null;
    if (source.coverage === "NONE") {
      for (const field of ["quote", "periodAsWritten"] as const) {
        if (c[field] !== undefined) {
          report(file, [...cp, field], `this source's text is not archived (coverage NONE), so nothing can be quoted from it; describe it in a note in your own words`);
          ok = false;
        }
      }
      if (c.attribution?.asWritten !== undefined) {
        report(file, [...cp, "attribution", "asWritten"], "this source's text is not archived (coverage NONE), so its wording cannot be quoted; use the attribution's note");
        ok = false;
      }
    } else {
      if (!archive) return null; // the archive problem is already reported
      if (!c.quote) {
        report(file, [...cp, "quote"], "a citation of an archived source must quote the passage that states the figure");
        return null;
      }
      const a = anchorQuote(archive, c.quote);
      if ("error" in a) {
        report(file, [...cp, "quote", a.field], a.error);
        return null;
      }
      // The quote as a slice of the archived text (which the model keeps anyway) rather than
      // the copy read from the file: equal, since it was just found there, and smaller.
      quote = a.exact.length > SLICE_WORTHWHILE ? { ...a, exact: archive.slice(a.start, a.end) } : a;
      for (const field of ["valueAsWritten", "periodAsWritten"] as const) {
        const w = c[field];
        // Words inside the quote, which was just found in the text, are in the text too; only
        // others need a search of the whole text.
        if (w !== undefined && !a.exact.includes(w) && !archive.text.includes(w)) {
          report(file, [...cp, field], `${JSON.stringify(w)} does not occur in the archived text`);
          ok = false;
        }
      }
      if (c.attribution?.asWritten !== undefined && !archive.text.includes(c.attribution.asWritten)) {
        report(file, [...cp, "attribution", "asWritten"], `${JSON.stringify(c.attribution.asWritten)} does not occur in the archived text`);
        ok = false;
      }
    }
    const att = c.attribution;
    if (att) {
      if (att.report !== undefined && att.entity !== undefined) {
        report(file, [...cp, "attribution"], "an attribution names a report or an entity, not both (a report's authors are known from the registry)");
        ok = false;
      } else if (att.report !== undefined && !reports.has(att.report)) {
        report(file, [...cp, "attribution", "report"], `unknown report '${att.report}'${suggest(att.report, reports.keys())}`);
        ok = false;
      } else if (att.entity !== undefined && !checkEntity(file, cp, ATTRIBUTED_ENTITY, att.entity, PRODUCER_TYPES, "attributed entity")) {
        ok = false;
      } else if (att.report === undefined && att.entity === undefined && att.note === undefined) {
        report(file, [...cp, "attribution"], "an attribution without a report or entity must say in a note whom the source credits; use null when it credits nobody");
        ok = false;
      }
    }
    let links: AttributionLinks | null = NO_ATTRIBUTION_LINKS;
    if (att && (att.via !== undefined || att.echoOf !== undefined || att.doubt !== undefined)) {
      links = checkAttributionLinks(att, source.publisher, { entities, reports, suggest, problem: (tail, reason) => report(file, [...cp, ...tail], reason) });
      if (!links) ok = false;
    }
    // Without archived text the phrase cannot be quoted, so the editors' note says what the source wrote.
    const phrase = source.coverage === "NONE" ? c.note : c.periodAsWritten;
    if (c.periodRelative && (phrase === undefined || stat.period === null)) {
      const words = source.coverage === "NONE" ? "a note saying, in your own words, what the source calls the period" : "the period as written";
      report(file, [...cp, "periodRelative"], `a relative period needs ${words} and a resolved period on the statistic`);
      ok = false;
    }
    if (c.periodInferred && stat.period === null) {
      report(file, [...cp, "periodInferred"], "an inferred period needs a period on the statistic");
      ok = false;
    }
    if (!ok) return null;
    let periodResolution: string | null = null;
    if (stat.period && c.periodRelative) {
      const said = c.periodAsWritten !== undefined ? `"${c.periodAsWritten}"` : "The period the source gives (see the citation's note)";
      periodResolution = `${said} read relative to the publication date ${source.published ?? "(undated)"}: ${describePeriod(stat.period)}`;
    } else if (stat.period && c.periodInferred) {
      periodResolution = `No period stated in the source; the editor inferred ${describePeriod(stat.period)}.`;
    }
    return {
      source: source.slug,
      key: c.key,
      position: stat.citations.length,
      quote,
      valueAsWritten: c.valueAsWritten ?? null,
      periodAsWritten: c.periodAsWritten ?? null,
      periodInferred: c.periodInferred,
      periodResolution,
      attribution: att
        ? { asWritten: att.asWritten ?? null, report: att.report ?? null, entity: att.entity ?? null, inferred: att.inferred, note: att.note ?? null, via: links!.via, echoOf: links!.echoOf, doubt: links!.doubt }
        : null,
      verified: quote !== null,
      note: c.note ?? null,
    };
  }

  // ---- Derivations: inputs exist, and no statistic depends on itself through others.
  for (const stat of derivationChecks) {
    const at: PathSegment[] = ["statistics", stat.definedAt];
    for (const input of stat.derivation!.inputs) {
      if (!statistics.has(input.statistic) && !leftOut.has(input.statistic)) {
        report(stat.definedIn, [...at, "derivation", "inputs", input.name], `derivation input '${input.name}' refers to unknown statistic '${input.statistic}'${suggest(input.statistic, statistics.keys())}`);
      }
    }
    const cycle = findCycle(stat.slug, statistics);
    if (cycle) report(stat.definedIn, [...at, "derivation"], `derivation cycle: ${cycle.join(" -> ")}`);
  }

  const bySlug = <T extends { slug: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return {
    model: {
      entities: bySlug(entities),
      reports: bySlug(reports),
      metrics: bySlug(metrics),
      units,
      sources: bySlug(sources),
      statistics: bySlug(statistics),
    },
    problems,
  };
}

/**
 * Narrows a statistic's precision to what a citation's words write: the finest precision any
 * of its sources writes the amount to ("9610亿", 961 billion, gives 1e8 where the amount alone gives 1e9).
 * Words that do not write the amount ("doubled") leave it as it is.
 */
function refinePrecision(stat: DefinedStatistic, words: string): void {
  const p = precisionFromWords(words, stat.amount);
  if (p !== null && p < stat.precision) stat.precision = p;
}

/** The links of an attribution that records no intermediary, echo or doubt (most of them), shared. */
const NO_ATTRIBUTION_LINKS: AttributionLinks = Object.freeze({ via: [], echoOf: null, doubt: null });

/** Below this length V8 copies a substring rather than pointing into its parent. */
const SLICE_WORTHWHILE = 13;

/**
 * What a statistic states, as one string: two statistics with the same identity are the same
 * figure (metric, subject, event, kind, amount, unit, comparator and period).
 */
function figureIdentity(
  metric: string,
  subject: string,
  event: string | null,
  kind: string,
  amount: number,
  unit: string,
  comparator: string,
  period: Period | null,
  upper: number | null,
): string {
  return `${metric}\u0000${subject}\u0000${event ?? ""}\u0000${kind}\u0000${amount}\u0000${unit}\u0000${comparator}\u0000${period?.start ?? ""}\u0000${period?.end ?? ""}\u0000${upper ?? ""}`;
}

/**
 * Statistics by identity (see figureIdentity), keyed by a 32-bit hash of it so that the index
 * does not keep a string per statistic; statistics whose identities share a hash are told
 * apart by recomputing theirs, so a match is exactly an equal identity.
 */
class FigureIndex {
  private readonly byHash = new Map<number, DefinedStatistic | DefinedStatistic[]>();

  /** The statistic already stating this figure, if any. */
  find(identity: string): DefinedStatistic | undefined {
    const found = this.byHash.get(hashString(identity));
    if (found === undefined) return undefined;
    for (const stat of Array.isArray(found) ? found : [found]) if (identityOf(stat) === identity) return stat;
    return undefined;
  }

  /** Records that `stat` states the figure `identity`. */
  add(identity: string, stat: DefinedStatistic): void {
    const h = hashString(identity);
    const found = this.byHash.get(h);
    if (found === undefined) this.byHash.set(h, stat);
    else if (Array.isArray(found)) found.push(stat);
    else this.byHash.set(h, [found, stat]);
  }
}

function identityOf(s: StatisticRec): string {
  return figureIdentity(s.metric, s.subjects.join(","), s.event, s.kind, s.amount, s.unit, s.comparator, s.period, s.upper);
}

/** FNV-1a over the UTF-16 code units of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

function findCycle(start: string, statistics: ReadonlyMap<string, StatisticRec>): string[] | null {
  const stack: string[] = [];
  const visit = (slug: string): string[] | null => {
    if (stack.includes(slug)) return [...stack.slice(stack.indexOf(slug)), slug];
    const s = statistics.get(slug);
    if (!s?.derivation) return null;
    stack.push(slug);
    for (const i of s.derivation.inputs) {
      const c = visit(i.statistic);
      if (c) return c;
    }
    stack.pop();
    return null;
  };
  const c = visit(start);
  return c && c[0] === start ? c : null;
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

function describePeriod(p: Period): string {
  return p.start === p.end ? `${p.label} (${p.start})` : `${p.label} (${p.start} to ${p.end})`;
}

function where(loc: Located<unknown>): string {
  return formatLoc(loc.file, loc.path);
}

function definedWhere(stat: DefinedStatistic): string {
  return formatLoc(stat.definedIn, ["statistics", stat.definedAt]);
}

function formatLoc(file: DataFile, path: PathSegment[]): string {
  const p = file.problem(path, "");
  return p.line === undefined ? p.file : `${p.file}:${p.line}`;
}

function issueText(issue: z.core.$ZodIssue, inPeriod = false): string {
  const period = inPeriod ? undefined : periodIssueText(issue, (i) => issueText(i, true));
  if (period !== undefined) return period;
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) return "is required";
  return issue.message.replace(/^Invalid input: /, "");
}

/** " (did you mean 'x'?)" when a known slug is close to an unknown one. */
function suggest(slug: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(slug, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(slug.length / 4)) ? ` (did you mean '${best}'?)` : "";
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
