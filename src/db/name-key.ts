/**
 * The form in which names are compared for the search's exact-name rule: an entity whose
 * name, name in another language or alias equals the query comes first (search.repo.ts).
 *
 * Two spellings are the same name when they differ only in letter case or in the amount or
 * kind of white space ("li  JIAQI" is "Li Jiaqi"); both are put in Unicode's composed form
 * (NFC) first, so that an accented letter typed as one character or as a letter and an accent
 * compares equal. Nothing else is folded: punctuation, hyphens and apostrophes must match as
 * written.
 *
 * The build stores every name of every entity in this form (table entity_name_key); the
 * search folds the query the same way, so both sides always agree.
 */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
}
