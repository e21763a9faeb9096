/**
 * A fragment of HTML that is safe to insert as is: it was built by `html` (so every value in
 * it was escaped) or by `jsonForScript`. Plain strings are never trusted.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`: text (escaped), fragments (kept), lists of either, or nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and for quoted attribute values. Titles and quotes
 * contain typographic quotes, Chinese text and possibly `<` or `&`: all pass through as
 * characters (the page is UTF-8), only the five markup characters are replaced.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Builds HTML from a template, escaping every interpolated value unless it is already a
 * `SafeHtml`, so data can never become markup by accident. `null`, `undefined` and `false`
 * render as nothing (for optional parts); arrays are concatenated. Attribute values must be
 * written in double quotes in the template.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Serializes a value as JSON for a `<script type="application/json">` data block: `<`, `>`
 * and `&` are written as `\u003c`, `\u003e`, `\u0026` (and U+2028/9 escaped), so no string in
 * the data can close the element or start a comment.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/>/g, "\\u003e")
      .replace(/&/g, "\\u0026")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029"),
  );
}
