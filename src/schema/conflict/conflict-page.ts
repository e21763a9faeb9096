import type { Keyset } from "../../db/keyset.js";
import type { Page, PageWindow } from "../../db/page.js";

/** An item of an in-memory list in keyset order. */
export interface KeyedItem {
  readonly sortKey: string;
  readonly sortId: number;
}

/**
 * One page of a list held in memory and sorted by (sortKey, sortId), read by keyset exactly
 * as the SQL lists are (`readPage`): the items after `after` (or before `before`), and
 * whether more lie on either side. A cursor keeps its place whatever the page size.
 */
export function memoryPage<T extends KeyedItem>(items: readonly T[], window: PageWindow): Page<T> {
  const after = (cursor: Keyset) => items.findIndex((i) => compare(i, cursor) > 0);
  const atOrAfter = (cursor: Keyset) => items.findIndex((i) => compare(i, cursor) >= 0);
  const end = (index: number) => (index < 0 ? items.length : index);
  if ("first" in window) {
    const start = window.after ? end(after(window.after)) : 0;
    const rows = items.slice(start, start + window.first);
    return { rows: rows as Page<T>["rows"], hasNextPage: start + window.first < items.length, hasPreviousPage: window.after !== undefined && start > 0 };
  }
  const stop = window.before ? end(atOrAfter(window.before)) : items.length;
  const start = Math.max(0, stop - window.last);
  return { rows: items.slice(start, stop) as Page<T>["rows"], hasNextPage: window.before !== undefined && stop < items.length, hasPreviousPage: start > 0 };
}

function compare(item: KeyedItem, cursor: Keyset): number {
  const key = String(cursor.key);
  if (item.sortKey !== key) return item.sortKey < key ? -1 : 1;
  return item.sortId - cursor.id;
}
