/** What an operation answers; `lambdaHandler` turns it into API Gateway's result shape. */
export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; file: Uint8Array; contentType: string; fileName?: string; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> }
  | { status: 204; headers?: Record<string, string> };

/** 200 with a JSON body. */
export function ok(json: unknown, headers?: Record<string, string>): Reply {
  return { status: 200, json, headers };
}

/** 201 with a JSON body and the new resource's location. */
export function created(json: unknown, location: string): Reply {
  return { status: 201, json, headers: { location } };
}

/** 204, nothing to say. */
export function noContent(): Reply {
  return { status: 204 };
}

/** 200 with a file to download (CSV, XLSX, PDF). */
export function file(bytes: Uint8Array, contentType: string, fileName: string): Reply {
  return { status: 200, file: bytes, contentType, fileName };
}
