import type { StatisticCriteria } from "../../db/statistic.repo.js";
import type { RequestContext } from "../context.js";
import { type ConnectionShape, toConnection } from "../common/connection.js";
import { pageWindow } from "../common/page-args.js";
import { StatisticConnection } from "./statistic-connection.type.js";
import { DEFAULT_STATISTIC_ORDER } from "./statistic-order.input.js";
import type { StatisticsArgs } from "./statistic.args.js";
import { Statistic } from "./statistic.type.js";

/**
 * A page of the statistics meeting `criteria`, in the order and window the arguments ask
 * for. Used by the root `statistics` field and every nested list of statistics, so they all
 * page, sort and count the same way. A nested list names the object it belongs to (`scope`,
 * e.g. `metric:12`), and its cursors carry it: a cursor of one list is refused by another.
 */
export function statisticConnection(ctx: RequestContext, criteria: StatisticCriteria, args: StatisticsArgs, scope?: string): ConnectionShape<Statistic> {
  const order = args.orderBy ?? DEFAULT_STATISTIC_ORDER;
  const list = `statistic:${order.field}:${order.direction}${scope === undefined ? "" : ` of ${scope}`}`;
  const window = pageWindow(args, list);
  const page = ctx.repos.statistics.page(criteria, order.field, order.direction === "DESC", window);
  return toConnection(StatisticConnection, list, page, (r) => new Statistic(r), () => ctx.repos.statistics.count(criteria));
}
