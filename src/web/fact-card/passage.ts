import { MAX_TEXT_SLICE } from "../../schema/source/source-text.js";

/** A quote inside the archived text around it, ready to render with the quote marked. */
export interface Passage {
  /** True when text before `before` was left out. */
  readonly cutBefore: boolean;
  readonly before: string;
  readonly quote: string;
  readonly after: string;
  /** True when text after `after` was left out. */
  readonly cutAfter: boolean;
}

/** How far from a cut to look for a space to cut at instead (in UTF-16 units). */
const WORD_SEARCH = 40;

/** How many code points of context the card asks for on each side of a quote. */
const CONTEXT_CODE_POINTS = 320;

/**
 * The window of archived text to fetch around a quote at code points [start, end): up to
 * CONTEXT_CODE_POINTS on each side, within `Source.text`'s limit (MAX_TEXT_SLICE code points).
 */
export function contextWindow(start: number, end: number, textLength: number | null): { start: number; end: number } {
  const spare = Math.max(0, MAX_TEXT_SLICE - (end - start));
  const side = Math.min(CONTEXT_CODE_POINTS, Math.floor(spare / 2));
  return { start: Math.max(0, start - side), end: Math.min(textLength ?? Number.MAX_SAFE_INTEGER, end + side) };
}

/**
 * Cuts the context around a quote to what a reader needs: the paragraph that holds it when
 * the window reaches the paragraph's ends, otherwise whole words with the cut shown. Positions
 * are Unicode code points, as `Quote.start`/`end` and `Source.text` count them (not UTF-16
 * units: archived texts may hold characters outside the BMP).
 *
 * Returns null when the text at the quote's position is not the quote (an archive that no
 * longer matches): the card then shows the quote alone rather than mark the wrong words.
 */
export function passageAround(
  windowText: string,
  windowStart: number,
  quote: { readonly exact: string; readonly start: number; readonly end: number },
  textLength: number | null,
): Passage | null {
  const chars = Array.from(windowText);
  const from = quote.start - windowStart;
  const to = quote.end - windowStart;
  if (from < 0 || to > chars.length || chars.slice(from, to).join("") !== quote.exact) return null;

  let before = chars.slice(0, from).join("");
  let after = chars.slice(to).join("");
  let cutBefore = windowStart > 0;
  let cutAfter = textLength === null ? true : windowStart + chars.length < textLength;

  const paragraphStart = before.lastIndexOf("\n\n");
  if (paragraphStart >= 0) {
    before = before.slice(paragraphStart + 2);
    cutBefore = false;
  } else if (cutBefore) {
    // Drop the partial first word; text without spaces near the cut (Chinese) is kept whole.
    const space = before.slice(0, WORD_SEARCH).search(/\s/);
    if (space >= 0) before = before.slice(space + 1);
  }
  const paragraphEnd = after.indexOf("\n\n");
  if (paragraphEnd >= 0) {
    after = after.slice(0, paragraphEnd);
    cutAfter = false;
  } else if (cutAfter) {
    const tail = after.slice(-WORD_SEARCH);
    const space = Math.max(tail.lastIndexOf(" "), tail.lastIndexOf("\n"));
    if (space >= 0) after = after.slice(0, after.length - tail.length + space);
  }
  return { cutBefore, before, quote: quote.exact, after, cutAfter };
}
