// The shape of spec/generated/operations.ts: what each operation may answer, and which validator judges each body.

export interface ResponseEntry {
  /** media type → name of the component schema its body must satisfy, or null where the body is not JSON. */
  readonly content: Readonly<Record<string, string | null>>;
  /** header name (lower case) → whether the spec requires it; the header schemas are in openapi.json. */
  readonly headers: Readonly<Record<string, boolean>>;
  /**
   * Where the basis of this answer's rules is written (core/spec-rules.ts labels): the response's own label
   * (`BadRequest`, `generateSync.200`: its `:status` and `:content` rules) and each header's (`XSeedValue`: its
   * `:presence` and `:format` rules).
   */
  readonly rules: { readonly response: string; readonly headers: Readonly<Record<string, string>> };
}

export interface OperationEntry {
  readonly operationId: string;
  readonly method: string;
  /** The OpenAPI path template, e.g. `/v2/requests/{request_id}/status`. */
  readonly path: string;
  /** Whether a 2xx spends the caller's credits (`x-infercheck-billable`). */
  readonly billable: boolean;
  readonly requestSchema: string | null;
  /** status code (as in the spec, e.g. "200") → what it may carry. */
  readonly responses: Readonly<Record<string, ResponseEntry>>;
}
