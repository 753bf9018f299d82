#!/usr/bin/env node
// Adds up tmp/test-results/*.json (Jest summaries and Playwright's JSON report)
// and prints the closing line. Exits non-zero on any failure or skipped test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'tmp', 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  let p;
  let f;
  let s;
  if (data.runner === 'jest') {
    ({ passed: p, failed: f, skipped: s } = data);
  } else {
    p = (data.stats?.expected ?? 0) + (data.stats?.flaky ?? 0);
    f = data.stats?.unexpected ?? 0;
    s = data.stats?.skipped ?? 0;
  }
  lines.push(`  ${file.replace(/\.json$/, '').padEnd(16)} ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(lines.join('\n'));
console.log(`Total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (skipped > 0) console.log('Skipped tests are not allowed here: run them or remove them.');
process.exit(failed > 0 || skipped > 0 || passed === 0 ? 1 : 0);
