import { hasHan, codePointLength } from "../../facts/claims/claim-text.js";
import { userError } from "../common/user-error.js";

/** The longest claim checked, in Unicode code points: a passage, not an article. */
export const MAX_CLAIM_LENGTH = 2000;

/** The languages the claim reader knows, by primary language subtag. */
const KNOWN_LANGUAGES: Readonly<Record<string, string>> = { en: "English", zh: "Chinese" };

/**
 * The text and language of a claim, checked: the text must hold something and be at most
 * MAX_CLAIM_LENGTH code points; the language, when given, must be English or Chinese (any BCP
 * 47 tag of them: `en-GB`, `zh-Hans`, `zh-CN`); when not given it is `zh-Hans` for a text with
 * Chinese characters and `en` otherwise. A problem is a BAD_USER_INPUT error naming the argument.
 */
export function checkedClaimInput(text: string, language: string | null | undefined): { text: string; language: string } {
  if (text.trim() === "") throw userError("`text` is empty: give the sentence to check.", "text");
  const length = codePointLength(text);
  if (length > MAX_CLAIM_LENGTH) {
    throw userError(`\`text\` is ${length.toLocaleString("en-US")} characters long; a claim may be at most ${MAX_CLAIM_LENGTH.toLocaleString("en-US")}: check one passage at a time.`, "text");
  }
  if (language === null || language === undefined) return { text, language: hasHan(text) ? "zh-Hans" : "en" };
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(language)[0]!;
  } catch {
    throw userError(`\`language\` "${language}" is not a BCP 47 language tag.`, "language");
  }
  const primary = new Intl.Locale(canonical).language;
  if (!(primary in KNOWN_LANGUAGES)) {
    throw userError(`\`language\` "${language}" is not a language claims can be read in: give English (\`en\`) or Chinese (\`zh\`, \`zh-Hans\`, \`zh-CN\`), or leave it out to have it detected.`, "language");
  }
  return { text, language: canonical };
}
