#!/usr/bin/env node
/* `npm run bench`: runs every benchmark in this folder, one after the other, with Backstage's TypeScript transform. */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const only = process.argv.slice(2);
const benches = fs
  .readdirSync(__dirname)
  .filter(file => file.endsWith('.bench.ts'))
  .filter(file => only.length === 0 || only.some(name => file.includes(name)))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(
    process.execPath,
    ['--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs'), path.join(__dirname, bench)],
    { stdio: 'inherit', cwd: path.resolve(__dirname, '../..') },
  );
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
