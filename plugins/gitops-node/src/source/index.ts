export { createGitMirror, gitOnPath } from './createGitMirror';
export type { GitMirrorOptions, MirrorSettings } from './createGitMirror';
export { NativeGitMirror } from './native/nativeGitMirror';
export { IsomorphicGitMirror } from './isomorphic/isomorphicGitMirror';
export { resolveRef, remoteRefsFrom, DEFAULT_BRANCH } from './resolveRef';
export {
  parseSemverConstraint,
  highestMatchingTag,
  parseTagVersion,
} from './semverRange';
export { extractArtifact, digestOf, ArtifactError } from './artifact';
export type { ExtractOptions, ArtifactErrorKind } from './artifact';
export { archiveTree } from './archive';
export type { TreeEntry, TreeSource } from './archive';
export {
  SourceIgnore,
  DEFAULT_IGNORE_PATTERNS,
  VCS_IGNORE_PATTERNS,
} from './sourceIgnore';
export { GitError } from './errors';
export type { GitErrorKind } from './errors';
export type {
  GitMirror,
  GitRemote,
  GitAuth,
  GitImplementation,
  ResolvedRef,
  ResolvedRefKind,
  RemoteRefs,
  Archive,
  ArchiveOptions,
  FetchOptions,
  FetchResult,
  OperationOptions,
} from './types';
