// generated from spec/openapi.yaml — do not edit (npm run gen)
/* eslint-disable */
export interface paths {
    "/v1/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model slug. */
                model: components["parameters"]["Model"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate an image and wait for it
         * @description x-source: seed-scifi "API Endpoint POST https://api.segmind.com/v1/sd1.5-scifi"; reference §1.3, §1.4.
         *     Billed on 200 only (reference §1.5).
         */
        post: operations["generateSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model slug. */
                model: components["parameters"]["Model"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a job to the model's queue
         * @description x-source: seed-scifi "Asynchronous requests (v2) … Submit — returns request_id, status_url, response_url";
         *     reference §2.1. Not idempotent: every submit is a new billable job (reference §1.5).
         */
        post: operations["submitAsync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/requests/{request_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
                request_id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        /**
         * Poll a job's state (lightweight, no output)
         * @description x-source: seed-scifi "GET /v2/requests/{id}/status — Poll until COMPLETED or FAILED"; reference §2.2.
         */
        get: operations["getRequestStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
                request_id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        /**
         * Fetch a job's final response body
         * @description x-source: seed-scifi "GET /v2/requests/{id} — Result final response body"; reference §2.3.
         */
        get: operations["getRequestResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
                request_id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        /**
         * The v1 poll endpoint that submit's poll_url names (backward compatible)
         * @description x-source: reference §2.1 [DOCS-ASYNC] "poll_url = V1 poll endpoint (backward compatible)". Its body is assumed to be the v2 status body.
         */
        get: operations["getRequestStatusV1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The one list of models: adding a model of the same family is one entry here (the mock, the suites and the
         *     load scripts read this enum). x-source: seed-scifi, seed-epicrealism (model slugs).
         * @enum {string}
         */
        ModelId: "sd1.5-scifi" | "sd1.5-epicrealism";
        /** @description Text-to-image parameters of the SD 1.5 family (identical on both model pages). */
        Txt2ImgRequest: {
            /** @description Prompt to render. */
            prompt: string;
            /** @description Prompts to exclude, eg. 'bad anatomy, bad hands, missing fingers'. */
            negative_prompt?: string;
            /**
             * @description Type of scheduler.
             * @default UniPC
             * @enum {string}
             */
            scheduler?: "DDIM" | "DPM Multi" | "DPM Single" | "Euler a" | "Euler" | "Heun" | "DPM2 a Karras" | "DPM2 Karras" | "LMS" | "PNDM" | "DDPM" | "UniPC" | "dpmpp_2m" | "dpmpp_sde_ancestral" | "euler" | "euler_a" | "ddim";
            /**
             * @description Number of denoising steps.
             * @default 20
             */
            num_inference_steps?: number;
            /**
             * @description Scale for classifier-free guidance.
             * @default 7.5
             */
            guidance_scale?: number;
            /**
             * @description Number of samples to generate.
             * @default 1
             */
            samples?: number;
            /**
             * @description Seed for image generation; -1 draws one (reported in x-seed-value).
             * @default -1
             */
            seed?: number;
            /**
             * @description Width of the image.
             * @default 512
             * @enum {integer}
             */
            img_width?: 512 | 768 | 1024;
            /**
             * @description Height of the Image.
             * @default 512
             * @enum {integer}
             */
            img_height?: 512 | 768 | 1024;
            /**
             * @description Base64 encoding of the output image.
             * @default false
             */
            base64?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description The error envelope: no symbolic codes, not RFC 9457. x-source: reference §1.5 (SDK parses data.get("error")). */
        ErrorResponse: {
            error: string;
        };
        /** @description v1 with base64 true. assumed (conflict base64-response): third-party clients read data.image and data.status. */
        Base64ImageResponse: {
            /** @description The first image, base64 JPEG. */
            image: string;
            /** @description Every sample, base64 JPEG (assumed). */
            images?: string[];
            /** @constant */
            status: "Success";
        };
        /** @description x-source: reference §2.1 [DOCS-ASYNC]; the SDK raises when request_id, status_url or response_url is missing. */
        SubmitResponse: {
            /** Format: uuid */
            request_id: string;
            /**
             * @description Always QUEUED on submit (reference §2.1).
             * @constant
             */
            status: "QUEUED";
            /**
             * Format: uri
             * @description V1 poll endpoint (backward compatible).
             */
            poll_url?: string;
            /** Format: uri */
            status_url: string;
            /** Format: uri */
            response_url: string;
        };
        Seconds: number;
        /** @description Metrics while running or when failed: timings only, never billing fields. x-source: reference §1.5 (422 body has no cost), §2.2. */
        PartialMetrics: {
            inference_time?: components["schemas"]["Seconds"];
            queue_time?: components["schemas"]["Seconds"];
            total_time?: components["schemas"]["Seconds"];
            retry_count?: number;
            cost?: never;
            remaining_credits?: never;
        };
        /** @description x-source: reference §2.3 [AE data-model] (seconds and credits; retry_count only when a retry occurred). */
        ResultMetrics: {
            inference_time: components["schemas"]["Seconds"];
            queue_time: components["schemas"]["Seconds"];
            total_time: components["schemas"]["Seconds"];
            cost: number;
            remaining_credits: number;
            retry_count?: number;
        };
        /** @description QUEUED or PROCESSING. x-source: reference §2.2 (example while processing). */
        PendingStatus: {
            /** @enum {string} */
            status: "QUEUED" | "PROCESSING";
            /** Format: uuid */
            request_id: string;
            /** Format: uri */
            status_url?: string;
            /** Format: uri */
            response_url?: string;
            metrics?: components["schemas"]["PartialMetrics"];
        };
        /** @description x-source: reference §2.2 (example when done). */
        CompletedStatus: {
            /** @constant */
            status: "COMPLETED";
            /** Format: uuid */
            request_id: string;
            /** Format: uri */
            status_url?: string;
            /** Format: uri */
            response_url?: string;
            metrics: {
                inference_time: components["schemas"]["Seconds"];
                queue_time?: components["schemas"]["Seconds"];
                total_time?: components["schemas"]["Seconds"];
                cost?: number;
                remaining_credits?: number;
            };
        };
        /** @description A 200 from the status endpoint. */
        StatusResponse: {
            status: string;
        } & (components["schemas"]["PendingStatus"] | components["schemas"]["CompletedStatus"]);
        /** @description A FAILED job, served as 422 on both v2 GETs. x-source: seed-scifi; reference §1.5, §2.2 (body), §2.5 (content-policy blocks). */
        FailedResponse: {
            /** @constant */
            status: "FAILED";
            error: string;
            /** Format: uuid */
            request_id?: string;
            metrics?: components["schemas"]["PartialMetrics"];
        };
        /** @description A generated image. x-source: reference §2.3 [AE data-model] {url, content_type, file_name, file_size}. */
        ImageObject: {
            /** Format: uri */
            url: string;
            /** @constant */
            content_type: "image/jpeg";
            file_name?: string;
            /** @description Bytes of the image at url. A second-hand source types it as a string; both forms are accepted. */
            file_size?: string | number;
        };
        /** @description x-source: reference §2.3 (output always present; images[] for image models), §4.3 (SDK fixture has error null). */
        CompletedResult: {
            /** @constant */
            status: "COMPLETED";
            /** Format: uuid */
            request_id?: string;
            error?: null;
            /**
             * Format: uri
             * @description URL of the first generated image (reference §2.3 [DOCS-SDK]).
             */
            output: string;
            images?: components["schemas"]["ImageObject"][];
            seed?: number;
            metrics: components["schemas"]["ResultMetrics"];
        };
        /** @description A 200 from the result endpoint. */
        ResultResponse: {
            status: string;
        } & (components["schemas"]["PendingStatus"] | components["schemas"]["CompletedResult"]);
    };
    responses: {
        /** @description Invalid parameters or request format; the message names the parameter. On v1, a content-policy block is a 400 too (assumed: v1 has no job to mark FAILED and no source gives its code; see conflict v1-content-policy). x-source: seed-scifi "400 Bad Request"; reference §1.5. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or invalid API key. x-source: seed-scifi "401 Unauthorized"; reference §1.1, §1.5 (messages). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Insufficient permissions (model not permitted for the account). x-source: seed-scifi "403 Forbidden"; reference §1.5. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Model or endpoint not found. x-source: seed-scifi "404 Not Found"; reference §1.5. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Unknown or expired request id. x-source: seed-scifi "An unknown or expired request_id returns HTTP 404"; reference §2.4 (body). */
        RequestNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Wrong verb. x-source: reference §1.5 (an HTML page); conflict wrong-method-body. */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Insufficient credits, a missing or wrong Content-Type ("Invalid content type"), or a parameter value rejected before the run. x-source: seed-scifi "406 Insufficient Credits"; reference §1.2, §1.5 ("parameter value rejected pre-run"). */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A retired or deprecated model: fails fast, not charged. x-source: reference §1.5 [AE errors/changelog]. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body or headers did not arrive in time. assumed: no source; the mock answers it to slow (slow-loris) clients so a hostile client cannot hold a connection. */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Request headers over the size limit. assumed: no source; the mock answers it (RFC 6585 §5) instead of dropping the connection. */
        HeadersTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Request body over the size limit. assumed: no source states a limit; the mock enforces one (documented in the README) so a hostile body cannot exhaust it. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Too many requests. x-source: seed-scifi "429 Rate Limited"; reference §1.5 (x-rate-limit-reset-at-utc, no Retry-After), DOCS-RL (5 / 50 RPM). */
        RateLimited: {
            headers: {
                "x-rate-limit-reset-at-utc": components["headers"]["XRateLimitResetAtUtcOn429"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Internal server error. x-source: seed-scifi "500 Server Error". */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Service temporarily unavailable. x-source: seed-scifi "502 Bad Gateway" (body: assumed, the envelope). */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The queue is at its depth limit. assumed: no source; the mock answers it so its memory stays bounded. */
        QueueFull: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Request timed out. x-source: seed-scifi "504 Timeout" (body: assumed, the envelope). */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The job ran and failed (content/RAI blocks included). x-source: seed-scifi "A FAILED request is served as HTTP 422 — the body still carries the error detail"; reference §1.5, §2.2. */
        JobFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailedResponse"];
            };
        };
    };
    parameters: {
        /** @description The model slug. */
        Model: components["schemas"]["ModelId"];
        /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
        RequestId: string;
    };
    requestBodies: {
        /** @description The model parameters as one flat JSON object, or as multipart/form-data fields (reference §1.2; conflict multipart-bodies): each field a string, read as the parameter's type. Any other content type is a 406. */
        Txt2Img: {
            content: {
                "multipart/form-data": components["schemas"]["Txt2ImgRequest"];
                "application/json": components["schemas"]["Txt2ImgRequest"];
            };
        };
    };
    headers: {
        /** @description Credits charged for this request. x-source: reference §1.4. */
        XCost: string;
        /** @description Balance after the request. x-source: reference §1.4. */
        XRemainingCredits: string;
        /** @description The request id listed in the console. x-source: reference §1.4. */
        XRequestId: string;
        /** @description Model processing seconds. x-source: reference §1.4. */
        XGenerationTime: string;
        /** @description The seed actually used, for replay (differs from the request when seed is -1). x-source: reference §1.4. */
        XSeedValue: string;
        /** @description When the rate-limit window resets. x-source: reference §1.4. */
        XRateLimitResetAtUtc: string;
        /** @description When the rate-limit window resets; always sent on 429, and no Retry-After is. x-source: reference §1.5. */
        XRateLimitResetAtUtcOn429: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    generateSync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model slug. */
                model: components["parameters"]["Model"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Txt2Img"];
        responses: {
            /** @description The generated image. Raw JPEG bytes unless base64 is true (see conflicts v1-content-type, base64-response). */
            200: {
                headers: {
                    "x-cost": components["headers"]["XCost"];
                    "x-remaining-credits": components["headers"]["XRemainingCredits"];
                    "x-request-id": components["headers"]["XRequestId"];
                    "x-generation-time": components["headers"]["XGenerationTime"];
                    "x-seed-value": components["headers"]["XSeedValue"];
                    "x-rate-limit-reset-at-utc": components["headers"]["XRateLimitResetAtUtc"];
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "application/json": components["schemas"]["Base64ImageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["QueueFull"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    submitAsync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model slug. */
                model: components["parameters"]["Model"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Txt2Img"];
        responses: {
            /** @description Queued. Poll status_url verbatim (the SDK does; reference §4.2). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["QueueFull"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getRequestStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
                request_id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description QUEUED, PROCESSING or COMPLETED. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RequestNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["JobFailed"];
            429: components["responses"]["RateLimited"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getRequestResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
                request_id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result once COMPLETED; before that, the status body (conflict result-before-completion). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RequestNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["JobFailed"];
            429: components["responses"]["RateLimited"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getRequestStatusV1: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id submit returned. x-source: reference §2.1 (a UUIDv4). */
                request_id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description As GET /v2/requests/{request_id}/status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RequestNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["JobFailed"];
            429: components["responses"]["RateLimited"];
            431: components["responses"]["HeadersTooLarge"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
