import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/**
 * A small reader of the project's Markdown, enough to check its documentation: fenced code
 * blocks, inline code spans, links and the anchors GitHub gives headings. No Markdown library
 * is a dependency of the project, and the documents keep to plain syntax.
 */

/** One fenced code block: its language (the word after the fence) and its text. */
export interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** The fenced code blocks of a document, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) body.push(lines[j++]!);
    blocks.push({ lang: open[3] ?? "", text: body.join("\n"), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** The document with its fenced code blocks blanked (line numbers kept): what is read as prose. */
export function prose(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | null = null;
  return lines
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === null && marker) {
        fence = marker;
        return "";
      }
      if (fence !== null) {
        if (line.trim().startsWith(fence)) fence = null;
        return "";
      }
      return line;
    })
    .join("\n");
}

/** The inline code spans of some prose (`like this`), in order. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2]!.trim());
}

/** A link of the prose: its target as written, and the 1-based line it is on. */
export interface Link {
  readonly target: string;
  readonly line: number;
}

/** The inline links and images of a document (`[text](target)`), outside code. */
export function links(markdown: string): Link[] {
  const found: Link[] = [];
  prose(markdown)
    .split("\n")
    .forEach((line, i) => {
      const text = line.replace(/(`+)[^`]*?\1/g, "");
      for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ target: m[1]!, line: i + 1 });
    });
  return found;
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

/** The anchors of a document's headings, numbered as GitHub numbers repeated ones (`-1`, `-2`). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(markdown).split("\n")) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = headingAnchor(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** How a checker reads the files a link may lead to (the real file system, or a test's). */
export interface Files {
  /** "file", "dir", or undefined when nothing is at the path. */
  kind(path: string): "file" | "dir" | undefined;
  read(path: string): string;
}

/** The project's files, by paths relative to `root`. */
export function filesUnder(root: string): Files {
  return {
    kind: (path) => {
      const full = join(root, path);
      if (!existsSync(full)) return undefined;
      return statSync(full).isDirectory() ? "dir" : "file";
    },
    read: (path) => readFileSync(join(root, path), "utf8"),
  };
}

/**
 * The links of `file` (a path relative to the project root) that lead nowhere, each as
 * `file:line: target: reason`: a relative path that names no file or folder, or an anchor that
 * names no heading of the Markdown file it points into. Links with a scheme (https:, mailto:)
 * are not followed.
 */
export function brokenLinks(file: string, files: Files): string[] {
  const problems: string[] = [];
  for (const { target, line } of links(files.read(file))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const hash = target.indexOf("#");
    const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const resolved = pathPart === "" ? file : normalize(join(dirname(file), pathPart)).replace(/\\/g, "/");
    const where = `${file}:${line}: ${target}`;
    if (resolved.startsWith("..")) {
      problems.push(`${where}: leaves the project`);
      continue;
    }
    const kind = files.kind(resolved);
    if (!kind) problems.push(`${where}: no such file`);
    else if (anchor !== undefined) {
      if (kind !== "file" || !resolved.endsWith(".md")) problems.push(`${where}: an anchor into something that is not a Markdown file`);
      else if (!anchors(files.read(resolved)).has(anchor)) problems.push(`${where}: no heading "${anchor}" in ${resolved}`);
    }
  }
  return problems;
}
