// generated from spec/openapi.yaml — do not edit (npm run gen)
import type { ValidateFunction } from 'ajv';
export declare const validateModelId: ValidateFunction;
export declare const validateTxt2ImgRequest: ValidateFunction;
export declare const validateErrorResponse: ValidateFunction;
export declare const validateBase64ImageResponse: ValidateFunction;
export declare const validateSubmitResponse: ValidateFunction;
export declare const validateSeconds: ValidateFunction;
export declare const validatePartialMetrics: ValidateFunction;
export declare const validateResultMetrics: ValidateFunction;
export declare const validatePendingStatus: ValidateFunction;
export declare const validateCompletedStatus: ValidateFunction;
export declare const validateStatusResponse: ValidateFunction;
export declare const validateFailedResponse: ValidateFunction;
export declare const validateImageObject: ValidateFunction;
export declare const validateCompletedResult: ValidateFunction;
export declare const validateResultResponse: ValidateFunction;
