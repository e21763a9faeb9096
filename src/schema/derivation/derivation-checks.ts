import type { KnowledgeBase } from "../../db/open.js";
import type { DerivationCheck } from "../../facts/derivation.js";

/**
 * The derivation checks already computed for a knowledge base, by statistic id. A check is a
 * pure function of the statistic and its inputs, which cannot change while the database is
 * served, and recomputing it (parsing the formula, interval arithmetic, the explanation in
 * words) was a tenth of the time of answering a fact card. Bounded: past MAX_CHECKS the
 * memory starts over.
 */
export class DerivationChecks {
  private readonly checks = new Map<number, DerivationCheck>();

  /** Statistics whose check is kept at most. */
  static readonly MAX_CHECKS = 20_000;

  /** The checks of a knowledge base (one set per open database). */
  static of(kb: KnowledgeBase): DerivationChecks {
    let c = BY_KNOWLEDGE_BASE.get(kb);
    if (!c) BY_KNOWLEDGE_BASE.set(kb, (c = new DerivationChecks()));
    return c;
  }

  /** The check of statistic `id`, computed by `compute` the first time. */
  get(id: number, compute: () => DerivationCheck): DerivationCheck {
    let check = this.checks.get(id);
    if (check === undefined) {
      check = compute();
      if (this.checks.size >= DerivationChecks.MAX_CHECKS) this.checks.clear();
      this.checks.set(id, check);
    }
    return check;
  }
}

const BY_KNOWLEDGE_BASE = new WeakMap<KnowledgeBase, DerivationChecks>();
