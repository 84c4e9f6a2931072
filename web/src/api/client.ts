// Same-origin JSON calls to the API; every failure becomes an ApiError carrying the API's error list.

export interface ErrorItem {
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ErrorItem[];

  constructor(status: number, errors: ErrorItem[]) {
    super(errors.map((e) => e.message).join('; ') || `Request failed (${status})`);
    this.status = status;
    this.errors = errors;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

const unauthorizedListeners = new Set<() => void>();

/** Called on every 401, so the session can find out whether the user is still signed in. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => void unauthorizedListeners.delete(listener);
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...headers },
  };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, [{ message: 'Cannot reach the server. Check your connection and try again.' }]);
  }
  const data: unknown = await readJson(response);
  if (response.status === 401) unauthorizedListeners.forEach((l) => l());
  if (!response.ok) throw new ApiError(response.status, errorsOf(data, response.status));
  return data as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorsOf(data: unknown, status: number): ErrorItem[] {
  if (data && typeof data === 'object' && Array.isArray((data as { errors?: unknown }).errors)) {
    return (data as { errors: ErrorItem[] }).errors;
  }
  return [{ message: status >= 500 ? 'Something went wrong' : `Request failed (${status})` }];
}

/** Errors for one field, and the field-less ones (shown above the form). */
export function fieldErrors(error: ApiError | null, field: string): string[] {
  return error ? error.errors.filter((e) => e.field === field).map((e) => e.message) : [];
}

export function generalErrors(error: ApiError | null, fields: readonly string[] = []): string[] {
  return error ? error.errors.filter((e) => !e.field || !fields.includes(e.field)).map((e) => e.message) : [];
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, [{ message: String(error) }]);
}
