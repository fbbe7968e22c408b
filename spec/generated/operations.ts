// generated from spec/openapi.yaml — do not edit (npm run gen)
import type { OperationEntry } from '../../core/operation-types.js';

export const SPEC_VERSION = "2026.11.21";

export const MODELS = ["sd1.5-scifi","sd1.5-epicrealism"] as const;

export type ModelId = (typeof MODELS)[number];

export const OPERATIONS: readonly OperationEntry[] = [
  {
    "operationId": "generateSync",
    "method": "POST",
    "path": "/v1/{model}",
    "billable": true,
    "requestSchema": "Txt2ImgRequest",
    "responses": {
      "200": {
        "content": {
          "image/jpeg": null,
          "application/json": "Base64ImageResponse"
        },
        "headers": {
          "x-cost": true,
          "x-remaining-credits": true,
          "x-request-id": true,
          "x-generation-time": true,
          "x-seed-value": true,
          "x-rate-limit-reset-at-utc": false
        },
        "rules": {
          "response": "generateSync.200",
          "headers": {
            "x-cost": "XCost",
            "x-remaining-credits": "XRemainingCredits",
            "x-request-id": "XRequestId",
            "x-generation-time": "XGenerationTime",
            "x-seed-value": "XSeedValue",
            "x-rate-limit-reset-at-utc": "XRateLimitResetAtUtc"
          }
        }
      },
      "400": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadRequest",
          "headers": {}
        }
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Unauthorized",
          "headers": {}
        }
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Forbidden",
          "headers": {}
        }
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "NotFound",
          "headers": {}
        }
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "MethodNotAllowed",
          "headers": {}
        }
      },
      "406": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "NotAcceptable",
          "headers": {}
        }
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestTimeout",
          "headers": {}
        }
      },
      "410": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Gone",
          "headers": {}
        }
      },
      "413": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "PayloadTooLarge",
          "headers": {}
        }
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        },
        "rules": {
          "response": "RateLimited",
          "headers": {
            "x-rate-limit-reset-at-utc": "XRateLimitResetAtUtcOn429"
          }
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "HeadersTooLarge",
          "headers": {}
        }
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "ServerError",
          "headers": {}
        }
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadGateway",
          "headers": {}
        }
      },
      "503": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "QueueFull",
          "headers": {}
        }
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "GatewayTimeout",
          "headers": {}
        }
      }
    }
  },
  {
    "operationId": "submitAsync",
    "method": "POST",
    "path": "/v2/{model}",
    "billable": true,
    "requestSchema": "Txt2ImgRequest",
    "responses": {
      "200": {
        "content": {
          "application/json": "SubmitResponse"
        },
        "headers": {},
        "rules": {
          "response": "submitAsync.200",
          "headers": {}
        }
      },
      "400": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadRequest",
          "headers": {}
        }
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Unauthorized",
          "headers": {}
        }
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Forbidden",
          "headers": {}
        }
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "NotFound",
          "headers": {}
        }
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "MethodNotAllowed",
          "headers": {}
        }
      },
      "406": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "NotAcceptable",
          "headers": {}
        }
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestTimeout",
          "headers": {}
        }
      },
      "410": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Gone",
          "headers": {}
        }
      },
      "413": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "PayloadTooLarge",
          "headers": {}
        }
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        },
        "rules": {
          "response": "RateLimited",
          "headers": {
            "x-rate-limit-reset-at-utc": "XRateLimitResetAtUtcOn429"
          }
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "HeadersTooLarge",
          "headers": {}
        }
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "ServerError",
          "headers": {}
        }
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadGateway",
          "headers": {}
        }
      },
      "503": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "QueueFull",
          "headers": {}
        }
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "GatewayTimeout",
          "headers": {}
        }
      }
    }
  },
  {
    "operationId": "getRequestStatus",
    "method": "GET",
    "path": "/v2/requests/{request_id}/status",
    "billable": false,
    "requestSchema": null,
    "responses": {
      "200": {
        "content": {
          "application/json": "StatusResponse"
        },
        "headers": {},
        "rules": {
          "response": "getRequestStatus.200",
          "headers": {}
        }
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Unauthorized",
          "headers": {}
        }
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Forbidden",
          "headers": {}
        }
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestNotFound",
          "headers": {}
        }
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "MethodNotAllowed",
          "headers": {}
        }
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestTimeout",
          "headers": {}
        }
      },
      "422": {
        "content": {
          "application/json": "FailedResponse"
        },
        "headers": {},
        "rules": {
          "response": "JobFailed",
          "headers": {}
        }
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        },
        "rules": {
          "response": "RateLimited",
          "headers": {
            "x-rate-limit-reset-at-utc": "XRateLimitResetAtUtcOn429"
          }
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "HeadersTooLarge",
          "headers": {}
        }
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "ServerError",
          "headers": {}
        }
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadGateway",
          "headers": {}
        }
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "GatewayTimeout",
          "headers": {}
        }
      }
    }
  },
  {
    "operationId": "getRequestResult",
    "method": "GET",
    "path": "/v2/requests/{request_id}",
    "billable": false,
    "requestSchema": null,
    "responses": {
      "200": {
        "content": {
          "application/json": "ResultResponse"
        },
        "headers": {},
        "rules": {
          "response": "getRequestResult.200",
          "headers": {}
        }
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Unauthorized",
          "headers": {}
        }
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Forbidden",
          "headers": {}
        }
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestNotFound",
          "headers": {}
        }
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "MethodNotAllowed",
          "headers": {}
        }
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestTimeout",
          "headers": {}
        }
      },
      "422": {
        "content": {
          "application/json": "FailedResponse"
        },
        "headers": {},
        "rules": {
          "response": "JobFailed",
          "headers": {}
        }
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        },
        "rules": {
          "response": "RateLimited",
          "headers": {
            "x-rate-limit-reset-at-utc": "XRateLimitResetAtUtcOn429"
          }
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "HeadersTooLarge",
          "headers": {}
        }
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "ServerError",
          "headers": {}
        }
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadGateway",
          "headers": {}
        }
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "GatewayTimeout",
          "headers": {}
        }
      }
    }
  },
  {
    "operationId": "getRequestStatusV1",
    "method": "GET",
    "path": "/v1/requests/{request_id}",
    "billable": false,
    "requestSchema": null,
    "responses": {
      "200": {
        "content": {
          "application/json": "StatusResponse"
        },
        "headers": {},
        "rules": {
          "response": "getRequestStatusV1.200",
          "headers": {}
        }
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Unauthorized",
          "headers": {}
        }
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "Forbidden",
          "headers": {}
        }
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestNotFound",
          "headers": {}
        }
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "MethodNotAllowed",
          "headers": {}
        }
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "RequestTimeout",
          "headers": {}
        }
      },
      "422": {
        "content": {
          "application/json": "FailedResponse"
        },
        "headers": {},
        "rules": {
          "response": "JobFailed",
          "headers": {}
        }
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        },
        "rules": {
          "response": "RateLimited",
          "headers": {
            "x-rate-limit-reset-at-utc": "XRateLimitResetAtUtcOn429"
          }
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "HeadersTooLarge",
          "headers": {}
        }
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "ServerError",
          "headers": {}
        }
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "BadGateway",
          "headers": {}
        }
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {},
        "rules": {
          "response": "GatewayTimeout",
          "headers": {}
        }
      }
    }
  }
];
