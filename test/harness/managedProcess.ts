import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

const STOP_GRACE_MS = 5_000;
const TAIL_BYTES = 16 * 1024;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Last output lines (stdout and stderr interleaved), for error messages. */
  outputTail(): string;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  exited: Promise<string>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const exitCallbacks = new Set<() => void>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Runs synchronously when this Node process exits, so no server outlives a test run or a crashed script.
  process.on('exit', () => {
    for (const callback of exitCallbacks) {
      try {
        callback();
      } catch {
        // best effort while exiting
      }
    }
    for (const child of live) {
      if (child.pid) killGroup(child.pid, 'SIGKILL');
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** Registers a directory to delete when this Node process exits (if nothing removed it before). */
export function removeOnExit(dir: string): () => void {
  installExitHook();
  tempDirs.add(dir);
  return () => tempDirs.delete(dir);
}

/** Registers a synchronous clean-up to run when this Node process exits; returns a function that unregisters it. */
export function onProcessExit(callback: () => void): () => void {
  installExitHook();
  exitCallbacks.add(callback);
  return () => exitCallbacks.delete(callback);
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts a long-running binary in its own process group, captures an output tail, and makes sure it dies with
 * this process: a normal exit runs the exit hook; a crash or SIGKILL of Node closes the watchdog's stdin pipe.
 */
export function startManagedProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ManagedProcess {
  installExitHook();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const collect = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  live.add(child);

  const exited = new Promise<string>(resolve => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(signal ?? String(code));
    });
    child.once('error', error => {
      live.delete(child);
      collect(Buffer.from(`\n${name} failed to start: ${error.message}\n`));
      resolve('spawn-error');
    });
  });

  const watchdog = child.pid
    ? startWatchdog(`-${child.pid}`, 'TERM')
    : undefined;
  void exited.then(() => watchdog?.kill('SIGKILL'));

  return {
    name,
    child,
    outputTail: () => tail,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
        await exited;
        return;
      }
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(
        () => child.pid && killGroup(child.pid, 'SIGKILL'),
        STOP_GRACE_MS,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A tiny bash process that waits for EOF on a pipe from this Node process, i.e. for Node to die however it dies,
 * then signals `target` (a pid, or -pgid for a process group), and SIGKILLs it 5 s later. Kill it when done.
 */
export function startWatchdog(
  target: string,
  signal: 'TERM' | 'INT',
): ChildProcess {
  const script =
    'while read -r _; do :; done; kill -"$2" -- "$1" 2>/dev/null || exit 0; sleep 5; kill -KILL -- "$1" 2>/dev/null; exit 0';
  const watchdog = spawn(
    'bash',
    ['-c', script, 'gitops-test-watchdog', target, signal],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    },
  );
  watchdog.on('error', () => undefined);
  watchdog.stdin?.on('error', () => undefined);
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return watchdog;
}
