/**
 * Memory and speed measures of the validation, kept apart from its rules so that the rules
 * read as rules. None of them changes a result: they exist because a build of a million
 * statistics repeats the same few names, period labels and formulas, and keeps every quote,
 * so a copy or a parse per statistic shows in the build's time and memory (bench/RESULTS.md).
 */
import type { AnchoredQuote, ArchiveText } from "../facts/anchor.js";
import { formulaVariables, parseFormula } from "../facts/formula.js";
import { parsePeriod } from "../facts/period.js";

/** Below this length V8 copies a substring rather than pointing into its parent. */
const SLICE_WORTHWHILE = 13;

/**
 * The quote with its exact text as a slice of the archived text (which the model keeps
 * anyway) rather than the copy read from the file: equal, since it was just found there, and
 * smaller, when it is long enough for V8 to share the parent's characters.
 */
export function quoteInArchive(quote: AnchoredQuote, archive: ArchiveText): AnchoredQuote {
  return quote.exact.length > SLICE_WORTHWHILE ? { ...quote, exact: archive.slice(quote.start, quote.end) } : quote;
}

/**
 * FNV-1a over the UTF-16 code units of a string: a 32-bit key, so that an index of a million
 * strings need not keep the strings themselves (see FigureIndex in validate-duplicates.ts).
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A formula as the checks read it: its parse error, or the variables it uses. */
export type FormulaCheck = { error: string } | { variables: string[] };

/**
 * What one validation computes once and reuses: each distinct name kept as one string, each
 * distinct period label parsed once, each distinct formula parsed once.
 */
export class ValidationMemo {
  private readonly names = new Map<string, string>();
  private readonly periods = new Map<string, ReturnType<typeof parsePeriod>>();
  private readonly formulas = new Map<string, FormulaCheck>();

  /**
   * The one copy of `name` this validation keeps: the few distinct names a million
   * statistics repeat are kept once each, not once per statistic as the parser produced them.
   */
  intern(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  /** The period a label names (parsePeriod), parsed once per distinct label. */
  period(label: string): ReturnType<typeof parsePeriod> {
    let p = this.periods.get(label);
    if (!p) this.periods.set(label, (p = parsePeriod(label)));
    return p;
  }

  /** A derivation's formula, parsed once per distinct text: its error or its variables. */
  formula(source: string): FormulaCheck {
    let f = this.formulas.get(source);
    if (!f) {
      const parsed = parseFormula(source);
      this.formulas.set(source, (f = "error" in parsed ? parsed : { variables: formulaVariables(parsed) }));
    }
    return f;
  }
}
