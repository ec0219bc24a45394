import { MirrorFiles, restoreFiles, snapshotFiles } from '../mirrorFiles';
import { runGit } from './gitCli';

/** What a fetch can change in a bare mirror: packs, shallow boundary and refs. */
export interface MirrorSnapshot {
  files: MirrorFiles;
  refs: Map<string, string>;
}

export async function takeSnapshot(gitdir: string): Promise<MirrorSnapshot> {
  return { files: await snapshotFiles(gitdir), refs: await listRefs(gitdir) };
}

/**
 * Puts a mirror back as it was before a failed or refused fetch, so a pack over the size limit does not stay
 * behind and make the commit look fetched, and a killed git leaves no half-written pack.
 */
export async function rollBack(
  gitdir: string,
  before: MirrorSnapshot,
): Promise<void> {
  await restoreFiles(gitdir, before.files);
  const now = await listRefs(gitdir);
  const commands: string[] = [];
  for (const [ref, oid] of now) {
    const old = before.refs.get(ref);
    if (old === undefined) commands.push(`delete ${ref}`);
    else if (old !== oid) commands.push(`update ${ref} ${old}`);
  }
  for (const [ref, oid] of before.refs)
    if (!now.has(ref)) commands.push(`create ${ref} ${oid}`);
  if (commands.length > 0) {
    await runGit(['update-ref', '--no-deref', '--stdin'], {
      cwd: gitdir,
      input: `${commands.join('\n')}\n`,
    }).catch(() => undefined);
  }
}

async function listRefs(gitdir: string): Promise<Map<string, string>> {
  const output = await runGit(
    ['for-each-ref', '--format=%(objectname) %(refname)'],
    { cwd: gitdir },
  ).catch(() => Buffer.alloc(0));
  const refs = new Map<string, string>();
  for (const line of output.toString('utf8').split('\n')) {
    const [oid, ref] = line.split(' ');
    if (oid && ref) refs.set(ref, oid);
  }
  return refs;
}
