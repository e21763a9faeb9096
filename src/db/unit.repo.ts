import type { UnitInfo, UnitKind } from "../facts/unit-catalog.js";
import type { Statements } from "./statements.js";

/** Reads the units the build recorded with their names (table `unit`, migration 010). */
export class UnitRepository {
  constructor(private readonly run: Statements) {}

  /** Every unit of the knowledge base, by code: a few dozen rows, read whole. */
  all(): UnitInfo[] {
    return this.run.cached("units.all", [], () =>
      this.run
        .all<{ code: string; kind: string; singular: string; plural: string; symbol: string | null; zh: string; description: string }>(
          "SELECT code, kind, singular, plural, symbol, zh, description FROM unit ORDER BY code",
        )
        .map((r) => ({ ...r, kind: r.kind as UnitKind })),
    );
  }
}
