// The Wrangler configuration a deployment uses: the committed wrangler.toml as Wrangler itself reads it, written as
// JSON under the deploy directory with this deployment's vars and built assets. wrangler.toml is never edited: its
// placeholder D1 id is left out, so Wrangler finds the database by name or creates it at deploy time (automatic
// provisioning, wrangler >= 4.45), as it does the R2 bucket.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

const PLACEHOLDER_ID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** wrangler.toml as Wrangler reads it (its own parser: no TOML handling of ours). */
export async function readCommittedConfig(root) {
  const { experimental_readRawConfig: readRawConfig } = await import('wrangler');
  return readRawConfig({ config: join(root, 'wrangler.toml') }, { useRedirectIfAvailable: false }).rawConfig;
}

/**
 * The deployment's config, from the committed one: paths made relative to `dir` (where it is written), the assets
 * from `assetsDir`, `vars` over the committed vars, and D1 bindings without the placeholder id. Returns the object.
 */
export function deployConfig(raw, { root, dir, assetsDir, vars }) {
  const rel = (p) => relative(dir, isAbsolute(p) ? p : join(root, p)) || '.';
  const config = structuredClone(raw);
  if (config.main) config.main = rel(config.main);
  if (config.tsconfig) config.tsconfig = rel(config.tsconfig);
  config.assets = { ...config.assets, directory: rel(assetsDir) };
  config.d1_databases = (config.d1_databases ?? []).map((db) => {
    const { database_id: id, ...rest } = db;
    return {
      ...rest,
      ...(id && !PLACEHOLDER_ID.test(id) ? { database_id: id } : {}),
      ...(db.migrations_dir ? { migrations_dir: rel(db.migrations_dir) } : {}),
    };
  });
  config.vars = { ...config.vars, ...vars };
  return config;
}

/** Writes `config` to <dir>/wrangler.json and returns its path. */
export function writeDeployConfig(dir, config) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'wrangler.json');
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/** The D1 database the Worker's DB binding names (database_name), from the committed config. */
export const databaseName = (raw) => raw.d1_databases?.find((d) => d.binding === 'DB')?.database_name ?? 'parley';

/** The R2 bucket the UPLOADS binding names. */
export const bucketName = (raw) =>
  raw.r2_buckets?.find((b) => b.binding === 'UPLOADS')?.bucket_name ?? 'parley-uploads';
