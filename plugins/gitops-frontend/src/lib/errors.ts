import { ResponseError } from '@backstage/errors';

/** What to tell a person about a failed call: the backend's own message when there is one. */
export function describeError(error: unknown): { title: string; message: string } {
  if (ResponseError.is(error)) {
    const title = `${error.statusCode} ${error.statusText}`.trim();
    return { title, message: error.cause?.message || error.message };
  }
  if (error instanceof Error) return { title: error.name, message: error.message };
  return { title: 'Error', message: String(error) };
}
