// multipart/form-data request bodies (reference §1.2: the vendor takes "only application/json or multipart/form-data";
// spec conflict multipart-bodies). The fields are the same parameters as a JSON body's, each a string: read as the
// spec's type (core/effective-params.ts readAs: "4" is 4 for an integer, "true"/"False" a boolean), then judged by
// the same generated validator, so an invalid form gets the parameter's 400 exactly like JSON. Parsing is undici's
// (Node's own Response.formData), not ours.

export type FormReading = { readonly kind: 'ok'; readonly body: Record<string, unknown> } | { readonly kind: 'invalid'; readonly message: string };

/** Whether a Content-Type is multipart/form-data (a boundary is required to parse it). */
export function isFormData(contentType: string): boolean {
  return /^multipart\/form-data\s*(;|$)/i.test(contentType);
}

/** The parameters of a multipart/form-data body, each read as its spec type by `read`; or why it is not one. */
export async function readFormBody(contentType: string, bytes: Buffer, read: (name: string, text: string) => unknown): Promise<FormReading> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { kind: 'invalid', message: 'Request body is not valid multipart/form-data' };
  }
  const body: Record<string, unknown> = {};
  const entries: Array<[string, FormDataEntryValue]> = [];
  form.forEach((value, name) => entries.push([name, value]));
  for (const [name, value] of entries) {
    if (typeof value !== 'string') return { kind: 'invalid', message: `${name} must be a text field, not a file` };
    if (name in body) return { kind: 'invalid', message: `${name} is given more than once` };
    body[name] = read(name, value);
  }
  return { kind: 'ok', body };
}
