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
        }
      },
      "400": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "406": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "413": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "503": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
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
        "headers": {}
      },
      "400": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "406": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "413": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "503": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
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
        "headers": {}
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "422": {
        "content": {
          "application/json": "FailedResponse"
        },
        "headers": {}
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
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
        "headers": {}
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "422": {
        "content": {
          "application/json": "FailedResponse"
        },
        "headers": {}
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
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
        "headers": {}
      },
      "401": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "403": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "404": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "405": {
        "content": {
          "text/html": null,
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "408": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "422": {
        "content": {
          "application/json": "FailedResponse"
        },
        "headers": {}
      },
      "429": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {
          "x-rate-limit-reset-at-utc": true
        }
      },
      "431": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "500": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "502": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      },
      "504": {
        "content": {
          "application/json": "ErrorResponse"
        },
        "headers": {}
      }
    }
  }
];
