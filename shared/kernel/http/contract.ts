import type { $ZodType } from 'zod/v4/core';

/** A reply a route may give: its status, a description, and the schema or media type of its body. */
export interface ReplySpec {
  description: string;
  /** JSON body schema. Absent for empty replies and for files. */
  schema?: $ZodType;
  /** Media type of a non-JSON body (a file): `text/csv`, `application/pdf`, ... */
  contentType?: string;
}

/** A body the route reads: JSON by default, or raw files of the listed media types. */
export interface BodySpec {
  schema?: $ZodType;
  /** Media types accepted; the default is `application/json`. */
  mediaTypes?: readonly string[];
  /** Largest body accepted, in bytes (default 64 KiB). */
  maxBytes?: number;
  /** An empty body is accepted too (the route's input is all optional, e.g. a DELETE's reason). */
  optional?: boolean;
  description?: string;
}

/**
 * What one operation reads and answers. The route table says where it lives; the contract says
 * what it looks like. Handlers validate with these schemas and the OpenAPI document is generated
 * from them.
 */
export interface Contract {
  summary: string;
  tag: string;
  params?: $ZodType;
  query?: $ZodType;
  /** Request headers the operation reads (names lower-case; other headers are ignored). */
  headers?: $ZodType;
  body?: BodySpec;
  replies: Record<number, ReplySpec>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Declares a contract, keeping its literal types for handlers. */
export function contract<const C extends Contract>(spec: C): C {
  return spec;
}
