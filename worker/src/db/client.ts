import { drizzle } from 'drizzle-orm/d1';
import { countingD1 } from './counting';
import * as schema from './schema';

/** A drizzle client over the D1 binding (counted for the bench: every statement goes through here). */
export const getDb = (d1: D1Database) => drizzle(countingD1(d1), { schema });
/** The drizzle client type every queries.ts takes first. */
export type Db = ReturnType<typeof getDb>;
