/** The values of a DataLoader `loadMany`, rethrowing the first error instead of returning it. */
export async function loadAll<T>(loading: Promise<(T | Error)[]>): Promise<T[]> {
  return (await loading).map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}
