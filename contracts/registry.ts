// THE catalogue: one row per check. Adding a check = one file in checks/, one row here, one proof in
// self-test.test.ts (a test fails when a row has none), then `npx tsx contracts/readme-table.ts --write` (a test fails
// when the README's table is stale).
// Order is the order of the README table and the printed summary: conformance, parameters, outputs, lifecycle,
// auth and transport, money, rate limit.
import { answered } from './checks/answered.ts';
import { statusCodeDocumented } from './checks/status-code-documented.ts';
import { contentTypeDocumented } from './checks/content-type-documented.ts';
import { responseSchemaValid } from './checks/response-schema-valid.ts';
import { documentedHeaders } from './checks/documented-headers.ts';
import { errorEnvelope } from './checks/error-envelope.ts';
import { notAServerError } from './checks/not-a-server-error.ts';
import { boundAccepted } from './checks/bound-accepted.ts';
import { outOfRangeRejected } from './checks/out-of-range-rejected.ts';
import { wrongTypeRejected } from './checks/wrong-type-rejected.ts';
import { missingRequiredRejected } from './checks/missing-required-rejected.ts';
import { rejectionNamesParameter } from './checks/rejection-names-parameter.ts';
import { imageCountMatchesSamples } from './checks/image-count-matches-samples.ts';
import { jpegDimensions } from './checks/jpeg-dimensions.ts';
import { base64ModeContent } from './checks/base64-mode-content.ts';
import { outputUrlsServeJpeg } from './checks/output-urls-serve-jpeg.ts';
import { seedEchoed } from './checks/seed-echoed.ts';
import { v1GenerationTimePlausible } from './checks/v1-generation-time-plausible.ts';
import { sameSeedSameImage } from './checks/same-seed-same-image.ts';
import { jobStateTransitions } from './checks/job-state-transitions.ts';
import { failedJob422 } from './checks/failed-job-422.ts';
import { outputOnlyWhenCompleted } from './checks/output-only-when-completed.ts';
import { submitUrls } from './checks/submit-urls.ts';
import { requestIdConsistent } from './checks/request-id-consistent.ts';
import { resultRetained } from './checks/result-retained.ts';
import { serverMetricsConsistent } from './checks/server-metrics-consistent.ts';
import { unknownRequestId404 } from './checks/unknown-request-id-404.ts';
import { missingKey401 } from './checks/missing-key-401.ts';
import { wrongKey401 } from './checks/wrong-key-401.ts';
import { bearerOnly401 } from './checks/bearer-only-401.ts';
import { wrongContentType406 } from './checks/wrong-content-type-406.ts';
import { multipartInvalid400 } from './checks/multipart-invalid-400.ts';
import { malformedJson400 } from './checks/malformed-json-400.ts';
import { unknownModel404 } from './checks/unknown-model-404.ts';
import { wrongMethod405 } from './checks/wrong-method-405.ts';
import { successBilledItsCost } from './checks/success-billed-its-cost.ts';
import { rejectionsNotBilled } from './checks/rejections-not-billed.ts';
import { rateLimit429 } from './checks/rate-limit-429.ts';
import type { AnyCheck } from './types.ts';

export const CHECKS: readonly AnyCheck[] = [
  answered,
  statusCodeDocumented,
  contentTypeDocumented,
  responseSchemaValid,
  documentedHeaders,
  errorEnvelope,
  notAServerError,
  boundAccepted,
  outOfRangeRejected,
  wrongTypeRejected,
  missingRequiredRejected,
  rejectionNamesParameter,
  imageCountMatchesSamples,
  jpegDimensions,
  base64ModeContent,
  outputUrlsServeJpeg,
  seedEchoed,
  v1GenerationTimePlausible,
  sameSeedSameImage,
  jobStateTransitions,
  failedJob422,
  outputOnlyWhenCompleted,
  submitUrls,
  requestIdConsistent,
  resultRetained,
  serverMetricsConsistent,
  unknownRequestId404,
  missingKey401,
  wrongKey401,
  bearerOnly401,
  wrongContentType406,
  multipartInvalid400,
  malformedJson400,
  unknownModel404,
  wrongMethod405,
  successBilledItsCost,
  rejectionsNotBilled,
  rateLimit429,
];

export function checkById(id: string): AnyCheck {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}
