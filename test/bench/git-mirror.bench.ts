/**
 * The git mirror against plain `git`, on a loopback `git http-backend`: a generated repository (BENCH_FILES files
 * of ~10 KiB, BENCH_COMMITS commits). For each implementation: clone (resolve + shallow fetch + artifact), an
 * incremental fetch after one new commit, and a no-op fetch of an unchanged remote. Median of 3 runs, with the
 * ratio to plain git (below 1 is faster).
 *
 *   node --require @backstage/cli-node/config/nodeTransform.cjs test/bench/git-mirror.bench.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GitMirror, IsomorphicGitMirror, NativeGitMirror } from '@internal/plugin-gitops-node';
import { startGitServer } from '../harness';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 50);
const RUNS = 3;
const MAX_BYTES = 512 * 1024 * 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  const server = await startGitServer();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-git-bench-'));
  try {
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) files[`dir-${i % 40}/file-${i}.yaml`] = `index: ${i}\npayload: ${'y'.repeat(10_000)}\n`;
    const { url } = await server.createRepository('big', files);
    for (let c = 1; c < COMMITS; c++) await server.commit('big', { [`dir-${c % 40}/file-${c}.yaml`]: `index: ${c}\nrevision: ${c}\n` });

    const results: Record<string, Record<string, number[]>> = {};
    const record = (impl: string, scenario: string, ms: number) => {
      results[impl] ??= {};
      (results[impl][scenario] ??= []).push(ms);
    };

    for (let run = 0; run < RUNS; run++) {
      const plainDir = path.join(scratch, `plain-${run}`);
      record('plain git', 'clone', await time(() => execFileSync('git', ['clone', '--quiet', '--depth=1', '--single-branch', url, plainDir])));
      record('plain git', 'no-op fetch', await time(() => execFileSync('git', ['-C', plainDir, 'fetch', '--quiet', '--depth=1'])));

      const mirrors: Array<[string, GitMirror]> = [
        ['native', new NativeGitMirror(path.join(scratch, `native-${run}`))],
        ['isomorphic', new IsomorphicGitMirror(path.join(scratch, `iso-${run}`))],
      ];
      for (const [name, mirror] of mirrors) {
        record(name, 'clone', await time(async () => {
          const resolved = await mirror.resolve({ url }, { branch: 'main' });
          await mirror.fetch({ url }, resolved);
          await mirror.archive({ url }, resolved, { maxBytes: MAX_BYTES });
        }));
        record(name, 'no-op fetch', await time(async () => {
          const resolved = await mirror.resolve({ url }, { branch: 'main' });
          await mirror.fetch({ url }, resolved);
        }));
      }

      await server.commit('big', { [`dir-0/new-${run}.yaml`]: `run: ${run}\n` });
      record('plain git', 'incremental fetch', await time(() => execFileSync('git', ['-C', plainDir, 'fetch', '--quiet', '--depth=1'])));
      for (const [name, mirror] of mirrors) {
        record(name, 'incremental fetch', await time(async () => {
          const resolved = await mirror.resolve({ url }, { branch: 'main' });
          await mirror.fetch({ url }, resolved);
        }));
      }
    }

    const scenarios = ['clone', 'incremental fetch', 'no-op fetch'];
    console.log(`git mirror: ${FILES} files, ${COMMITS} commits, median of ${RUNS} (ms; ratio to plain git)`);
    console.log(['implementation', ...scenarios].map((cell, i) => cell.padEnd(i === 0 ? 16 : 26)).join(''));
    for (const impl of ['plain git', 'native', 'isomorphic']) {
      const cells = scenarios.map(scenario => {
        const ms = median(results[impl][scenario]);
        const ratio = ms / median(results['plain git'][scenario]);
        return impl === 'plain git' ? `${ms.toFixed(0)}` : `${ms.toFixed(0)} (${ratio.toFixed(2)}x)`;
      });
      console.log([impl, ...cells].map((cell, i) => cell.padEnd(i === 0 ? 16 : 26)).join(''));
    }
  } finally {
    await server.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
