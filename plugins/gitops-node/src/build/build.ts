import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isClusterScopedKind } from './clusterScopedKinds';
import { KubeObject, looksLikeManifests, ManifestError, objectKey, parseManifests } from './manifests';
import { isInside, resolveInsideRoot } from './safePath';

/** The Kustomization spec fields that change a build, as Flux applies them on top of the sources. */
export interface BuildOverrides {
  targetNamespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  commonMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
}

export interface BuildOptions extends BuildOverrides {
  /** Files above this size are refused (default 8 MiB). */
  maxFileBytes?: number;
}

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Builds the objects of `dir` (relative to `root`, the unpacked artifact) the way Flux's kustomize-controller does
 * for the subset it supports here: a `kustomization.yaml` with `resources` (files, directories, nested
 * kustomizations) and `namespace`, or, without one, every manifest in the directory tree. The spec overrides
 * apply last. A path outside `root`, a remote resource, a missing file or a duplicate object is an error.
 */
export async function buildKustomization(root: string, dir: string, options: BuildOptions = {}): Promise<KubeObject[]> {
  const realRoot = await fs.realpath(root);
  const start = await resolveInsideRoot(realRoot, dir || '.');
  const context: BuildContext = {
    root: realRoot,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    visiting: new Set(),
  };
  const objects = await buildDirectory(context, start);
  return applyOverrides(dedupe(objects), options);
}

interface BuildContext {
  root: string;
  maxFileBytes: number;
  visiting: Set<string>;
}

async function buildDirectory(context: BuildContext, dir: string): Promise<Array<{ object: KubeObject; file: string }>> {
  if (context.visiting.has(dir)) throw new Error(`${relativeTo(context, dir)}: cycle in kustomization resources`);
  context.visiting.add(dir);
  try {
    const kustomizationFile = await findKustomizationFile(dir);
    return kustomizationFile
      ? await buildFromKustomization(context, dir, kustomizationFile)
      : await buildGenerated(context, dir);
  } finally {
    context.visiting.delete(dir);
  }
}

async function findKustomizationFile(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    const candidate = path.join(dir, name);
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

interface KustomizationFile {
  resources?: unknown;
  bases?: unknown;
  namespace?: unknown;
}

async function buildFromKustomization(context: BuildContext, dir: string, file: string) {
  const display = relativeTo(context, file);
  let document: KustomizationFile;
  try {
    document = (parseYaml(await readLimited(context, file)) ?? {}) as KustomizationFile;
  } catch (error) {
    throw new ManifestError(display, `invalid YAML: ${(error as Error).message}`);
  }
  const entries = [...asStringList(document.resources, display, 'resources'), ...asStringList(document.bases, display, 'bases')];
  const collected: Array<{ object: KubeObject; file: string }> = [];
  for (const entry of entries) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@')) {
      throw new Error(`${display}: remote resource '${entry}' is not supported; vendor it into the source`);
    }
    const target = path.resolve(dir, entry);
    if (!isInside(context.root, target)) throw new Error(`${display}: resource '${entry}' escapes the artifact root`);
    const real = await resolveInsideRoot(context.root, path.relative(context.root, target)).catch((error: Error) => {
      throw new Error(`${display}: resource '${entry}': ${error.message}`);
    });
    collected.push(...((await isDirectory(real)) ? await buildDirectory(context, real) : await readObjects(context, real)));
  }
  if (typeof document.namespace === 'string' && document.namespace) {
    for (const { object } of collected) setNamespace(object, document.namespace);
  }
  return collected;
}

/** Flux generates a kustomization for a plain directory: every manifest below it; a sub-kustomization counts whole. */
async function buildGenerated(context: BuildContext, dir: string) {
  const collected: Array<{ object: KubeObject; file: string }> = [];
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const real = await resolveInsideRoot(context.root, path.relative(context.root, full)).catch(() => undefined);
    if (!real) continue; // links that leave the root are not part of the source
    if (await isDirectory(real)) {
      collected.push(...(await buildDirectory(context, real)));
    } else if (/\.ya?ml$/i.test(entry.name)) {
      const text = await readLimited(context, real);
      if (looksLikeManifests(text)) collected.push(...parseManifests(text, relativeTo(context, real)).map(object => ({ object, file: relativeTo(context, real) })));
    }
  }
  return collected;
}

async function readObjects(context: BuildContext, file: string) {
  const display = relativeTo(context, file);
  return parseManifests(await readLimited(context, file), display).map(object => ({ object, file: display }));
}

async function readLimited(context: BuildContext, file: string): Promise<string> {
  const stat = await fs.stat(file);
  if (stat.size > context.maxFileBytes) {
    throw new Error(`${relativeTo(context, file)}: ${stat.size} bytes is over the ${context.maxFileBytes}-byte limit`);
  }
  return fs.readFile(file, 'utf8');
}

function dedupe(entries: Array<{ object: KubeObject; file: string }>): KubeObject[] {
  const seen = new Map<string, string>();
  for (const { object, file } of entries) {
    const key = objectKey(object);
    const previous = seen.get(key);
    if (previous) throw new Error(`duplicate object ${key} in ${previous} and ${file}`);
    seen.set(key, file);
  }
  return entries.map(entry => entry.object);
}

function applyOverrides(objects: KubeObject[], overrides: BuildOverrides): KubeObject[] {
  return objects.map(original => {
    const object = structuredClone(original);
    if (overrides.targetNamespace) setNamespace(object, overrides.targetNamespace);
    if (overrides.namePrefix || overrides.nameSuffix) {
      object.metadata.name = `${overrides.namePrefix ?? ''}${object.metadata.name}${overrides.nameSuffix ?? ''}`;
    }
    const { labels, annotations } = overrides.commonMetadata ?? {};
    if (labels) object.metadata.labels = { ...object.metadata.labels, ...labels };
    if (annotations) object.metadata.annotations = { ...object.metadata.annotations, ...annotations };
    return object;
  });
}

function setNamespace(object: KubeObject, namespace: string) {
  if (!isClusterScopedKind(object.kind)) object.metadata.namespace = namespace;
}

function asStringList(value: unknown, file: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    throw new Error(`${file}: '${field}' must be a list of paths`);
  }
  return value as string[];
}

function relativeTo(context: BuildContext, file: string): string {
  return path.relative(context.root, file) || '.';
}

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function isDirectory(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isDirectory() ?? false;
}
