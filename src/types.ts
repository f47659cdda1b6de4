/** The two sexes in the library's fixed order: female first, since births depend on women. */
export const SEXES = ['female', 'male'] as const;

/** A sex. */
export type Sex = (typeof SEXES)[number];

/** One value per sex, never a positional pair. */
export interface BySex<T> {
  female: T;
  male: T;
}
