/**
 * A source document's file: its schema, its own fields (slug, URL, publisher, authors, date),
 * its archived text against the recorded digest, and then each statistic it states with the
 * document's citations of it.
 */
import { createHash } from "node:crypto";
import { ArchiveText } from "../facts/anchor.js";
import { isPartialDate } from "../facts/period.js";
import type { CuratedFiles } from "./curated-files.js";
import type { DataFile } from "./data-file.js";
import type { Located } from "./located.js";
import type { SourceRec } from "./model.js";
import { issueText, where } from "./problem-words.js";
import type { PathSegment } from "./problems.js";
import { type SourceParts, readSource } from "./source-parts.js";
import { checkCitations } from "./validate-citations.js";
import { checkEntity } from "./validate-entities.js";
import { checkStatistic } from "./validate-statistics.js";
import type { ValidationContext } from "./validation-context.js";

/** A document's archived text as checked: the text when its digest matches, and the digest computed. */
interface CheckedArchive {
  readonly archive: ArchiveText | null;
  readonly sha256: string | null;
}

/**
 * Checks one source file and adds its document and statistics to `ctx`. A schema problem is
 * reported at its path; the parts that parse are still checked. `archive` reads an archived
 * text by its path relative to the project root.
 */
export function checkSourceFile(ctx: ValidationContext, file: DataFile, archive: CuratedFiles["archive"]): void {
  if (file.data === undefined) return;
  const r = readSource(file.data, file.file);
  for (const issue of r.issues) ctx.report(file, issue.path as PathSegment[], issueText(issue));
  if (!r.source) return;
  const v = r.source;
  for (const slug of v.unreadableStatistics) ctx.leftOut.add(slug);
  const loc = checkDocument(ctx, file, v);
  if (!loc) return;
  const text = checkArchive(ctx, file, v, archive);
  const source = sourceRecord(v, file.file, text);
  ctx.sources.set(v.slug, source);
  ctx.sourceAt.set(v.slug, loc);
  ctx.sourceOfFile.set(file.file, source);
  checkStatements(ctx, file, v, source, text.archive);
}

/**
 * Checks the document's own fields; returns where it is, or null when its slug is taken
 * (then nothing more of the file is checked).
 */
function checkDocument(ctx: ValidationContext, file: DataFile, v: SourceParts): Located<unknown> | null {
  const loc: Located<unknown> = { value: v, file, path: [] };
  const stem = file.file.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, "");
  if (stem !== v.slug) ctx.report(file, ["slug"], `slug '${v.slug}' must match the file name '${stem}'`);
  const prev = ctx.sourceAt.get(v.slug);
  if (prev) {
    ctx.report(file, ["slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
    return null;
  }
  const prevUrl = ctx.urls.get(v.url);
  if (prevUrl) ctx.report(file, ["url"], `duplicate url: ${where(prevUrl)} has the same address`);
  ctx.urls.set(v.url, loc);
  if (v.publisher !== null) checkEntity(ctx, file, [], ["publisher"], v.publisher, ["ORGANIZATION"], "publisher");
  v.authors.forEach((a, i) => checkEntity(ctx, file, [], ["authors", i], a, ["PERSON", "ORGANIZATION"], "author"));
  if (v.published !== null && !isPartialDate(v.published)) ctx.report(file, ["published"], `'${v.published}' is not a real date`);
  return loc;
}

/** Reads the archived text the document records and checks it against its recorded digest. */
function checkArchive(ctx: ValidationContext, file: DataFile, v: SourceParts, read: CuratedFiles["archive"]): CheckedArchive {
  const none: CheckedArchive = { archive: null, sha256: null };
  if (v.unreadable.has("archive")) {
    // Its schema problem is reported; without the text, quotes are not checked.
    return none;
  }
  if (v.archive.coverage === "NONE") {
    if (v.archive.file !== undefined) ctx.report(file, ["archive", "file"], "coverage NONE means no archived text: remove the file or set coverage to FULL or EXCERPT");
    if (v.archive.sha256 !== undefined) ctx.report(file, ["archive", "sha256"], "coverage NONE has no archived text to digest");
    return none;
  }
  if (v.archive.file === undefined || v.archive.sha256 === undefined) {
    ctx.report(file, ["archive"], `coverage ${v.archive.coverage} needs the archived text's file and sha256`);
    return none;
  }
  const textPath = file.file.replace(/[^/]*$/, v.archive.file);
  const text = read(textPath);
  if (text === undefined) {
    ctx.report(file, ["archive", "file"], `archived text ${textPath} does not exist`);
    return none;
  }
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  if (sha256 !== v.archive.sha256) {
    ctx.report(file, ["archive", "sha256"], `the archived text's SHA-256 is ${sha256}, not the recorded ${v.archive.sha256}: the text changed since it was archived`);
    return { archive: null, sha256 };
  }
  return { archive: new ArchiveText(text), sha256 };
}

/** The model's record of a document. */
function sourceRecord(v: SourceParts, file: string, { archive, sha256 }: CheckedArchive): SourceRec {
  return {
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
    file,
  };
}

/** Checks each statistic the document states and the document's citations of it. */
function checkStatements(ctx: ValidationContext, file: DataFile, v: SourceParts, source: SourceRec, archive: ArchiveText | null): void {
  // Citation keys are unique within a file: the key of each, and where it was first used.
  const keys = new Map<string, PathSegment[]>();
  v.statistics.forEach((s, si) => {
    if (s === null) return; // its schema problem is reported
    const sp: PathSegment[] = ["statistics", si];
    const stat = checkStatistic(ctx, s, file, si, sp);
    if (!stat) {
      ctx.leftOut.add(s.slug);
      return;
    }
    if (!s.citations || s.citations.length === 0) {
      ctx.report(file, [...sp, "citations"], `statistic '${s.slug}' has no citation: every figure must cite the passage or document that states it`);
      return;
    }
    checkCitations(ctx, { file, source, archive, stat, keys }, s.citations, sp);
  });
}
