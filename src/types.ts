/** A sex. Female first: births depend on women. */
export type Sex = 'female' | 'male';

/** One value per sex, never a positional pair. */
export interface BySex<T> {
  female: T;
  male: T;
}

/** The two sexes in the library's fixed order (female first). */
export const SEXES: readonly Sex[] = ['female', 'male'];
