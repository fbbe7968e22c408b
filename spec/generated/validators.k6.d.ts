// generated from spec/openapi.yaml — do not edit (npm run gen)
export * from './validators.mjs';
export { OPERATIONS, MODELS, SPEC_VERSION } from './operations.js';
