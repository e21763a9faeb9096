import type { KnowledgeBase } from "../../db/open.js";
import type { Derivation } from "./derivation.type.js";

/**
 * The derivations already checked for a knowledge base, by statistic id. A derivation is a
 * pure function of the statistic and its inputs, which cannot change while the database is
 * served, and recomputing it (parsing the formula, interval arithmetic, the explanation in
 * words) was a tenth of the time of answering a fact card. The objects kept are immutable (the
 * GraphQL objects of the result, read-only fields over the rows). Bounded: past MAX_CHECKS
 * the memory starts over.
 */
export class DerivationChecks {
  private readonly checks = new Map<number, Derivation>();

  /** Statistics whose check is kept at most. */
  static readonly MAX_CHECKS = 20_000;

  /** The checks of a knowledge base (one set per open database). */
  static of(kb: KnowledgeBase): DerivationChecks {
    let c = BY_KNOWLEDGE_BASE.get(kb);
    if (!c) BY_KNOWLEDGE_BASE.set(kb, (c = new DerivationChecks()));
    return c;
  }

  /** The derivation of statistic `id`, computed by `compute` the first time. */
  get(id: number, compute: () => Derivation): Derivation {
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
