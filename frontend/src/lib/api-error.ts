/**
 * The API's one error shape: {detail, code, fields: {name: [messages] | nested}, extra?}.
 * 400 bad input (with `fields`), 403 permission, 404 invisible, 409 illegal state change.
 */
export interface ApiErrorBody {
  detail?: string;
  code?: string;
  fields?: unknown;
  extra?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  /** As the server sent it: messages per field, nested for nested objects and list items. */
  readonly fields: unknown;
  readonly extra: Record<string, unknown>;

  constructor(status: number, body: unknown) {
    const parsed: ApiErrorBody = typeof body === 'object' && body !== null ? (body as ApiErrorBody) : {};
    const detail = typeof parsed.detail === 'string' ? parsed.detail : '';
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.code = typeof parsed.code === 'string' ? parsed.code : '';
    this.fields = parsed.fields ?? {};
    this.extra = typeof parsed.extra === 'object' && parsed.extra !== null ? parsed.extra : {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful openapi-fetch call, or an ApiError carrying the server's answer. */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiError(response.status, error);
  return data;
}
