/**
 * From comparisons to a verdict on a claimed figure, and on the whole claim. A claimed figure
 * is compared, by the agreement rules, with the knowledge base's figures of its metric and
 * subject (src/facts/agreement.ts); the verdicts of those comparisons decide:
 *
 * - SUPPORTED: some agree or are compatible, none conflicts;
 * - CONTRADICTED: some conflict and none agrees;
 * - DISPUTED: both: the knowledge base's own sources disagree;
 * - DIFFERENT_SCOPE: only figures of another scope (another event, a part of the market);
 * - NOT_FOUND: nothing comparable, or figures of the same metric and subject that could not
 *   be judged (the claim states no period, other currencies), which the explanation names.
 */
import type { AgreementVerdict, StatisticKind } from "../agreement.js";

/** The verdict on one comparison of a claimed figure with a statistic; NOT_JUDGED when the rules could not judge it. */
export type ClaimMatchVerdict = AgreementVerdict | "NOT_JUDGED";

/** The verdict on a claimed figure, or on a whole claim. */
export type ClaimVerdict = "SUPPORTED" | "CONTRADICTED" | "DISPUTED" | "DIFFERENT_SCOPE" | "NOT_FOUND";

/** The verdict on a figure from the verdicts of its comparisons. */
export function figureVerdict(verdicts: readonly ClaimMatchVerdict[]): ClaimVerdict {
  const support = verdicts.some((v) => v === "AGREES" || v === "COMPATIBLE");
  const conflict = verdicts.includes("CONFLICTS");
  if (support && conflict) return "DISPUTED";
  if (support) return "SUPPORTED";
  if (conflict) return "CONTRADICTED";
  if (verdicts.length > 0 && verdicts.every((v) => v === "DIFFERENT_SCOPE")) return "DIFFERENT_SCOPE";
  return "NOT_FOUND";
}

const SEVERITY: readonly ClaimVerdict[] = ["CONTRADICTED", "DISPUTED", "NOT_FOUND", "DIFFERENT_SCOPE", "SUPPORTED"];

/**
 * The verdict on a claim from its figures' verdicts: the weakest of them, so that a claim is
 * SUPPORTED only when every figure is, and one contradicted figure makes it CONTRADICTED
 * (then DISPUTED, NOT_FOUND and DIFFERENT_SCOPE, in that order).
 */
export function claimVerdict(figures: readonly ClaimVerdict[]): ClaimVerdict {
  return SEVERITY.find((v) => figures.includes(v)) ?? "NOT_FOUND";
}

/** What an explanation says of the statistic a comparison relied on. */
export interface StatisticProfile {
  readonly kind: StatisticKind;
  /** Who produced it, as the sources credit them (empty when none is stated). */
  readonly producers: readonly string[];
  /** Whether the only credit given is the editors' inference, not the sources' words. */
  readonly producersInferred: boolean;
  /** The documents that state it, e.g. "People's Daily Online (2020-10-22)". */
  readonly reportedBy: readonly string[];
  /** The possible-echo sentence of its corroboration, when its producers may have copied one another. */
  readonly possibleEcho: string | null;
}

const KIND_NOUNS: Readonly<Record<StatisticKind, string>> = {
  MEASUREMENT: "a measurement",
  ESTIMATE: "an estimate",
  FORECAST: "a forecast",
  SURVEY: "a survey result",
  DERIVED: "a figure derived from others",
};

/** "a forecast by KPMG and AliResearch, reported by People's Daily Online (2020-10-22)". */
export function describeStatistic(p: StatisticProfile): string {
  const by =
    p.producers.length === 0
      ? "with no attribution stated"
      : p.producersInferred
        ? `credited to ${names(p.producers)} by the editors' inference (the sources do not say so)`
        : `by ${names(p.producers)}`;
  const reported = p.reportedBy.length > 0 ? `, reported by ${names(p.reportedBy.slice(0, 3))}${p.reportedBy.length > 3 ? ` and ${p.reportedBy.length - 3} more` : ""}` : "";
  return `${KIND_NOUNS[p.kind]} ${by}${reported}`;
}

const MATCH_OPENINGS: Readonly<Record<ClaimMatchVerdict, string>> = {
  AGREES: "Agrees with",
  COMPATIBLE: "Compatible with",
  CONFLICTS: "Conflicts with",
  DIFFERENT_SCOPE: "Of another scope than",
  NOT_JUDGED: "Not judged against",
};

/** The explanation of one comparison: the verdict, the statistic relied on, and the reason of the rules. */
export function matchExplanation(verdict: ClaimMatchVerdict, reason: string, p: StatisticProfile): string {
  const echo = p.possibleEcho && (verdict === "AGREES" || verdict === "COMPATIBLE") ? ` ${p.possibleEcho}` : "";
  const why = reason.replace(/^Not judged: /, "");
  return `${MATCH_OPENINGS[verdict]} ${describeStatistic(p)}. ${why.charAt(0).toUpperCase()}${why.slice(1)}${echo}`;
}

/** What a figure's explanation says it looked for: "Live-streaming sessions of China's live-streaming e-commerce market in 2020-H1". */
export interface SoughtFigure {
  readonly metric: string | null;
  readonly subject: string | null;
  readonly period: string | null;
}

/** One comparison as the figure's explanation sums it up. */
export interface ComparedMatch {
  readonly verdict: ClaimMatchVerdict;
  readonly profile: StatisticProfile;
  readonly reason: string;
}

/**
 * The explanation of a figure's verdict: what was looked for, what was found, and, for
 * support, whether it rests only on unattributed figures, on possible echoes or on forecasts.
 * `notes` are what the reading said (why no metric or subject matched).
 */
export function figureExplanation(verdict: ClaimVerdict, sought: SoughtFigure, matches: readonly ComparedMatch[], notes: readonly string[]): string {
  const what = soughtPhrase(sought);
  const count = (vs: readonly ClaimMatchVerdict[]) => matches.filter((m) => vs.includes(m.verdict));
  const support = count(["AGREES", "COMPATIBLE"]);
  const conflict = count(["CONFLICTS"]);
  const scope = count(["DIFFERENT_SCOPE"]);
  const unjudged = count(["NOT_JUDGED"]);
  const extra = notes.length ? ` ${notes.join(" ")}` : "";
  switch (verdict) {
    case "SUPPORTED":
      return `Supported: ${figures(support.length)} of ${what} ${support.length === 1 ? "agrees or is" : "agree or are"} compatible with it, and none conflicts (${kinds(support)}).${caveats(support)}${extra}`;
    case "DISPUTED":
      return `Disputed: the knowledge base's own sources disagree about ${what}: ${figures(support.length)} ${support.length === 1 ? "agrees or is" : "agree or are"} compatible with the claim (${kinds(support)}) and ${figures(conflict.length)} ${conflict.length === 1 ? "conflicts" : "conflict"} with it (${kinds(conflict)}).${caveats(support)}${extra}`;
    case "CONTRADICTED":
      return `Contradicted: ${figures(conflict.length)} of ${what} ${conflict.length === 1 ? "conflicts" : "conflict"} with it (${kinds(conflict)}), and none agrees.${extra}`;
    case "DIFFERENT_SCOPE":
      return `Only figures of another scope were found for ${what} (${figures(scope.length)}: another event, period, metric or part of the market), which neither confirm nor contradict it.${extra}`;
    case "NOT_FOUND": {
      const why = unjudged.length
        ? ` ${figures(unjudged.length)} could not be judged: ${[...new Set(unjudged.map((m) => m.reason.replace(/^Not judged: /, "")))].join(" ")}${scope.length ? ` ${figures(scope.length)} of another scope ${scope.length === 1 ? "was" : "were"} found too.` : ""}`
        : sought.metric && sought.subject
          ? " The knowledge base has no comparable figure."
          : "";
      return `Not found: looked for ${what}.${why}${extra}`;
    }
  }
}

function soughtPhrase(s: SoughtFigure): string {
  if (!s.metric) return "a figure matching the claim's words";
  const of = s.subject ? ` of ${s.subject}` : "";
  const when = s.period ? ` for ${s.period}` : "";
  return `"${s.metric}"${of}${when}`;
}

/** Warnings on support: every supporting figure unattributed, a possible echo, or forecasts only. */
function caveats(support: readonly ComparedMatch[]): string {
  if (support.length === 0) return "";
  const out: string[] = [];
  if (support.every((m) => m.profile.producers.length === 0)) out.push("The only support names no producer: no attribution is stated for it.");
  else if (support.every((m) => m.profile.producers.length === 0 || m.profile.possibleEcho !== null)) {
    out.push(`The only attributed support may be an echo: ${support.find((m) => m.profile.possibleEcho)!.profile.possibleEcho!.replace(/^Possible echo: /, "")}`);
  }
  if (support.every((m) => m.profile.kind === "FORECAST")) out.push("The support is a forecast, not a measurement.");
  return out.length ? ` ${out.join(" ")}` : "";
}

function kinds(ms: readonly ComparedMatch[]): string {
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(KIND_NOUNS[m.profile.kind], (counts.get(KIND_NOUNS[m.profile.kind]) ?? 0) + 1);
  return names([...counts].map(([noun, n]) => (n === 1 ? noun : `${n} ${plural(noun)}`)));
}

function plural(noun: string): string {
  return noun.replace(/^an? /, "").replace(/figure derived/, "figures derived").replace(/(measurement|estimate|forecast|result)$/, "$1s");
}

function figures(n: number): string {
  return n === 1 ? "1 figure" : `${n} figures`;
}

function names(list: readonly string[]): string {
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}
