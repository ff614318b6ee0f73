// Keep package-lock.json installable with `npm ci` on every platform. workerd ships
// one binary package per platform as optional dependencies; a registry mirror that
// only carries the Linux builds (as ours does) makes npm leave the others out of the
// lockfile, and `npm ci` then refuses the lockfile as out of sync. This adds the
// missing entries exactly as the public registry would describe them (name, version,
// os, cpu), so npm skips them on other platforms and fetches them on theirs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const OS = { darwin: 'darwin', linux: 'linux', windows: 'win32' };
const CPU = { 64: 'x64', arm64: 'arm64' };

if (existsSync(LOCK)) {
  const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
  const added = [];
  for (const meta of Object.values(lock.packages)) {
    for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
      const platform = name.match(/^@cloudflare\/workerd-(darwin|linux|windows)-(64|arm64)$/);
      const key = `node_modules/${name}`;
      if (!platform || lock.packages[key]) continue;
      lock.packages[key] = {
        version,
        cpu: [CPU[platform[2]]],
        dev: true,
        license: 'Apache-2.0',
        optional: true,
        os: [OS[platform[1]]],
        engines: { node: '>=16' },
      };
      added.push(`${name}@${version}`);
    }
  }
  if (added.length) {
    writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
    console.log(`lock-platforms: added ${added.join(', ')}`);
  }
}
