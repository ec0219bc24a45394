/**
 * The git mirror against plain `git clone`, on a loopback `git http-backend`: a generated repository of
 * BENCH_FILES files of ~10 KiB of incompressible text (about 20 MB) and BENCH_COMMITS commits. For each
 * implementation: clone (resolve + fetch into an empty mirror), artifact (tar.gz of the tree; `git archive`
 * for plain git), no-op fetch (resolve + fetch of an unchanged remote) and incremental fetch (one changed
 * file). Median of BENCH_RUNS, with the ratio to plain git (below 1 is faster).
 *
 *   node --require @backstage/cli-node/config/nodeTransform.cjs test/bench/git-mirror.bench.ts
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createGitMirror, GitMirror } from '@internal/plugin-gitops-node';
import { startGitServer } from '../harness';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const FILE_BYTES = Number(process.env.BENCH_FILE_BYTES ?? 10_000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MAX_BYTES = 512 * 1024 * 1024;
const SCENARIOS = [
  'clone',
  'artifact',
  'no-op fetch',
  'incremental fetch',
] as const;
type Scenario = (typeof SCENARIOS)[number];

// The git server runs in this process: plain git must run asynchronously or it would wait on itself.
const git = (args: string[]) =>
  promisify(execFile)('git', args, { maxBuffer: 64 * 1024 * 1024 });

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Incompressible text, so the repository weighs what it says. */
function noise(bytes: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const part = (state >>> 0).toString(36);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, bytes);
}

async function main() {
  const server = await startGitServer();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-git-bench-'));
  try {
    const started = Date.now();
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++)
      files[`dir-${i % 40}/file-${i}.yaml`] = `index: ${i}\npayload: ${noise(
        FILE_BYTES,
        i + 1,
      )}\n`;
    const { url } = await server.createRepository('big', files);
    for (let c = 1; c < COMMITS; c++) {
      await server.commit('big', {
        [`dir-${c % 40}/file-${c}.yaml`]: `index: ${c}\nrevision: ${c}\n`,
      });
    }
    const { stdout: packSize } = await promisify(execFile)('du', [
      '-sh',
      path.join(server.root, 'big.git'),
    ]);
    console.log(
      `repository: ${FILES} files of ${FILE_BYTES} bytes, ${COMMITS} commits, ${
        packSize.split('\t')[0]
      } on the server ` +
        `(generated in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );

    const results = new Map<string, Map<Scenario, number[]>>();
    const record = (impl: string, scenario: Scenario, ms: number) => {
      if (!results.has(impl)) results.set(impl, new Map());
      const byScenario = results.get(impl)!;
      byScenario.set(scenario, [...(byScenario.get(scenario) ?? []), ms]);
    };

    for (let run = 0; run < RUNS; run++) {
      const plainDir = path.join(scratch, `plain-${run}`);
      const mirrors: Array<[string, GitMirror]> = [
        [
          'native',
          createGitMirror({
            implementation: 'native',
            cacheDir: path.join(scratch, `native-${run}`),
          }),
        ],
        [
          'isomorphic (worker)',
          createGitMirror({
            implementation: 'isomorphic',
            cacheDir: path.join(scratch, `iso-w-${run}`),
          }),
        ],
        [
          'isomorphic (in-process)',
          createGitMirror({
            implementation: 'isomorphic',
            cacheDir: path.join(scratch, `iso-p-${run}`),
            workerMemoryMb: 0,
          }),
        ],
      ];
      const update = async (mirror: GitMirror) =>
        mirror.fetch(
          { url },
          await mirror.resolve({ url }, { branch: 'main' }),
        );

      record(
        'plain git',
        'clone',
        await time(() =>
          git([
            'clone',
            '--quiet',
            '--depth=1',
            '--single-branch',
            '--no-tags',
            url,
            plainDir,
          ]),
        ),
      );
      const tarball = path.join(scratch, `plain-${run}.tar.gz`);
      record(
        'plain git',
        'artifact',
        await time(() =>
          git([
            '-C',
            plainDir,
            'archive',
            '--format=tar.gz',
            '-o',
            tarball,
            'HEAD',
          ]),
        ),
      );
      record(
        'plain git',
        'no-op fetch',
        await time(() =>
          git([
            '-C',
            plainDir,
            'fetch',
            '--quiet',
            '--depth=1',
            'origin',
            'main',
          ]),
        ),
      );
      for (const [name, mirror] of mirrors) {
        let resolved = await mirror.resolve({ url }, { branch: 'main' });
        record(
          name,
          'clone',
          await time(async () => {
            resolved = await mirror.resolve({ url }, { branch: 'main' });
            await mirror.fetch({ url }, resolved);
          }),
        );
        record(
          name,
          'artifact',
          await time(() =>
            mirror.archive({ url }, resolved, { maxBytes: MAX_BYTES }),
          ),
        );
        record(name, 'no-op fetch', await time(() => update(mirror)));
      }

      await server.commit('big', {
        [`dir-0/new-${run}.yaml`]: `run: ${run}\n`,
      });
      record(
        'plain git',
        'incremental fetch',
        await time(() =>
          git([
            '-C',
            plainDir,
            'fetch',
            '--quiet',
            '--depth=1',
            'origin',
            'main',
          ]),
        ),
      );
      for (const [name, mirror] of mirrors) {
        record(
          name,
          'incremental fetch',
          await time(async () => {
            const result = await update(mirror);
            if (!result.fetched || result.receivedBytes > 100_000)
              throw new Error(`${name}: fetch was not incremental`);
          }),
        );
      }
    }

    const plain = results.get('plain git')!;
    console.log(
      `\ngit mirror: median of ${RUNS} runs, ms (ratio to plain git)`,
    );
    console.log(
      ['implementation'.padEnd(26), ...SCENARIOS.map(s => s.padEnd(22))].join(
        '',
      ),
    );
    for (const [impl, byScenario] of results) {
      const cells = SCENARIOS.map(scenario => {
        const values = byScenario.get(scenario);
        if (!values) return '-'.padEnd(22);
        const ms = median(values);
        const base = plain.get(scenario);
        const ratio =
          base && impl !== 'plain git'
            ? ` (${(ms / median(base)).toFixed(2)}x)`
            : '';
        return `${ms.toFixed(0)}${ratio}`.padEnd(22);
      });
      console.log([impl.padEnd(26), ...cells].join(''));
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
