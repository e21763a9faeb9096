/**
 * The small arithmetic language of derivation formulas: numbers, named inputs, the built-in
 * `days` (the length in days of the derived statistic's period), + - * / and parentheses.
 * Example: `sessions / days` for "an average of more than 50,000 sessions per day".
 */
export type Formula =
  | { readonly op: "num"; readonly value: number }
  | { readonly op: "var"; readonly name: string }
  | { readonly op: "neg"; readonly arg: Formula }
  | { readonly op: "+" | "-" | "*" | "/"; readonly left: Formula; readonly right: Formula };

/** Names a formula may use without declaring them as inputs. */
export const BUILTINS = ["days"] as const;

/** Parses a formula; returns the reason instead when it is malformed. */
export function parseFormula(src: string): Formula | { error: string } {
  const tokens = src.match(/\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/()]|\S)/g) ?? [];
  const toks = tokens.map((t) => t.trim());
  let i = 0;
  const fail = (why: string) => {
    throw new Error(why);
  };
  const peek = () => toks[i];
  const expr = (): Formula => {
    let left = term();
    while (peek() === "+" || peek() === "-") {
      const op = toks[i++] as "+" | "-";
      left = { op, left, right: term() };
    }
    return left;
  };
  const term = (): Formula => {
    let left = factor();
    while (peek() === "*" || peek() === "/") {
      const op = toks[i++] as "*" | "/";
      left = { op, left, right: factor() };
    }
    return left;
  };
  const factor = (): Formula => {
    const t = toks[i++];
    if (t === undefined) return fail("formula ends too early");
    if (t === "-") return { op: "neg", arg: factor() };
    if (t === "(") {
      const inner = expr();
      if (toks[i++] !== ")") fail("missing ')'");
      return inner;
    }
    if (/^\d/.test(t)) return { op: "num", value: Number(t) };
    if (/^[A-Za-z_]/.test(t)) return { op: "var", name: t };
    return fail(`unexpected '${t}'`);
  };
  try {
    if (toks.length === 0) return { error: "formula is empty" };
    const f = expr();
    if (i < toks.length) return { error: `unexpected '${toks[i]}'` };
    return f;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The variable names a formula uses, in order of first use. */
export function formulaVariables(f: Formula): string[] {
  const out: string[] = [];
  const walk = (g: Formula) => {
    if (g.op === "var") {
      if (!out.includes(g.name)) out.push(g.name);
    } else if (g.op === "neg") walk(g.arg);
    else if (g.op !== "num") {
      walk(g.left);
      walk(g.right);
    }
  };
  walk(f);
  return out;
}
