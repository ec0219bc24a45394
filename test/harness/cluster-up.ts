/*
 * `npm run cluster:up`: starts etcd, kube-apiserver and kube-controller-manager on loopback for manual work and
 * keeps them up until Ctrl-C (or SIGTERM), then stops them and removes their temp dir.
 */
import { startControlPlane } from './controlPlane';

async function main() {
  const started = Date.now();
  const controlPlane = await startControlPlane({ controllerManager: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Control plane ready in ${seconds} s at ${controlPlane.server}\n` +
      `kubeconfig: ${controlPlane.kubeconfigPath}\n\n` +
      `export KUBECONFIG=${controlPlane.kubeconfigPath}\n\n` +
      `Press Ctrl-C to stop.\n`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the control plane...\n`);
    controlPlane.stop().then(
      () => {
        process.stdout.write('Stopped.\n');
        process.exit(0);
      },
      error => {
        process.stderr.write(
          `Stopping failed: ${
            error instanceof Error ? error.message : String(error)
          }\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
