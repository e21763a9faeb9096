import type { UnitInfo } from "../../facts/unit-catalog.js";

/** A unit as the API's `Unit` type gives it. */
export interface ApiUnit {
  readonly code: string;
  readonly kind: UnitInfo["kind"];
  readonly singular: string;
  readonly plural: string;
  readonly symbol: string | null;
  readonly chinese: string;
  readonly description: string;
}

/** The fields of the API's Unit type the pages use. */
export const UNIT_FIELDS = "code kind singular plural symbol chinese description";
