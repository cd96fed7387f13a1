/**
 * The receipt page's requests: JSON in and out, in the page language, and never an exception for
 * a refusal or a missing signal. Status 0 means the request did not get through (offline, no
 * signal, or the connection dropped before an answer came back).
 */
import { lang } from '../lang.ts';

export interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

export type Reply<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: Problem };

/** Sends one request; answers what came back, or status 0 when nothing did. */
export async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply<T>> {
  if (!navigator.onLine) return { ok: false, status: 0, problem: {} };
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, problem: {} };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A reply cut short on a weak signal is a reply that did not arrive.
    if (response.ok) return { ok: false, status: 0, problem: {} };
  }
  if (response.ok) return { ok: true, status: response.status, body: json as T };
  return { ok: false, status: response.status, problem: (json ?? {}) as Problem };
}
