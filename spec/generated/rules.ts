// generated from spec/openapi.yaml — do not edit (npm run gen)
import type { SpecRule } from '../../core/spec-rules.ts';

/** Every rule of the spec by id (`<label>:<key>`, core/spec-rules.ts), with its basis. */
export const RULES: Readonly<Record<string, SpecRule>> = {
  "ModelId:*": {
    "id": "ModelId:*",
    "kind": "path",
    "constraint": "ModelId: its shape",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "API Endpoint",
    "quote": "POST https://api.segmind.com/v1/sd1.5-scifi"
  },
  "ModelId:enum": {
    "id": "ModelId:enum",
    "kind": "path",
    "constraint": "ModelId enum [\"sd1.5-scifi\",\"sd1.5-epicrealism\"]",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "API Endpoint",
    "quote": "POST https://api.segmind.com/v1/sd1.5-scifi"
  },
  "ModelId:enum=sd1.5-epicrealism": {
    "id": "ModelId:enum=sd1.5-epicrealism",
    "kind": "path",
    "constraint": "ModelId accepts \"sd1.5-epicrealism\"",
    "basis": "documented",
    "source": "seed-epicrealism",
    "where": "API Endpoint",
    "quote": "https://api.segmind.com/v1/sd1.5-epicrealism"
  },
  "Txt2ImgRequest:type": {
    "id": "Txt2ImgRequest:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest type \"object\"",
    "basis": "documented",
    "source": "reference",
    "where": "§1.2 [DOCS-ASYNC]",
    "quote": "Content-Type: application/json with a flat JSON object of model params"
  },
  "Txt2ImgRequest:required": {
    "id": "Txt2ImgRequest:required",
    "kind": "request",
    "constraint": "Txt2ImgRequest requires [\"prompt\"]",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "prompt required string"
  },
  "Txt2ImgRequest:additionalProperties": {
    "id": "Txt2ImgRequest:additionalProperties",
    "kind": "request",
    "constraint": "Txt2ImgRequest: additionalProperties true",
    "basis": "documented",
    "source": "reference",
    "where": "§4.3 [SDK]",
    "quote": "every kwarg (even ones named timeout/interval) is forwarded into the model body"
  },
  "Txt2ImgRequest:null": {
    "id": "Txt2ImgRequest:null",
    "kind": "request",
    "constraint": "Txt2ImgRequest: null for an optional parameter is rejected (a vendor may read it as absent)",
    "basis": "assumed",
    "why": "the pages say nothing about null: a vendor that rejects null for an optional parameter and one that reads it as absent (the default) both keep the documents; the spec rejects it"
  },
  "Txt2ImgRequest:strings": {
    "id": "Txt2ImgRequest:strings",
    "kind": "request",
    "constraint": "Txt2ImgRequest: a number or boolean sent as its string (\"4\", \"true\") is rejected (a vendor may read it as the value)",
    "basis": "assumed",
    "source": "reference",
    "where": "§1.2",
    "quote": "Legacy clients send numeric params as strings",
    "why": "and it historically worked; whether the server coerces today is unknown: a vendor that reads \"4\" as 4 keeps the documents; the spec asks for the JSON type"
  },
  "Txt2ImgRequest.prompt:type": {
    "id": "Txt2ImgRequest.prompt:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.prompt type \"string\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "prompt required string"
  },
  "Txt2ImgRequest.prompt:minLength": {
    "id": "Txt2ImgRequest.prompt:minLength",
    "kind": "request",
    "constraint": "Txt2ImgRequest.prompt minLength 1",
    "basis": "assumed",
    "source": "reference",
    "where": "§1.5 [AE]",
    "quote": "Prompt is Mandatory and must be string",
    "why": "an empty string may count as given: no source says it must not be empty"
  },
  "Txt2ImgRequest.negative_prompt:type": {
    "id": "Txt2ImgRequest.negative_prompt:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.negative_prompt type \"string\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "negative_prompt optional string"
  },
  "Txt2ImgRequest.scheduler:type": {
    "id": "Txt2ImgRequest.scheduler:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler type \"string\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "scheduler optional string"
  },
  "Txt2ImgRequest.scheduler:default": {
    "id": "Txt2ImgRequest.scheduler:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler default \"UniPC\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Type of scheduler. Default: \"UniPC\""
  },
  "Txt2ImgRequest.scheduler:enum": {
    "id": "Txt2ImgRequest.scheduler:enum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler enum [\"DDIM\",\"DPM Multi\",\"DPM Single\",\"Euler a\",\"Euler\",\"Heun\",\"DPM2 a Karras\",\"DP…",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Allowed values (12 total): \"DDIM\"\"DPM Multi\"\"DPM Single\"\"Euler a\"\"Euler\"\"Heun\"\"DPM2 a Karras\"\"DPM2 Karras\"\"LMS\"\"PNDM\"+2 more"
  },
  "Txt2ImgRequest.scheduler:enum=DDPM": {
    "id": "Txt2ImgRequest.scheduler:enum=DDPM",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"DDPM\"",
    "basis": "documented",
    "source": "reference",
    "where": "§3 [SDK-legacy]",
    "quote": "“+2 more” = DDPM, UniPC"
  },
  "Txt2ImgRequest.scheduler:enum=UniPC": {
    "id": "Txt2ImgRequest.scheduler:enum=UniPC",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"UniPC\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Default: \"UniPC\""
  },
  "Txt2ImgRequest.scheduler:enum=dpmpp_2m": {
    "id": "Txt2ImgRequest.scheduler:enum=dpmpp_2m",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"dpmpp_2m\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "the page's example",
    "quote": "\"scheduler\": \"dpmpp_2m\","
  },
  "Txt2ImgRequest.scheduler:enum=dpmpp_sde_ancestral": {
    "id": "Txt2ImgRequest.scheduler:enum=dpmpp_sde_ancestral",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"dpmpp_sde_ancestral\"",
    "basis": "documented",
    "source": "seed-epicrealism",
    "where": "the page's example",
    "quote": "\"scheduler\": \"dpmpp_sde_ancestral\","
  },
  "Txt2ImgRequest.scheduler:enum=euler": {
    "id": "Txt2ImgRequest.scheduler:enum=euler",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"euler\"",
    "basis": "assumed",
    "source": "reference",
    "where": "§3 [SDK-legacy]",
    "quote": "euler, euler_a, ddim",
    "why": "the vendor's SDK wrappers send it; no source says the server takes it (conflict scheduler-names)"
  },
  "Txt2ImgRequest.scheduler:enum=euler_a": {
    "id": "Txt2ImgRequest.scheduler:enum=euler_a",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"euler_a\"",
    "basis": "assumed",
    "source": "reference",
    "where": "§3 [SDK-legacy]",
    "quote": "euler, euler_a, ddim",
    "why": "the vendor's SDK wrappers send it; no source says the server takes it (conflict scheduler-names)"
  },
  "Txt2ImgRequest.scheduler:enum=ddim": {
    "id": "Txt2ImgRequest.scheduler:enum=ddim",
    "kind": "request",
    "constraint": "Txt2ImgRequest.scheduler accepts \"ddim\"",
    "basis": "assumed",
    "source": "reference",
    "where": "§3 [SDK-legacy]",
    "quote": "euler, euler_a, ddim",
    "why": "the vendor's SDK wrappers send it; no source says the server takes it (conflict scheduler-names)"
  },
  "Txt2ImgRequest.num_inference_steps:type": {
    "id": "Txt2ImgRequest.num_inference_steps:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.num_inference_steps type \"integer\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "num_inference_steps optional integer"
  },
  "Txt2ImgRequest.num_inference_steps:default": {
    "id": "Txt2ImgRequest.num_inference_steps:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.num_inference_steps default 20",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Number of denoising steps. Default: 20Range: 20 - 100"
  },
  "Txt2ImgRequest.num_inference_steps:minimum": {
    "id": "Txt2ImgRequest.num_inference_steps:minimum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.num_inference_steps minimum 20",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Number of denoising steps. Default: 20Range: 20 - 100"
  },
  "Txt2ImgRequest.num_inference_steps:maximum": {
    "id": "Txt2ImgRequest.num_inference_steps:maximum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.num_inference_steps maximum 100",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Number of denoising steps. Default: 20Range: 20 - 100"
  },
  "Txt2ImgRequest.guidance_scale:type": {
    "id": "Txt2ImgRequest.guidance_scale:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.guidance_scale type \"number\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "guidance_scale optional number"
  },
  "Txt2ImgRequest.guidance_scale:default": {
    "id": "Txt2ImgRequest.guidance_scale:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.guidance_scale default 7.5",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Scale for classifier-free guidance Default: 7.5Range: 0.1 - 25"
  },
  "Txt2ImgRequest.guidance_scale:minimum": {
    "id": "Txt2ImgRequest.guidance_scale:minimum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.guidance_scale minimum 0.1",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Scale for classifier-free guidance Default: 7.5Range: 0.1 - 25"
  },
  "Txt2ImgRequest.guidance_scale:maximum": {
    "id": "Txt2ImgRequest.guidance_scale:maximum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.guidance_scale maximum 25",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Scale for classifier-free guidance Default: 7.5Range: 0.1 - 25"
  },
  "Txt2ImgRequest.samples:type": {
    "id": "Txt2ImgRequest.samples:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.samples type \"integer\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "samples optional integer"
  },
  "Txt2ImgRequest.samples:default": {
    "id": "Txt2ImgRequest.samples:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.samples default 1",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Number of samples to generate. Default: 1Range: 1 - 4"
  },
  "Txt2ImgRequest.samples:minimum": {
    "id": "Txt2ImgRequest.samples:minimum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.samples minimum 1",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Number of samples to generate. Default: 1Range: 1 - 4"
  },
  "Txt2ImgRequest.samples:maximum": {
    "id": "Txt2ImgRequest.samples:maximum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.samples maximum 4",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Number of samples to generate. Default: 1Range: 1 - 4"
  },
  "Txt2ImgRequest.seed:type": {
    "id": "Txt2ImgRequest.seed:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.seed type \"integer\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "seed optional integer"
  },
  "Txt2ImgRequest.seed:default": {
    "id": "Txt2ImgRequest.seed:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.seed default -1",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Seed for image generation. Default: -1"
  },
  "Txt2ImgRequest.seed:minimum": {
    "id": "Txt2ImgRequest.seed:minimum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.seed minimum -1",
    "basis": "assumed",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Seed for image generation. Default: -1",
    "why": "the pages give no range: -1 is the only negative value given a meaning (the default, a drawn seed); a vendor may take other negative values too"
  },
  "Txt2ImgRequest.seed:maximum": {
    "id": "Txt2ImgRequest.seed:maximum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.seed maximum 9007199254740991",
    "basis": "assumed",
    "source": "seed-scifi",
    "where": "the page's example",
    "quote": "\"seed\": 516797155652,",
    "why": "the pages give no range; their examples send seeds above 2^32, so the ceiling is the largest exact JSON integer"
  },
  "Txt2ImgRequest.img_width:type": {
    "id": "Txt2ImgRequest.img_width:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.img_width type \"integer\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "img_width optional integer"
  },
  "Txt2ImgRequest.img_width:default": {
    "id": "Txt2ImgRequest.img_width:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.img_width default 512",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Width of the image. Default: 512 Allowed values : 512 768 1024"
  },
  "Txt2ImgRequest.img_width:enum": {
    "id": "Txt2ImgRequest.img_width:enum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.img_width enum [512,768,1024]",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Width of the image. Default: 512 Allowed values : 512 768 1024"
  },
  "Txt2ImgRequest.img_height:type": {
    "id": "Txt2ImgRequest.img_height:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.img_height type \"integer\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "img_height optional integer"
  },
  "Txt2ImgRequest.img_height:default": {
    "id": "Txt2ImgRequest.img_height:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.img_height default 512",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Height of the Image Default: 512 Allowed values : 512 768 1024"
  },
  "Txt2ImgRequest.img_height:enum": {
    "id": "Txt2ImgRequest.img_height:enum",
    "kind": "request",
    "constraint": "Txt2ImgRequest.img_height enum [512,768,1024]",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Height of the Image Default: 512 Allowed values : 512 768 1024"
  },
  "Txt2ImgRequest.base64:type": {
    "id": "Txt2ImgRequest.base64:type",
    "kind": "request",
    "constraint": "Txt2ImgRequest.base64 type \"boolean\"",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "base64 optional boolean"
  },
  "Txt2ImgRequest.base64:default": {
    "id": "Txt2ImgRequest.base64:default",
    "kind": "request",
    "constraint": "Txt2ImgRequest.base64 default false",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "Base64 encoding of the output image. Default: false"
  },
  "ErrorResponse:*": {
    "id": "ErrorResponse:*",
    "kind": "response-body",
    "constraint": "ErrorResponse: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "SDK parses exactly data.get(\"error\") into SegmindError.detail"
  },
  "ErrorResponse.error:minLength": {
    "id": "ErrorResponse.error:minLength",
    "kind": "response-body",
    "constraint": "ErrorResponse.error minLength 1",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "Detailed error messages are provided in the response body."
  },
  "Base64ImageResponse:*": {
    "id": "Base64ImageResponse:*",
    "kind": "response-body",
    "constraint": "Base64ImageResponse: its shape",
    "basis": "assumed",
    "source": "reference",
    "where": "§1.3",
    "quote": "field name image. Not documented in any source found",
    "why": "only third-party clients show the shape (conflict base64-response)"
  },
  "SubmitResponse:*": {
    "id": "SubmitResponse:*",
    "kind": "response-body",
    "constraint": "SubmitResponse: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.1 [SDK]",
    "quote": "if a 2xx lacks any of request_id/status_url/response_url it raises"
  },
  "SubmitResponse.request_id:format": {
    "id": "SubmitResponse.request_id:format",
    "kind": "response-body",
    "constraint": "SubmitResponse.request_id format \"uuid\"",
    "basis": "documented",
    "source": "reference",
    "where": "§2.1 [AE]",
    "quote": "request_id is a UUIDv4"
  },
  "SubmitResponse.status:const": {
    "id": "SubmitResponse.status:const",
    "kind": "response-body",
    "constraint": "SubmitResponse.status const \"QUEUED\"",
    "basis": "documented",
    "source": "reference",
    "where": "§2.1 [DOCS-ASYNC]",
    "quote": "Always QUEUED on submit"
  },
  "SubmitResponse.poll_url:*": {
    "id": "SubmitResponse.poll_url:*",
    "kind": "response-body",
    "constraint": "SubmitResponse.poll_url: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.1 [DOCS-ASYNC]",
    "quote": "V1 poll endpoint (backward compatible)"
  },
  "Seconds:*": {
    "id": "Seconds:*",
    "kind": "response-body",
    "constraint": "Seconds: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [AE]",
    "quote": "inference_time, queue_time, total_time (seconds)"
  },
  "Seconds:minimum": {
    "id": "Seconds:minimum",
    "kind": "response-body",
    "constraint": "Seconds minimum 0",
    "basis": "assumed",
    "why": "a duration; no source says it is never negative"
  },
  "PartialMetrics:*": {
    "id": "PartialMetrics:*",
    "kind": "response-body",
    "constraint": "PartialMetrics: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE]",
    "quote": "no cost/remaining_credits"
  },
  "PartialMetrics.retry_count:*": {
    "id": "PartialMetrics.retry_count:*",
    "kind": "response-body",
    "constraint": "PartialMetrics.retry_count: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [AE]",
    "quote": "retry_count (“present only when a retry occurred”)"
  },
  "PartialMetrics.retry_count:minimum": {
    "id": "PartialMetrics.retry_count:minimum",
    "kind": "response-body",
    "constraint": "PartialMetrics.retry_count minimum 1",
    "basis": "assumed",
    "why": "present only when a retry occurred, so at least 1; no source gives its range"
  },
  "ResultMetrics:*": {
    "id": "ResultMetrics:*",
    "kind": "response-body",
    "constraint": "ResultMetrics: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [AE]",
    "quote": "metrics keys: inference_time, queue_time, total_time (seconds), cost, remaining_credits (credits)"
  },
  "ResultMetrics.cost:minimum": {
    "id": "ResultMetrics.cost:minimum",
    "kind": "response-body",
    "constraint": "ResultMetrics.cost minimum 0",
    "basis": "assumed",
    "why": "a charge; no source says it is never negative"
  },
  "ResultMetrics.retry_count:*": {
    "id": "ResultMetrics.retry_count:*",
    "kind": "response-body",
    "constraint": "ResultMetrics.retry_count: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [AE]",
    "quote": "retry_count (“present only when a retry occurred”)"
  },
  "ResultMetrics.retry_count:minimum": {
    "id": "ResultMetrics.retry_count:minimum",
    "kind": "response-body",
    "constraint": "ResultMetrics.retry_count minimum 1",
    "basis": "assumed",
    "why": "present only when a retry occurred, so at least 1; no source gives its range"
  },
  "PendingStatus:*": {
    "id": "PendingStatus:*",
    "kind": "response-body",
    "constraint": "PendingStatus: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.2 [DOCS-ASYNC]",
    "quote": "{ \"status\": \"QUEUED\", \"request_id\": \"2c7f59ea-...\","
  },
  "PendingStatus.status:enum": {
    "id": "PendingStatus.status:enum",
    "kind": "response-body",
    "constraint": "PendingStatus.status enum [\"QUEUED\",\"PROCESSING\"]",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "QUEUED Accepted, waiting for a worker PROCESSING Running on a worker"
  },
  "PendingStatus.metrics:*": {
    "id": "PendingStatus.metrics:*",
    "kind": "response-body",
    "constraint": "PendingStatus.metrics: its shape",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.2 [DOCS-ASYNC]",
    "quote": "\"response_url\": \"https://api.segmind.com/v2/requests/2c7f59ea-...\", \"metrics\": {} }",
    "why": "the example while queued shows empty metrics; that billing fields never appear before COMPLETED is inferred"
  },
  "CompletedStatus:*": {
    "id": "CompletedStatus:*",
    "kind": "response-body",
    "constraint": "CompletedStatus: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.2 [DOCS-ASYNC]",
    "quote": "{ \"status\": \"COMPLETED\", \"request_id\": \"2c7f59ea-...\", \"metrics\": { \"inference_time\": 13.06 } }"
  },
  "StatusResponse:*": {
    "id": "StatusResponse:*",
    "kind": "response-body",
    "constraint": "StatusResponse: its shape",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "QUEUED Accepted, waiting for a worker PROCESSING Running on a worker COMPLETED Done — result body is ready"
  },
  "FailedResponse:*": {
    "id": "FailedResponse:*",
    "kind": "response-body",
    "constraint": "FailedResponse: its shape",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "A FAILED request is served as HTTP 422 — the body still carries the error detail."
  },
  "ImageObject:*": {
    "id": "ImageObject:*",
    "kind": "response-body",
    "constraint": "ImageObject: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [AE]",
    "quote": "images[] of media objects {url, content_type, file_name, file_size}"
  },
  "ImageObject.content_type:const": {
    "id": "ImageObject.content_type:const",
    "kind": "response-body",
    "constraint": "ImageObject.content_type const \"image/jpeg\"",
    "basis": "assumed",
    "why": "the notes name the field, not its value; v1 answers image/jpeg (reference §1.3), so v2 images are assumed to be JPEGs too"
  },
  "ImageObject.file_size:*": {
    "id": "ImageObject.file_size:*",
    "kind": "response-body",
    "constraint": "ImageObject.file_size: its shape",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.3",
    "quote": "Exact image example JSON was not retrievable → field list is second-hand",
    "why": "neither its type nor its form is documented: a string or an integer count of bytes is assumed"
  },
  "CompletedResult:*": {
    "id": "CompletedResult:*",
    "kind": "response-body",
    "constraint": "CompletedResult: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [DOCS-ASYNC]",
    "quote": "The output field is always present across all modalities for backward compatibility"
  },
  "CompletedResult.error:type": {
    "id": "CompletedResult.error:type",
    "kind": "response-body",
    "constraint": "CompletedResult.error type \"null\"",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.3 [SDK tests]",
    "quote": "SDK test fixture: {\"status\":\"COMPLETED\",\"error\":null,",
    "why": "a test fixture, not a document: no source gives error on success"
  },
  "CompletedResult.output:*": {
    "id": "CompletedResult.output:*",
    "kind": "response-body",
    "constraint": "CompletedResult.output: its shape",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [DOCS-SDK]",
    "quote": "URL to the generated image"
  },
  "CompletedResult.images:minItems": {
    "id": "CompletedResult.images:minItems",
    "kind": "response-body",
    "constraint": "CompletedResult.images minItems 1",
    "basis": "assumed",
    "why": "one entry per sample (samples 1 - 4) is inferred: the second-hand field list gives no count"
  },
  "CompletedResult.images:maxItems": {
    "id": "CompletedResult.images:maxItems",
    "kind": "response-body",
    "constraint": "CompletedResult.images maxItems 4",
    "basis": "assumed",
    "why": "one entry per sample (samples 1 - 4) is inferred: the second-hand field list gives no count"
  },
  "CompletedResult.seed:type": {
    "id": "CompletedResult.seed:type",
    "kind": "response-body",
    "constraint": "CompletedResult.seed type \"integer\"",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.3 [AE]",
    "quote": "also seed, prompt, timings, grounding",
    "why": "named second-hand, without a type"
  },
  "ResultResponse:*": {
    "id": "ResultResponse:*",
    "kind": "response-body",
    "constraint": "ResultResponse: its shape",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Asynchronous requests (v2)",
    "quote": "GET /v2/requests/{id} Result final response body"
  },
  "ResultResponse.oneOf[PendingStatus]:*": {
    "id": "ResultResponse.oneOf[PendingStatus]:*",
    "kind": "response-body",
    "constraint": "ResultResponse.oneOf[PendingStatus]: its shape",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.3 [SDK]",
    "quote": "COMPLETED ⇒ GET result and return it",
    "why": "what the result endpoint answers before the job is terminal is not documented (conflict result-before-completion)"
  },
  "BadRequest:status": {
    "id": "BadRequest:status",
    "kind": "response",
    "constraint": "BadRequest: the answer generateSync 400, submitAsync 400",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "400 Bad Request Invalid parameters or request format"
  },
  "BadRequest:content": {
    "id": "BadRequest:content",
    "kind": "response",
    "constraint": "BadRequest: content application/json (generateSync 400, submitAsync 400)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "Unauthorized:status": {
    "id": "Unauthorized:status",
    "kind": "response",
    "constraint": "Unauthorized: the answer generateSync 401, submitAsync 401, getRequestStatus 401, getRequestResult 401, getRequestStatusV1 401",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "401 Unauthorized Missing or invalid API key"
  },
  "Unauthorized:content": {
    "id": "Unauthorized:content",
    "kind": "response",
    "constraint": "Unauthorized: content application/json (generateSync 401, submitAsync 401, getRequestStatus 401, getRequestResult 401, getRequestStatusV1 401)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "Forbidden:status": {
    "id": "Forbidden:status",
    "kind": "response",
    "constraint": "Forbidden: the answer generateSync 403, submitAsync 403, getRequestStatus 403, getRequestResult 403, getRequestStatusV1 403",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "403 Forbidden Insufficient permissions"
  },
  "Forbidden:content": {
    "id": "Forbidden:content",
    "kind": "response",
    "constraint": "Forbidden: content application/json (generateSync 403, submitAsync 403, getRequestStatus 403, getRequestResult 403, getRequestStatusV1 403)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "NotFound:status": {
    "id": "NotFound:status",
    "kind": "response",
    "constraint": "NotFound: the answer generateSync 404, submitAsync 404",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "404 Not Found Model or endpoint not found"
  },
  "NotFound:content": {
    "id": "NotFound:content",
    "kind": "response",
    "constraint": "NotFound: content application/json (generateSync 404, submitAsync 404)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "RequestNotFound:status": {
    "id": "RequestNotFound:status",
    "kind": "response",
    "constraint": "RequestNotFound: the answer getRequestStatus 404, getRequestResult 404, getRequestStatusV1 404",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "An unknown or expired request_id returns HTTP 404."
  },
  "RequestNotFound:content": {
    "id": "RequestNotFound:content",
    "kind": "response",
    "constraint": "RequestNotFound: content application/json (getRequestStatus 404, getRequestResult 404, getRequestStatusV1 404)",
    "basis": "documented",
    "source": "reference",
    "where": "§2.4 [AE]",
    "quote": "404 body: {\"error\": \"Request <uuid> not found\"}"
  },
  "MethodNotAllowed:status": {
    "id": "MethodNotAllowed:status",
    "kind": "response",
    "constraint": "MethodNotAllowed: the answer generateSync 405, submitAsync 405, getRequestStatus 405, getRequestResult 405, getRequestStatusV1 405",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE]",
    "quote": "wrong verb; returns an HTML page, not JSON"
  },
  "MethodNotAllowed:content": {
    "id": "MethodNotAllowed:content",
    "kind": "response",
    "constraint": "MethodNotAllowed: content text/html or application/json (generateSync 405, submitAsync 405, getRequestStatus 405, getRequestResult 405, getRequestStatusV1 405)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE]",
    "quote": "wrong verb; returns an HTML page, not JSON",
    "why": "the JSON envelope is allowed too (conflict wrong-method-body)"
  },
  "NotAcceptable:status": {
    "id": "NotAcceptable:status",
    "kind": "response",
    "constraint": "NotAcceptable: the answer generateSync 406, submitAsync 406",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "406 Insufficient Credits Not enough credits to process request"
  },
  "NotAcceptable:content": {
    "id": "NotAcceptable:content",
    "kind": "response",
    "constraint": "NotAcceptable: content application/json (generateSync 406, submitAsync 406)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "Gone:status": {
    "id": "Gone:status",
    "kind": "response",
    "constraint": "Gone: the answer generateSync 410, submitAsync 410",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE]",
    "quote": "410 | retired/deprecated model, fails fast, not charged"
  },
  "Gone:content": {
    "id": "Gone:content",
    "kind": "response",
    "constraint": "Gone: content application/json (generateSync 410, submitAsync 410)",
    "basis": "assumed",
    "why": "no source gives its body; the envelope is assumed"
  },
  "RequestTimeout:status": {
    "id": "RequestTimeout:status",
    "kind": "response",
    "constraint": "RequestTimeout: the answer generateSync 408, submitAsync 408, getRequestStatus 408, getRequestResult 408, getRequestStatusV1 408",
    "basis": "assumed",
    "why": "no source; the mock answers it to slow (slow-loris) clients so a hostile client cannot hold a connection"
  },
  "RequestTimeout:content": {
    "id": "RequestTimeout:content",
    "kind": "response",
    "constraint": "RequestTimeout: content application/json (generateSync 408, submitAsync 408, getRequestStatus 408, getRequestResult 408, getRequestStatusV1 408)",
    "basis": "assumed",
    "why": "no source; the mock answers it to slow (slow-loris) clients so a hostile client cannot hold a connection"
  },
  "HeadersTooLarge:status": {
    "id": "HeadersTooLarge:status",
    "kind": "response",
    "constraint": "HeadersTooLarge: the answer generateSync 431, submitAsync 431, getRequestStatus 431, getRequestResult 431, getRequestStatusV1 431",
    "basis": "assumed",
    "why": "no source; the mock answers it (RFC 6585 §5) instead of dropping the connection"
  },
  "HeadersTooLarge:content": {
    "id": "HeadersTooLarge:content",
    "kind": "response",
    "constraint": "HeadersTooLarge: content application/json (generateSync 431, submitAsync 431, getRequestStatus 431, getRequestResult 431, getRequestStatusV1 431)",
    "basis": "assumed",
    "why": "no source; the mock answers it (RFC 6585 §5) instead of dropping the connection"
  },
  "PayloadTooLarge:status": {
    "id": "PayloadTooLarge:status",
    "kind": "response",
    "constraint": "PayloadTooLarge: the answer generateSync 413, submitAsync 413",
    "basis": "assumed",
    "why": "no source states a body limit; the mock enforces one so a hostile body cannot exhaust it"
  },
  "PayloadTooLarge:content": {
    "id": "PayloadTooLarge:content",
    "kind": "response",
    "constraint": "PayloadTooLarge: content application/json (generateSync 413, submitAsync 413)",
    "basis": "assumed",
    "why": "no source states a body limit; the mock enforces one so a hostile body cannot exhaust it"
  },
  "RateLimited:status": {
    "id": "RateLimited:status",
    "kind": "response",
    "constraint": "RateLimited: the answer generateSync 429, submitAsync 429, getRequestStatus 429, getRequestResult 429, getRequestStatusV1 429",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "429 Rate Limited Too many requests"
  },
  "RateLimited:content": {
    "id": "RateLimited:content",
    "kind": "response",
    "constraint": "RateLimited: content application/json (generateSync 429, submitAsync 429, getRequestStatus 429, getRequestResult 429, getRequestStatusV1 429)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "ServerError:status": {
    "id": "ServerError:status",
    "kind": "response",
    "constraint": "ServerError: the answer generateSync 500, submitAsync 500, getRequestStatus 500, getRequestResult 500, getRequestStatusV1 500",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "500 Server Error Internal server error"
  },
  "ServerError:content": {
    "id": "ServerError:content",
    "kind": "response",
    "constraint": "ServerError: content application/json (generateSync 500, submitAsync 500, getRequestStatus 500, getRequestResult 500, getRequestStatusV1 500)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE, SDK]",
    "quote": "Envelope: {\"error\": \"<human-readable message>\"}, application/json"
  },
  "BadGateway:status": {
    "id": "BadGateway:status",
    "kind": "response",
    "constraint": "BadGateway: the answer generateSync 502, submitAsync 502, getRequestStatus 502, getRequestResult 502, getRequestStatusV1 502",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "502 Bad Gateway Service temporarily unavailable"
  },
  "BadGateway:content": {
    "id": "BadGateway:content",
    "kind": "response",
    "constraint": "BadGateway: content application/json (generateSync 502, submitAsync 502, getRequestStatus 502, getRequestResult 502, getRequestStatusV1 502)",
    "basis": "assumed",
    "source": "reference",
    "where": "§1.5",
    "quote": "listed in the seed doc only; no source found for their bodies/semantics",
    "why": "the envelope is assumed: a gateway may answer its own page"
  },
  "QueueFull:status": {
    "id": "QueueFull:status",
    "kind": "response",
    "constraint": "QueueFull: the answer generateSync 503, submitAsync 503",
    "basis": "assumed",
    "why": "no source; the mock answers it so its memory stays bounded"
  },
  "QueueFull:content": {
    "id": "QueueFull:content",
    "kind": "response",
    "constraint": "QueueFull: content application/json (generateSync 503, submitAsync 503)",
    "basis": "assumed",
    "why": "no source; the mock answers it so its memory stays bounded"
  },
  "GatewayTimeout:status": {
    "id": "GatewayTimeout:status",
    "kind": "response",
    "constraint": "GatewayTimeout: the answer generateSync 504, submitAsync 504, getRequestStatus 504, getRequestResult 504, getRequestStatusV1 504",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "504 Timeout Request timed out"
  },
  "GatewayTimeout:content": {
    "id": "GatewayTimeout:content",
    "kind": "response",
    "constraint": "GatewayTimeout: content application/json (generateSync 504, submitAsync 504, getRequestStatus 504, getRequestResult 504, getRequestStatusV1 504)",
    "basis": "assumed",
    "source": "reference",
    "where": "§1.5",
    "quote": "listed in the seed doc only; no source found for their bodies/semantics",
    "why": "the envelope is assumed: a gateway may answer its own page"
  },
  "JobFailed:status": {
    "id": "JobFailed:status",
    "kind": "response",
    "constraint": "JobFailed: the answer getRequestStatus 422, getRequestResult 422, getRequestStatusV1 422",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "A FAILED request is served as HTTP 422 — the body still carries the error detail."
  },
  "JobFailed:content": {
    "id": "JobFailed:content",
    "kind": "response",
    "constraint": "JobFailed: content application/json (getRequestStatus 422, getRequestResult 422, getRequestStatusV1 422)",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "A FAILED request is served as HTTP 422 — the body still carries the error detail."
  },
  "XCost:presence": {
    "id": "XCost:presence",
    "kind": "header",
    "constraint": "x-cost is sent on generateSync 200",
    "basis": "documented",
    "source": "reference",
    "where": "§1.4 [AE]",
    "quote": "x-cost | credits charged for this request"
  },
  "XCost:format": {
    "id": "XCost:format",
    "kind": "header",
    "constraint": "x-cost matches ^[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$ on generateSync 200",
    "basis": "assumed",
    "why": "no source gives the format; a decimal number is assumed"
  },
  "XRemainingCredits:presence": {
    "id": "XRemainingCredits:presence",
    "kind": "header",
    "constraint": "x-remaining-credits is sent on generateSync 200",
    "basis": "documented",
    "source": "reference",
    "where": "§1.4 [AE]",
    "quote": "x-remaining-credits | balance after the request"
  },
  "XRemainingCredits:format": {
    "id": "XRemainingCredits:format",
    "kind": "header",
    "constraint": "x-remaining-credits matches ^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$ on generateSync 200",
    "basis": "assumed",
    "why": "no source gives the format; a decimal number is assumed"
  },
  "XRequestId:presence": {
    "id": "XRequestId:presence",
    "kind": "header",
    "constraint": "x-request-id is sent on generateSync 200",
    "basis": "documented",
    "source": "reference",
    "where": "§1.4 [AE]",
    "quote": "x-request-id | request id as listed in console Generations"
  },
  "XRequestId:format": {
    "id": "XRequestId:format",
    "kind": "header",
    "constraint": "x-request-id is at least 1 long on generateSync 200",
    "basis": "assumed",
    "why": "no source gives the format; a non-empty string is assumed"
  },
  "XGenerationTime:presence": {
    "id": "XGenerationTime:presence",
    "kind": "header",
    "constraint": "x-generation-time is sent on generateSync 200",
    "basis": "documented",
    "source": "reference",
    "where": "§1.4 [AE]",
    "quote": "x-generation-time | model processing seconds"
  },
  "XGenerationTime:format": {
    "id": "XGenerationTime:format",
    "kind": "header",
    "constraint": "x-generation-time matches ^[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$ on generateSync 200",
    "basis": "assumed",
    "why": "no source gives the format; a decimal number is assumed"
  },
  "XSeedValue:presence": {
    "id": "XSeedValue:presence",
    "kind": "header",
    "constraint": "x-seed-value is sent on generateSync 200",
    "basis": "documented",
    "source": "reference",
    "where": "§1.4 [AE]",
    "quote": "x-seed-value | seed actually used (when seed: -1), for replay"
  },
  "XSeedValue:format": {
    "id": "XSeedValue:format",
    "kind": "header",
    "constraint": "x-seed-value matches ^-?[0-9]+$ on generateSync 200",
    "basis": "assumed",
    "source": "seed-scifi",
    "where": "Parameters",
    "quote": "seed optional integer",
    "why": "the seed is an integer (any sign: the pages give no range), so the header is assumed to be its decimal form"
  },
  "XRateLimitResetAtUtc:format": {
    "id": "XRateLimitResetAtUtc:format",
    "kind": "header",
    "constraint": "x-rate-limit-reset-at-utc is at least 1 long on generateSync 200",
    "basis": "assumed",
    "why": "no source gives the format; a non-empty string is assumed"
  },
  "XRateLimitResetAtUtcOn429:presence": {
    "id": "XRateLimitResetAtUtcOn429:presence",
    "kind": "header",
    "constraint": "x-rate-limit-reset-at-utc is sent on generateSync 429, submitAsync 429, getRequestStatus 429, getRequestResult 429, getRequestStatusV1 429",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [AE]",
    "quote": "x-rate-limit-reset-at-utc header, no Retry-After"
  },
  "XRateLimitResetAtUtcOn429:format": {
    "id": "XRateLimitResetAtUtcOn429:format",
    "kind": "header",
    "constraint": "x-rate-limit-reset-at-utc is at least 1 long on generateSync 429, submitAsync 429, getRequestStatus 429, getRequestResult 429, getRequestStatusV1 429",
    "basis": "assumed",
    "why": "no source gives the format; a non-empty string is assumed"
  },
  "Txt2Img:content": {
    "id": "Txt2Img:content",
    "kind": "request-body",
    "constraint": "Txt2Img: request content types multipart/form-data, application/json",
    "basis": "documented",
    "source": "reference",
    "where": "§1.2 [AE]",
    "quote": "Only application/json or multipart/form-data accepted; missing/other Content-Type → 406 with body Invalid content type"
  },
  "generateSync:responses": {
    "id": "generateSync:responses",
    "kind": "operation",
    "constraint": "generateSync answers only the statuses it lists",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "The API returns standard HTTP status codes."
  },
  "generateSync:success": {
    "id": "generateSync:success",
    "kind": "operation",
    "constraint": "generateSync: a success is the listed 2xx",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [DOCS-REF]",
    "quote": "200 | output produced"
  },
  "generateSync.200:status": {
    "id": "generateSync.200:status",
    "kind": "response",
    "constraint": "generateSync.200: the answer generateSync 200",
    "basis": "documented",
    "source": "reference",
    "where": "§1.5 [DOCS-REF]",
    "quote": "200 | output produced"
  },
  "generateSync.200:content": {
    "id": "generateSync.200:content",
    "kind": "response",
    "constraint": "generateSync.200: content image/jpeg or application/json (generateSync 200)",
    "basis": "documented",
    "source": "reference",
    "where": "§1.3 [PAGE-VEGART, AE, SDK]",
    "quote": "Default (base64: false): raw image bytes, Content-Type: image/jpeg"
  },
  "submitAsync:responses": {
    "id": "submitAsync:responses",
    "kind": "operation",
    "constraint": "submitAsync answers only the statuses it lists",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "The API returns standard HTTP status codes."
  },
  "submitAsync:success": {
    "id": "submitAsync:success",
    "kind": "operation",
    "constraint": "submitAsync: a success is the listed 2xx",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.1",
    "quote": "docs excerpt doesn’t state it — treat 200 as expected, tolerate 2xx",
    "why": "conflict submit-status-code: another 2xx is a finding"
  },
  "submitAsync.200:status": {
    "id": "submitAsync.200:status",
    "kind": "response",
    "constraint": "submitAsync.200: the answer submitAsync 200",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.1",
    "quote": "HTTP status of a successful submit: SDK tests mock 200",
    "why": "the docs never state the code (conflict submit-status-code)"
  },
  "submitAsync.200:content": {
    "id": "submitAsync.200:content",
    "kind": "response",
    "constraint": "submitAsync.200: content application/json (submitAsync 200)",
    "basis": "documented",
    "source": "reference",
    "where": "§2.1 [DOCS-ASYNC]",
    "quote": "{ \"request_id\": \"2c7f59ea-13f1-402c-9353-915a2b5a2124\", \"status\": \"QUEUED\","
  },
  "getRequestStatus:responses": {
    "id": "getRequestStatus:responses",
    "kind": "operation",
    "constraint": "getRequestStatus answers only the statuses it lists",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "The API returns standard HTTP status codes."
  },
  "getRequestStatus:success": {
    "id": "getRequestStatus:success",
    "kind": "operation",
    "constraint": "getRequestStatus: a success is the listed 2xx",
    "basis": "assumed",
    "source": "reference",
    "where": "§7",
    "quote": "of status responses while QUEUED/PROCESSING (200 assumed)",
    "why": "no document gives the code of a successful read; another 2xx (fal answers 202 while queued) is a finding"
  },
  "getRequestStatus.200:status": {
    "id": "getRequestStatus.200:status",
    "kind": "response",
    "constraint": "getRequestStatus.200: the answer getRequestStatus 200",
    "basis": "assumed",
    "source": "reference",
    "where": "§7",
    "quote": "of status responses while QUEUED/PROCESSING (200 assumed)",
    "why": "no document gives the code of a successful read; another 2xx (fal answers 202 while queued) is a finding"
  },
  "getRequestStatus.200:content": {
    "id": "getRequestStatus.200:content",
    "kind": "response",
    "constraint": "getRequestStatus.200: content application/json (getRequestStatus 200)",
    "basis": "documented",
    "source": "reference",
    "where": "§2.2 [DOCS-ASYNC]",
    "quote": "Status — GET /v2/requests/{id}/status (lightweight, no output payload)"
  },
  "getRequestResult:responses": {
    "id": "getRequestResult:responses",
    "kind": "operation",
    "constraint": "getRequestResult answers only the statuses it lists",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Common Error Codes",
    "quote": "The API returns standard HTTP status codes."
  },
  "getRequestResult:success": {
    "id": "getRequestResult:success",
    "kind": "operation",
    "constraint": "getRequestResult: a success is the listed 2xx",
    "basis": "assumed",
    "source": "reference",
    "where": "§7",
    "quote": "of status responses while QUEUED/PROCESSING (200 assumed)",
    "why": "no document gives the code of a successful read; another 2xx (fal answers 202 while queued) is a finding"
  },
  "getRequestResult.200:status": {
    "id": "getRequestResult.200:status",
    "kind": "response",
    "constraint": "getRequestResult.200: the answer getRequestResult 200",
    "basis": "assumed",
    "source": "reference",
    "where": "§7",
    "quote": "of status responses while QUEUED/PROCESSING (200 assumed)",
    "why": "no document gives the code of a successful read; another 2xx (fal answers 202 while queued) is a finding"
  },
  "getRequestResult.200:content": {
    "id": "getRequestResult.200:content",
    "kind": "response",
    "constraint": "getRequestResult.200: content application/json (getRequestResult 200)",
    "basis": "documented",
    "source": "reference",
    "where": "§2.3 [DOCS-ASYNC]",
    "quote": "The output field is always present across all modalities for backward compatibility"
  },
  "getRequestStatusV1:responses": {
    "id": "getRequestStatusV1:responses",
    "kind": "operation",
    "constraint": "getRequestStatusV1 answers only the statuses it lists",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.1 [DOCS-ASYNC]",
    "quote": "V1 poll endpoint (backward compatible)",
    "why": "nothing is documented about this endpoint but its existence: its codes are assumed to be the status endpoint's"
  },
  "getRequestStatusV1:success": {
    "id": "getRequestStatusV1:success",
    "kind": "operation",
    "constraint": "getRequestStatusV1: a success is the listed 2xx",
    "basis": "assumed",
    "source": "reference",
    "where": "§7",
    "quote": "of status responses while QUEUED/PROCESSING (200 assumed)",
    "why": "no document gives the code of a successful read; another 2xx (fal answers 202 while queued) is a finding"
  },
  "getRequestStatusV1.200:status": {
    "id": "getRequestStatusV1.200:status",
    "kind": "response",
    "constraint": "getRequestStatusV1.200: the answer getRequestStatusV1 200",
    "basis": "assumed",
    "source": "reference",
    "where": "§7",
    "quote": "of status responses while QUEUED/PROCESSING (200 assumed)",
    "why": "no document gives the code of a successful read; another 2xx (fal answers 202 while queued) is a finding"
  },
  "getRequestStatusV1.200:content": {
    "id": "getRequestStatusV1.200:content",
    "kind": "response",
    "constraint": "getRequestStatusV1.200: content application/json (getRequestStatusV1 200)",
    "basis": "assumed",
    "source": "reference",
    "where": "§2.1 [DOCS-ASYNC]",
    "quote": "V1 poll endpoint (backward compatible)",
    "why": "its body is assumed to be the v2 status body"
  },
  "job-states:transitions": {
    "id": "job-states:transitions",
    "kind": "job-states",
    "constraint": "job states follow QUEUED → PROCESSING → COMPLETED | FAILED, never backwards",
    "basis": "documented",
    "source": "seed-scifi",
    "where": "Status states",
    "quote": "QUEUED Accepted, waiting for a worker PROCESSING Running on a worker COMPLETED Done — result body is ready FAILED Errored (incl. content/RAI blocks)"
  }
};
