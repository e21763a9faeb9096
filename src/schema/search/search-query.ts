import { userError } from "../common/user-error.js";

/** The longest search query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;
/** The most terms (words and phrases) a query may have. */
export const MAX_QUERY_TERMS = 32;
/**
 * The deepest nesting of parentheses; FTS5's own parser gives up somewhere below 100 levels
 * ("parser stack overflow"), and no one searches with more than a few.
 */
export const MAX_QUERY_NESTING = 10;

type Token =
  | { kind: "term"; text: string; prefix: boolean; at: number }
  | { kind: "op"; op: "AND" | "OR" | "NOT"; at: number }
  | { kind: "("; at: number }
  | { kind: ")"; at: number };

/**
 * Compiles a user's search query into an FTS5 MATCH expression in which every word and phrase
 * is a quoted string, so that what people type ("1.73 million", live-streaming, e-commerce,
 * Li Jiaqi's) is searched as text instead of failing as FTS5 syntax (FTS5 reads `-` and `:`
 * as column filters and `.` as an error). The query language is a safe subset of FTS5's:
 *
 * - words, matched whole (`taobao`), or as prefixes with a trailing `*` (`livestream*`);
 * - "double-quoted phrases", matched as consecutive words (`"1.73 million"`, `"618"*`);
 * - AND, OR and NOT in capitals (NOT binds tightest, then AND, then OR; NOT is binary:
 *   `taobao NOT douyin`); words side by side mean AND;
 * - parentheses for grouping.
 *
 * Anything else is text. A malformed query (an unclosed quote, `AND OR`, a lone `*`,
 * unbalanced parentheses, an empty query, one longer than 200 characters, with more than
 * 32 terms or with parentheses nested more than 10 deep) is a user error saying what is wrong and where (1-based character positions).
 */
export function compileSearchQuery(query: string): string {
  const fail = (reason: string): never => {
    throw userError(`Argument query: ${reason}.`, "query");
  };
  if (query.length > MAX_QUERY_LENGTH) fail(`the query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
  if (query.trim() === "") fail("the query is empty; give at least one word to search for");
  const tokens = tokenize(query, fail);
  const terms = tokens.filter((t) => t.kind === "term").length;
  if (terms > MAX_QUERY_TERMS) fail(`the query has ${terms} words or phrases; the limit is ${MAX_QUERY_TERMS}`);

  let i = 0;
  let nesting = 0;
  const out: string[] = [];
  const describe = (t: Token | undefined) =>
    t === undefined ? "the end of the query" : t.kind === "term" ? `${JSON.stringify(t.text)} at character ${t.at}` : `'${t.kind === "op" ? t.op : t.kind}' at character ${t.at}`;
  const startsPrimary = (t: Token | undefined) => t !== undefined && (t.kind === "term" || t.kind === "(");

  const primary = (): void => {
    const t = tokens[i];
    if (t?.kind === "term") {
      out.push(`"${t.text.replaceAll('"', '""')}"${t.prefix ? "*" : ""}`);
      i++;
    } else if (t?.kind === "(") {
      if (++nesting > MAX_QUERY_NESTING) fail(`the parenthesis opened at character ${t.at} is nested more than ${MAX_QUERY_NESTING} deep`);
      i++;
      if (tokens[i]?.kind === ")") fail(`empty parentheses at character ${t.at}`);
      out.push("(");
      expression();
      if (tokens[i]?.kind !== ")") fail(`the parenthesis opened at character ${t.at} is never closed`);
      out.push(")");
      nesting--;
      i++;
    } else if (t?.kind === "op") {
      fail(`${t.op} at character ${t.at} must stand between two search terms (to search for the word itself, write it in lower case or in double quotes)`);
    } else if (t?.kind === ")") {
      fail(`the parenthesis closed at character ${t.at} was never opened`);
    } else {
      fail(`a search term is missing at the end of the query`);
    }
  };
  const notExpr = () => {
    primary();
    while (tokens[i]?.kind === "op" && (tokens[i] as { op: string }).op === "NOT") {
      out.push(" NOT ");
      i++;
      primary();
    }
  };
  const andExpr = () => {
    notExpr();
    for (;;) {
      const t = tokens[i];
      if (t?.kind === "op" && t.op === "AND") {
        i++;
        out.push(" AND ");
        notExpr();
      } else if (startsPrimary(t)) {
        out.push(" AND ");
        notExpr();
      } else return;
    }
  };
  const expression = () => {
    andExpr();
    while (tokens[i]?.kind === "op" && (tokens[i] as { op: string }).op === "OR") {
      out.push(" OR ");
      i++;
      andExpr();
    }
  };
  expression();
  if (i < tokens.length) {
    const t = tokens[i];
    fail(t?.kind === ")" ? `the parenthesis closed at character ${t.at} was never opened` : `unexpected ${describe(t)}`);
  }
  return out.join("");
}

/**
 * The name a query looks up for the exact-name rule (an entity named so comes first): the
 * query as typed, or the words inside its quotes when it is one quoted phrase (`"Li Jiaqi"`).
 * The repository folds case and white space (db/name-key.ts).
 */
export function queriedName(query: string): string {
  const trimmed = query.trim();
  const phrase = /^"([^"]*)"$/.exec(trimmed);
  return phrase ? phrase[1]! : trimmed;
}

function tokenize(query: string, fail: (reason: string) => never): Token[] {
  const tokens: Token[] = [];
  const chars = [...query];
  let i = 0;
  const termText = (text: string, at: number) => {
    if (!/[\p{L}\p{N}]/u.test(text)) fail(`${JSON.stringify(text)} at character ${at} has no letters or digits to search for`);
    return text;
  };
  while (i < chars.length) {
    const c = chars[i]!;
    const at = i + 1;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: c, at });
      i++;
    } else if (c === '"') {
      const close = chars.indexOf('"', i + 1);
      if (close < 0) fail(`the double quote at character ${at} is never closed`);
      const text = chars.slice(i + 1, close).join("").trim();
      if (text === "") fail(`empty phrase at character ${at}`);
      i = close + 1;
      const prefix = chars[i] === "*";
      if (prefix) i++;
      tokens.push({ kind: "term", text: termText(text, at), prefix, at });
    } else {
      let j = i;
      while (j < chars.length && !/[\s()"]/u.test(chars[j]!)) j++;
      const word = chars.slice(i, j).join("");
      i = j;
      if (word === "AND" || word === "OR" || word === "NOT") {
        tokens.push({ kind: "op", op: word, at });
        continue;
      }
      const stem = word.replace(/\*+$/, "");
      if (stem === "") fail(`'*' at character ${at} must follow a word, as in live*`);
      tokens.push({ kind: "term", text: termText(stem, at), prefix: stem !== word, at });
    }
  }
  return tokens;
}
