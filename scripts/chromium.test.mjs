// e2e/chromium.mjs, the browser the e2e tests launch (here because it needs no browser run, only Node).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { chromiumPath } from '../e2e/chromium.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'parley-chromium-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("never launches a half-written or foreign <tmp>/chromium: the package's Chromium is unpacked whole, once per version", async () => {
  // What an interrupted first run (or one still writing it) leaves in the temp directory.
  writeFileSync(join(tmp, 'chromium'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  const saved = process.env.TMPDIR;
  const chosen = process.env.CHROMIUM_PATH;
  process.env.TMPDIR = tmp;
  delete process.env.CHROMIUM_PATH;
  try {
    const path = await chromiumPath();
    expect(path).not.toBe(join(tmp, 'chromium'));
    expect(execFileSync(path, ['--version'], { encoding: 'utf8' })).toMatch(/Chromium \d+/);
    expect(await chromiumPath()).toBe(path);
    expect(process.env.TMPDIR).toBe(tmp);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    if (chosen !== undefined) process.env.CHROMIUM_PATH = chosen;
  }
}, 120_000);
