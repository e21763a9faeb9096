/** A quote placed in an archived text: the W3C TextQuoteSelector and TextPositionSelector. */
export interface AnchoredQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset just past the last character. */
  end: number;
}

/**
 * Anchoring quotes in archived text, following the W3C Web Annotation selectors: a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end), where
 * positions count Unicode code points from the start of the text and `end` is exclusive.
 */

/** How many characters of context the build records on each side when none are given. */
export const CONTEXT_LENGTH = 32;

/** An archived text with code-point indexing that stays fast when the text is all BMP. */
export class ArchiveText {
  private readonly units: number[] | null;

  constructor(readonly text: string) {
    // Index of each code point's first UTF-16 unit; only needed when surrogate pairs occur.
    if (/[\uD800-\uDFFF]/.test(text)) {
      const idx: number[] = [];
      let u = 0;
      for (const ch of text) {
        idx.push(u);
        u += ch.length;
      }
      this.units = idx;
    } else {
      this.units = null;
    }
  }

  /** Length in code points. */
  get length(): number {
    return this.units ? this.units.length : this.text.length;
  }

  /** The text between two code-point positions (end exclusive, clamped to the text). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }

  /** Code-point positions of every occurrence of `needle`. */
  occurrences(needle: string): number[] {
    const out: number[] = [];
    for (let i = this.text.indexOf(needle); i >= 0; i = this.text.indexOf(needle, i + 1)) out.push(this.toPoint(i));
    return out;
  }

  private toUnit(point: number): number {
    if (!this.units) return Math.min(Math.max(point, 0), this.text.length);
    if (point >= this.units.length) return this.text.length;
    return this.units[Math.max(point, 0)]!;
  }

  private toPoint(unit: number): number {
    if (!this.units) return unit;
    let lo = 0;
    let hi = this.units.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.units[mid]! <= unit) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** What the editor wrote for a quote. */
export interface QuoteSpec {
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

/**
 * Places a quote in an archived text. With a recorded start, the text there must read the
 * quote; without one, the quote must occur exactly once. Returns the full selector set, or
 * the reason the quote cannot be anchored.
 */
export function anchorQuote(archive: ArchiveText, q: QuoteSpec): AnchoredQuote | { error: string; field: keyof QuoteSpec } {
  const len = codePointLength(q.exact);
  let start: number;
  if (q.start !== undefined) {
    start = q.start;
    const found = archive.slice(start, start + len);
    if (found !== q.exact) {
      const where = archive.occurrences(q.exact);
      const hint = where.length ? ` (the quote occurs at ${where.join(", ")})` : " (the quote does not occur anywhere in the archived text)";
      return { field: "start", error: `recorded position ${start} does not match the quote: the archived text there reads ${JSON.stringify(found)}${hint}` };
    }
  } else {
    const where = archive.occurrences(q.exact);
    if (where.length === 0) return { field: "exact", error: `quote not found in the archived text: ${JSON.stringify(q.exact)}` };
    if (where.length > 1) return { field: "exact", error: `quote occurs ${where.length} times in the archived text (at ${where.join(", ")}); record its start to choose one` };
    start = where[0]!;
  }
  const end = start + len;
  if (q.end !== undefined && q.end !== end) return { field: "end", error: `recorded end ${q.end} does not match the quote, which ends at ${end}` };
  const prefix = archive.slice(Math.max(0, start - CONTEXT_LENGTH), start);
  const suffix = archive.slice(end, end + CONTEXT_LENGTH);
  if (q.prefix !== undefined && !prefix.endsWith(q.prefix) && archive.slice(start - codePointLength(q.prefix), start) !== q.prefix) {
    return { field: "prefix", error: `recorded prefix ${JSON.stringify(q.prefix)} does not precede the quote; the text before it reads ${JSON.stringify(prefix)}` };
  }
  if (q.suffix !== undefined && archive.slice(end, end + codePointLength(q.suffix)) !== q.suffix) {
    return { field: "suffix", error: `recorded suffix ${JSON.stringify(q.suffix)} does not follow the quote; the text after it reads ${JSON.stringify(suffix)}` };
  }
  return {
    exact: q.exact,
    prefix: q.prefix ?? prefix,
    suffix: q.suffix ?? suffix,
    start,
    end,
  };
}

/**
 * Length of a string in Unicode code points, counted as ArchiveText counts them (a surrogate
 * pair is one; a lone surrogate is one, as string iteration yields it alone).
 */
function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}
