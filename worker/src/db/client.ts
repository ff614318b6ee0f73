import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

/** A drizzle client over the D1 binding. */
export const getDb = (d1: D1Database) => drizzle(d1, { schema });
/** The drizzle client type every queries.ts takes first. */
export type Db = ReturnType<typeof getDb>;
