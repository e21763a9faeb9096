/**
 * The loaders of statistics related to a statistic: the statistics comparable with it (same
 * metric and subject, overlapping period) and the named inputs of a derived one. Both prime
 * the by-id loader with the statistics they read, and strip the columns that only tie a row to
 * its key (an input statistic is stripped once per row, not per request: see `inputStatistic`).
 */
import DataLoader from "dataloader";
import { MAX_BATCH, groupBy } from "./batch.js";
import { grouped } from "./loader-builders.js";
import type { Repositories } from "./repositories.js";
import type { CandidateKey, DerivationInputRow, StatisticRow } from "./statistic.repo.js";

/** What these loaders prime: the request's loader of statistics by id (read when a batch runs). */
interface StatisticPriming {
  readonly statisticById: DataLoader<number, StatisticRow | null>;
}

/**
 * A loader of the statistics of a key's metric about its subject over an overlapping period
 * (see `StatisticRepository.comparableWith`); a batch of keys is one statement.
 */
export function comparableStatisticsLoader(r: Repositories, loaders: StatisticPriming): DataLoader<CandidateKey, StatisticRow[], string> {
  return new DataLoader<CandidateKey, StatisticRow[], string>(
    async (keys) => {
      const groups = groupBy(r.statistics.comparableWith(keys), (x) =>
        candidateKey({ metricId: x.keyMetricId, subjectId: x.keySubjectId, periodStart: x.keyStart, periodEnd: x.keyEnd }),
      );
      return keys.map((k) =>
        (groups.get(candidateKey(k)) ?? []).map(({ keyMetricId: _m, keySubjectId: _s, keyStart: _a, keyEnd: _b, ...row }) => {
          loaders.statisticById.prime(row.id, row);
          return row;
        }),
      );
    },
    { maxBatchSize: MAX_BATCH, cacheKeyFn: candidateKey },
  );
}

/** A loader of the named inputs of a derived statistic, in formula order (empty for other statistics). */
export function derivationInputsLoader(r: Repositories, loaders: StatisticPriming): DataLoader<number, DerivationInputRow[]> {
  return grouped(r.statistics.derivationInputs.bind(r.statistics), (x) => x.derivedId, (x) => {
    loaders.statisticById.prime(x.id, inputStatistic(x));
    return x;
  });
}

/** The cache key of a CandidateKey in `comparableStatistics`. */
function candidateKey(k: CandidateKey): string {
  return `${k.metricId}:${k.subjectId}:${k.periodStart ?? ""}:${k.periodEnd ?? ""}`;
}

/**
 * The input statistic of a derivation input row (the row without its derivation columns). The
 * row cache hands every request the same frozen rows, so each is stripped once, not per
 * request (an object rest copy of a frozen row showed in the fact card's profile), and the
 * copy is frozen too, since every request then shares it.
 */
function inputStatistic(row: DerivationInputRow): StatisticRow {
  let input = INPUT_STATISTICS.get(row);
  if (input === undefined) {
    const { derivedId: _d, inputName: _n, inputPosition: _p, ...rest } = row;
    input = Object.freeze(rest);
    INPUT_STATISTICS.set(row, input);
  }
  return input;
}
const INPUT_STATISTICS = new WeakMap<DerivationInputRow, StatisticRow>();
