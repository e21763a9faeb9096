import type { Period } from "../facts/period.js";
import type { StatisticRec } from "./model.js";
import { hashString } from "./validation-memo.js";

/**
 * What a statistic states, as one string: two statistics with the same identity are the same
 * figure (metric, subject, event, kind, amount, unit, comparator and period).
 */
export function figureIdentity(
  metric: string,
  subject: string,
  event: string | null,
  kind: string,
  amount: number,
  unit: string,
  comparator: string,
  period: Period | null,
  upper: number | null,
): string {
  return `${metric}\u0000${subject}\u0000${event ?? ""}\u0000${kind}\u0000${amount}\u0000${unit}\u0000${comparator}\u0000${period?.start ?? ""}\u0000${period?.end ?? ""}\u0000${upper ?? ""}`;
}

/**
 * Statistics by identity (see figureIdentity), keyed by a 32-bit hash of it so that the index
 * does not keep a string per statistic; statistics whose identities share a hash are told
 * apart by recomputing theirs, so a match is exactly an equal identity.
 */
export class FigureIndex<S extends StatisticRec> {
  private readonly byHash = new Map<number, S | S[]>();

  /** The statistic already stating this figure, if any. */
  find(identity: string): S | undefined {
    const found = this.byHash.get(hashString(identity));
    if (found === undefined) return undefined;
    for (const stat of Array.isArray(found) ? found : [found]) if (identityOf(stat) === identity) return stat;
    return undefined;
  }

  /** Records that `stat` states the figure `identity`. */
  add(identity: string, stat: S): void {
    const h = hashString(identity);
    const found = this.byHash.get(h);
    if (found === undefined) this.byHash.set(h, stat);
    else if (Array.isArray(found)) found.push(stat);
    else this.byHash.set(h, [found, stat]);
  }
}

function identityOf(s: StatisticRec): string {
  return figureIdentity(s.metric, s.subjects.join(","), s.event, s.kind, s.amount, s.unit, s.comparator, s.period, s.upper);
}
