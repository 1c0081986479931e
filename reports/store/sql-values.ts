import { z } from 'zod';

/** A DuckDB count or integer sum: BIGINT and HUGEINT arrive as `bigint`, the rest as `number`. */
export const countValue = z.union([z.bigint(), z.number()]).transform(Number);

/** A nullable numeric aggregate (`avg`, `sum`, a quantile over no rows). */
export const optionalNumber = z.union([z.bigint(), z.number(), z.null()]).transform((value) => (value === null ? null : Number(value)));

/** A list of quantiles; DuckDB gives `null` when the filter kept no rows. */
export const quantileList = z
  .array(z.number().nullable())
  .nullable()
  .transform((values) => values ?? []);
