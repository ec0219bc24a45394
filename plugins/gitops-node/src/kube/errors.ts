/** A field-level cause in an apiserver `Status` answer. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

const MAX_CAUSE_LENGTH = 240;
const MAX_MESSAGE_LENGTH = 1000;

/** An error answer of the apiserver (a `Status` object), or a transport failure (status 0). */
export class KubeApiError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly causes: StatusCause[];
  /** The apiserver's own message, unshortened. */
  readonly apiMessage: string;

  constructor(options: { status: number; reason?: string; message: string; causes?: StatusCause[]; request?: string }) {
    const summary = summarize(options.message, options.causes ?? []);
    super(options.request ? `${options.request}: ${summary}` : summary);
    this.name = 'KubeApiError';
    this.status = options.status;
    this.reason = options.reason ?? reasonForStatus(options.status);
    this.causes = options.causes ?? [];
    this.apiMessage = options.message;
  }

  /** The message without the request prefix, shortened: fit for a change set or a condition. */
  get summary(): string {
    return summarize(this.apiMessage, this.causes);
  }
}

/** A kind that discovery does not know, even after a refresh. */
export class UnknownKindError extends Error {
  constructor(readonly apiVersion: string, readonly kind: string) {
    super(`no matches for kind "${kind}" in version "${apiVersion}" (is its CustomResourceDefinition installed?)`);
    this.name = 'UnknownKindError';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof KubeApiError && error.status === 404;
}

export function isConflict(error: unknown): boolean {
  return error instanceof KubeApiError && error.status === 409;
}

export function isInvalid(error: unknown): boolean {
  return error instanceof KubeApiError && error.status === 422;
}

/**
 * The apiserver's messages can embed whole objects (a Job's template printed in Go syntax): keep the field
 * and the verdict, cut the values.
 */
function summarize(message: string, causes: StatusCause[]): string {
  if (causes.length > 0) {
    const parts = causes.map(cause => {
      const text = shorten(cause.message ?? cause.reason ?? 'invalid', MAX_CAUSE_LENGTH);
      return cause.field ? `${cause.field}: ${text}` : text;
    });
    return shorten(parts.join('; '), MAX_MESSAGE_LENGTH);
  }
  return shorten(message, MAX_MESSAGE_LENGTH);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Keep the end: the verdict ("field is immutable") comes after the value.
  const tail = text.slice(-Math.floor(max / 3));
  return `${text.slice(0, max - tail.length - 5)} ... ${tail}`;
}

function reasonForStatus(status: number): string {
  switch (status) {
    case 0:
      return 'ConnectionFailed';
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 409:
      return 'Conflict';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    default:
      return status >= 500 ? 'InternalError' : 'Unknown';
  }
}
