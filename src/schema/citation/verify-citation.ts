import type { RequestContext } from "../context.js";
import type { Archive } from "../../db/archives.js";
import type { CitationRow } from "../../db/citation.repo.js";

/** Whether a citation's quote verifies, and why (or why not), in words. */
export interface Verification {
  readonly verified: boolean;
  readonly note: string;
}

/**
 * Re-checks a citation against the archive as served: the archived text's SHA-256 must equal
 * the digest stored at build time, and the text between the quote's code-point positions
 * must equal the quote. A citation of a source without archived text cannot verify; its note
 * is the one the build recorded. Pure: the caller loads the archive.
 */
export function verifyCitation(c: CitationRow, archive: Archive | null): Verification {
  if (c.quoteExact === null || c.quoteStart === null || c.quoteEnd === null) {
    return { verified: false, note: c.verificationNote };
  }
  if (!archive) {
    return { verified: false, note: "Not verified: the source's archived text is missing from the database." };
  }
  if (archive.actualSha256 !== archive.storedSha256) {
    return {
      verified: false,
      note: `Not verified: the archived text's SHA-256 is ${archive.actualSha256}, not the ${archive.storedSha256} recorded when it was archived, so the text has changed.`,
    };
  }
  const found = archive.text.slice(c.quoteStart, c.quoteEnd);
  if (found !== c.quoteExact) {
    return {
      verified: false,
      note: `Not verified: the archived text at code points ${c.quoteStart}–${c.quoteEnd} reads ${JSON.stringify(found)}, not the quote.`,
    };
  }
  return {
    verified: true,
    note: `Verified: the quote occurs at code points ${c.quoteStart}–${c.quoteEnd} of the archived text, whose SHA-256 ${archive.actualSha256} matches the digest recorded when it was archived.`,
  };
}

/** `verifyCitation` with the archive loaded through the request's loaders (only for a quoted citation: an unquoted one cannot verify). */
export async function loadVerification(c: CitationRow, ctx: RequestContext): Promise<Verification> {
  const archive = c.quoteExact === null ? null : await ctx.loaders.archiveBySource.load(c.sourceId);
  return verifyCitation(c, archive);
}
