// generated from spec/openapi.yaml — do not edit (npm run gen)
/* eslint-disable */
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
export const validateModelId = validate21;
const schema32 = {"description":"The one list of models: adding a model of the same family is one entry here (the mock, the suites and the\nload scripts read this enum). x-source: seed-scifi, seed-epicrealism (model slugs).\n","type":"string","enum":["sd1.5-scifi","sd1.5-epicrealism"],"x-infercheck-basis":{"*":{"basis":"documented","source":"seed-scifi","where":"API Endpoint","quote":"POST https://api.segmind.com/v1/sd1.5-scifi"},"enum":{"basis":"documented","source":"seed-scifi","where":"API Endpoint","quote":"POST https://api.segmind.com/v1/sd1.5-scifi","values":{"sd1.5-epicrealism":{"basis":"documented","source":"seed-epicrealism","where":"API Endpoint","quote":"https://api.segmind.com/v1/sd1.5-epicrealism"}}}}};

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(typeof data !== "string"){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!((data === "sd1.5-scifi") || (data === "sd1.5-epicrealism"))){
const err1 = {instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema32.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const validateTxt2ImgRequest = validate22;
const schema33 = {"description":"Text-to-image parameters of the SD 1.5 family (identical on both model pages).","type":"object","required":["prompt"],"additionalProperties":true,"x-infercheck-basis":{"type":{"basis":"documented","source":"reference","where":"§1.2 [DOCS-ASYNC]","quote":"Content-Type: application/json with a flat JSON object of model params"},"required":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"prompt required string"},"additionalProperties":{"basis":"documented","source":"reference","where":"§4.3 [SDK]","quote":"every kwarg (even ones named timeout/interval) is forwarded into the model body"},"null":{"basis":"assumed","why":"the pages say nothing about null: a vendor that rejects null for an optional parameter and one that reads it as absent (the default) both keep the documents; the spec rejects it"},"strings":{"basis":"assumed","source":"reference","where":"§1.2","quote":"Legacy clients send numeric params as strings","why":"and it historically worked; whether the server coerces today is unknown: a vendor that reads \"4\" as 4 keeps the documents; the spec asks for the JSON type"}},"properties":{"prompt":{"description":"Prompt to render.","type":"string","minLength":1,"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"prompt required string"},"minLength":{"basis":"assumed","source":"reference","where":"§1.5 [AE]","quote":"Prompt is Mandatory and must be string","why":"an empty string may count as given: no source says it must not be empty"}}},"negative_prompt":{"description":"Prompts to exclude, eg. 'bad anatomy, bad hands, missing fingers'.","type":"string","x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"negative_prompt optional string"}}},"scheduler":{"description":"Type of scheduler.","type":"string","default":"UniPC","enum":["DDIM","DPM Multi","DPM Single","Euler a","Euler","Heun","DPM2 a Karras","DPM2 Karras","LMS","PNDM","DDPM","UniPC","dpmpp_2m","dpmpp_sde_ancestral","euler","euler_a","ddim"],"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"scheduler optional string"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Type of scheduler. Default: \"UniPC\""},"enum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Allowed values (12 total): \"DDIM\"\"DPM Multi\"\"DPM Single\"\"Euler a\"\"Euler\"\"Heun\"\"DPM2 a Karras\"\"DPM2 Karras\"\"LMS\"\"PNDM\"+2 more","values":{"DDPM":{"basis":"documented","source":"reference","where":"§3 [SDK-legacy]","quote":"“+2 more” = DDPM, UniPC"},"UniPC":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Default: \"UniPC\""},"dpmpp_2m":{"basis":"documented","source":"seed-scifi","where":"the page's example","quote":"\"scheduler\": \"dpmpp_2m\","},"dpmpp_sde_ancestral":{"basis":"documented","source":"seed-epicrealism","where":"the page's example","quote":"\"scheduler\": \"dpmpp_sde_ancestral\","},"euler":{"basis":"assumed","source":"reference","where":"§3 [SDK-legacy]","quote":"euler, euler_a, ddim","why":"the vendor's SDK wrappers send it; no source says the server takes it (conflict scheduler-names)"},"euler_a":{"basis":"assumed","source":"reference","where":"§3 [SDK-legacy]","quote":"euler, euler_a, ddim","why":"the vendor's SDK wrappers send it; no source says the server takes it (conflict scheduler-names)"},"ddim":{"basis":"assumed","source":"reference","where":"§3 [SDK-legacy]","quote":"euler, euler_a, ddim","why":"the vendor's SDK wrappers send it; no source says the server takes it (conflict scheduler-names)"}}}}},"num_inference_steps":{"description":"Number of denoising steps.","type":"integer","default":20,"minimum":20,"maximum":100,"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"num_inference_steps optional integer"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Number of denoising steps. Default: 20Range: 20 - 100"},"minimum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Number of denoising steps. Default: 20Range: 20 - 100"},"maximum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Number of denoising steps. Default: 20Range: 20 - 100"}}},"guidance_scale":{"description":"Scale for classifier-free guidance.","type":"number","default":7.5,"minimum":0.1,"maximum":25,"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"guidance_scale optional number"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Scale for classifier-free guidance Default: 7.5Range: 0.1 - 25"},"minimum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Scale for classifier-free guidance Default: 7.5Range: 0.1 - 25"},"maximum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Scale for classifier-free guidance Default: 7.5Range: 0.1 - 25"}}},"samples":{"description":"Number of samples to generate.","type":"integer","default":1,"minimum":1,"maximum":4,"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"samples optional integer"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Number of samples to generate. Default: 1Range: 1 - 4"},"minimum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Number of samples to generate. Default: 1Range: 1 - 4"},"maximum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Number of samples to generate. Default: 1Range: 1 - 4"}}},"seed":{"description":"Seed for image generation; -1 draws one (reported in x-seed-value).","type":"integer","default":-1,"minimum":-1,"maximum":9007199254740991,"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"seed optional integer"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Seed for image generation. Default: -1"},"minimum":{"basis":"assumed","source":"seed-scifi","where":"Parameters","quote":"Seed for image generation. Default: -1","why":"the pages give no range: -1 is the only negative value given a meaning (the default, a drawn seed); a vendor may take other negative values too"},"maximum":{"basis":"assumed","source":"seed-scifi","where":"the page's example","quote":"\"seed\": 516797155652,","why":"the pages give no range; their examples send seeds above 2^32, so the ceiling is the largest exact JSON integer"}}},"img_width":{"description":"Width of the image.","type":"integer","default":512,"enum":[512,768,1024],"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"img_width optional integer"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Width of the image. Default: 512 Allowed values : 512 768 1024"},"enum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Width of the image. Default: 512 Allowed values : 512 768 1024"}}},"img_height":{"description":"Height of the Image.","type":"integer","default":512,"enum":[512,768,1024],"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"img_height optional integer"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Height of the Image Default: 512 Allowed values : 512 768 1024"},"enum":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Height of the Image Default: 512 Allowed values : 512 768 1024"}}},"base64":{"description":"Base64 encoding of the output image.","type":"boolean","default":false,"x-infercheck-basis":{"type":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"base64 optional boolean"},"default":{"basis":"documented","source":"seed-scifi","where":"Parameters","quote":"Base64 encoding of the output image. Default: false"}}}}};
const func1 = require("ajv/dist/runtime/ucs2length").default;

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.prompt !== undefined){
let data0 = data.prompt;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err1 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.negative_prompt !== undefined){
if(typeof data.negative_prompt !== "string"){
const err3 = {instancePath:instancePath+"/negative_prompt",schemaPath:"#/properties/negative_prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.scheduler !== undefined){
let data2 = data.scheduler;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/scheduler",schemaPath:"#/properties/scheduler/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!(((((((((((((((((data2 === "DDIM") || (data2 === "DPM Multi")) || (data2 === "DPM Single")) || (data2 === "Euler a")) || (data2 === "Euler")) || (data2 === "Heun")) || (data2 === "DPM2 a Karras")) || (data2 === "DPM2 Karras")) || (data2 === "LMS")) || (data2 === "PNDM")) || (data2 === "DDPM")) || (data2 === "UniPC")) || (data2 === "dpmpp_2m")) || (data2 === "dpmpp_sde_ancestral")) || (data2 === "euler")) || (data2 === "euler_a")) || (data2 === "ddim"))){
const err5 = {instancePath:instancePath+"/scheduler",schemaPath:"#/properties/scheduler/enum",keyword:"enum",params:{allowedValues: schema33.properties.scheduler.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.num_inference_steps !== undefined){
let data3 = data.num_inference_steps;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err6 = {instancePath:instancePath+"/num_inference_steps",schemaPath:"#/properties/num_inference_steps/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 100 || isNaN(data3)){
const err7 = {instancePath:instancePath+"/num_inference_steps",schemaPath:"#/properties/num_inference_steps/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3 < 20 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/num_inference_steps",schemaPath:"#/properties/num_inference_steps/minimum",keyword:"minimum",params:{comparison: ">=", limit: 20},message:"must be >= 20"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.guidance_scale !== undefined){
let data4 = data.guidance_scale;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 25 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/guidance_scale",schemaPath:"#/properties/guidance_scale/maximum",keyword:"maximum",params:{comparison: "<=", limit: 25},message:"must be <= 25"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data4 < 0.1 || isNaN(data4)){
const err10 = {instancePath:instancePath+"/guidance_scale",schemaPath:"#/properties/guidance_scale/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.1},message:"must be >= 0.1"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/guidance_scale",schemaPath:"#/properties/guidance_scale/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.samples !== undefined){
let data5 = data.samples;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err12 = {instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4 || isNaN(data5)){
const err13 = {instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4},message:"must be <= 4"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err14 = {instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data.seed !== undefined){
let data6 = data.seed;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err15 = {instancePath:instancePath+"/seed",schemaPath:"#/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 9007199254740991 || isNaN(data6)){
const err16 = {instancePath:instancePath+"/seed",schemaPath:"#/properties/seed/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data6 < -1 || isNaN(data6)){
const err17 = {instancePath:instancePath+"/seed",schemaPath:"#/properties/seed/minimum",keyword:"minimum",params:{comparison: ">=", limit: -1},message:"must be >= -1"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data.img_width !== undefined){
let data7 = data.img_width;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err18 = {instancePath:instancePath+"/img_width",schemaPath:"#/properties/img_width/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(((data7 === 512) || (data7 === 768)) || (data7 === 1024))){
const err19 = {instancePath:instancePath+"/img_width",schemaPath:"#/properties/img_width/enum",keyword:"enum",params:{allowedValues: schema33.properties.img_width.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.img_height !== undefined){
let data8 = data.img_height;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err20 = {instancePath:instancePath+"/img_height",schemaPath:"#/properties/img_height/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!(((data8 === 512) || (data8 === 768)) || (data8 === 1024))){
const err21 = {instancePath:instancePath+"/img_height",schemaPath:"#/properties/img_height/enum",keyword:"enum",params:{allowedValues: schema33.properties.img_height.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.base64 !== undefined){
if(typeof data.base64 !== "boolean"){
const err22 = {instancePath:instancePath+"/base64",schemaPath:"#/properties/base64/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateErrorResponse = validate23;
const schema34 = {"description":"The error envelope: no symbolic codes, not RFC 9457. x-source: reference §1.5 (SDK parses data.get(\"error\")).","type":"object","required":["error"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§1.5 [AE, SDK]","quote":"SDK parses exactly data.get(\"error\") into SegmindError.detail"}},"properties":{"error":{"type":"string","minLength":1,"x-infercheck-basis":{"minLength":{"basis":"documented","source":"seed-scifi","where":"Common Error Codes","quote":"Detailed error messages are provided in the response body."}}}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.error === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.error !== undefined){
let data0 = data.error;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err1 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":{"error":true},"dynamicProps":false,"dynamicItems":false};

export const validateBase64ImageResponse = validate24;
const schema35 = {"description":"v1 with base64 true. assumed (conflict base64-response): third-party clients read data.image and data.status.","type":"object","required":["image","status"],"x-infercheck-basis":{"*":{"basis":"assumed","source":"reference","where":"§1.3","quote":"field name image. Not documented in any source found","why":"only third-party clients show the shape (conflict base64-response)"}},"properties":{"image":{"description":"The first image, base64 JPEG.","type":"string","contentEncoding":"base64","contentMediaType":"image/jpeg","minLength":4},"images":{"description":"Every sample, base64 JPEG (assumed).","type":"array","minItems":1,"maxItems":4,"items":{"type":"string","contentEncoding":"base64","contentMediaType":"image/jpeg","minLength":4}},"status":{"const":"Success"}}};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.image === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "image"},message:"must have required property '"+"image"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.status === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.image !== undefined){
let data0 = data.image;
if(typeof data0 === "string"){
if(func1(data0) < 4){
const err2 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/minLength",keyword:"minLength",params:{limit: 4},message:"must NOT have fewer than 4 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.images !== undefined){
let data1 = data.images;
if(Array.isArray(data1)){
if(data1.length > 4){
const err4 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/maxItems",keyword:"maxItems",params:{limit: 4},message:"must NOT have more than 4 items"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.length < 1){
const err5 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func1(data2) < 4){
const err6 = {instancePath:instancePath+"/images/" + i0,schemaPath:"#/properties/images/items/minLength",keyword:"minLength",params:{limit: 4},message:"must NOT have fewer than 4 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/images/" + i0,schemaPath:"#/properties/images/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.status !== undefined){
if("Success" !== data.status){
const err9 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: "Success"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":{"image":true,"images":true,"status":true},"dynamicProps":false,"dynamicItems":false};

export const validateSubmitResponse = validate25;
const schema36 = {"description":"x-source: reference §2.1 [DOCS-ASYNC]; the SDK raises when request_id, status_url or response_url is missing.","type":"object","required":["request_id","status","status_url","response_url"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.1 [SDK]","quote":"if a 2xx lacks any of request_id/status_url/response_url it raises"}},"properties":{"request_id":{"type":"string","format":"uuid","x-infercheck-basis":{"format":{"basis":"documented","source":"reference","where":"§2.1 [AE]","quote":"request_id is a UUIDv4"}}},"status":{"description":"Always QUEUED on submit (reference §2.1).","const":"QUEUED","x-infercheck-basis":{"const":{"basis":"documented","source":"reference","where":"§2.1 [DOCS-ASYNC]","quote":"Always QUEUED on submit"}}},"poll_url":{"type":"string","format":"uri","description":"V1 poll endpoint (backward compatible).","x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.1 [DOCS-ASYNC]","quote":"V1 poll endpoint (backward compatible)"}}},"status_url":{"type":"string","format":"uri"},"response_url":{"type":"string","format":"uri"}}};
const formats0 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const formats2 = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i;

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.request_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "request_id"},message:"must have required property '"+"request_id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.status === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.status_url === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status_url"},message:"must have required property '"+"status_url"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.response_url === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "response_url"},message:"must have required property '"+"response_url"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.request_id !== undefined){
let data0 = data.request_id;
if(typeof data0 === "string"){
if(!(formats0.test(data0))){
const err4 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.status !== undefined){
if("QUEUED" !== data.status){
const err6 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: "QUEUED"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.poll_url !== undefined){
let data2 = data.poll_url;
if(typeof data2 === "string"){
if(!(formats2.test(data2))){
const err7 = {instancePath:instancePath+"/poll_url",schemaPath:"#/properties/poll_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/poll_url",schemaPath:"#/properties/poll_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.status_url !== undefined){
let data3 = data.status_url;
if(typeof data3 === "string"){
if(!(formats2.test(data3))){
const err9 = {instancePath:instancePath+"/status_url",schemaPath:"#/properties/status_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/status_url",schemaPath:"#/properties/status_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.response_url !== undefined){
let data4 = data.response_url;
if(typeof data4 === "string"){
if(!(formats2.test(data4))){
const err11 = {instancePath:instancePath+"/response_url",schemaPath:"#/properties/response_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/response_url",schemaPath:"#/properties/response_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":{"request_id":true,"status":true,"poll_url":true,"status_url":true,"response_url":true},"dynamicProps":false,"dynamicItems":false};

export const validateSeconds = validate26;
const schema37 = {"type":"number","minimum":0,"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [AE]","quote":"inference_time, queue_time, total_time (seconds)"},"minimum":{"basis":"assumed","why":"a duration; no source says it is never negative"}}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if((typeof data == "number") && (isFinite(data))){
if(data < 0 || isNaN(data)){
const err0 = {instancePath,schemaPath:"#/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const validatePartialMetrics = validate27;
const schema38 = {"description":"Metrics while running or when failed: timings only, never billing fields. x-source: reference §1.5 (422 body has no cost), §2.2.","type":"object","x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§1.5 [AE]","quote":"no cost/remaining_credits"}},"properties":{"inference_time":{"$ref":"#/$defs/Seconds"},"queue_time":{"$ref":"#/$defs/Seconds"},"total_time":{"$ref":"#/$defs/Seconds"},"retry_count":{"type":"integer","minimum":1,"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [AE]","quote":"retry_count (“present only when a retry occurred”)"},"minimum":{"basis":"assumed","why":"present only when a retry occurred, so at least 1; no source gives its range"}}},"cost":false,"remaining_credits":false}};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.inference_time !== undefined){
let data0 = data.inference_time;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err0 = {instancePath:instancePath+"/inference_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/inference_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.queue_time !== undefined){
let data1 = data.queue_time;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err2 = {instancePath:instancePath+"/queue_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/queue_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.total_time !== undefined){
let data2 = data.total_time;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err4 = {instancePath:instancePath+"/total_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/total_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.retry_count !== undefined){
let data3 = data.retry_count;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err6 = {instancePath:instancePath+"/retry_count",schemaPath:"#/properties/retry_count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err7 = {instancePath:instancePath+"/retry_count",schemaPath:"#/properties/retry_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.cost !== undefined){
const err8 = {instancePath:instancePath+"/cost",schemaPath:"#/properties/cost/false schema",keyword:"false schema",params:{},message:"boolean schema is false"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.remaining_credits !== undefined){
const err9 = {instancePath:instancePath+"/remaining_credits",schemaPath:"#/properties/remaining_credits/false schema",keyword:"false schema",params:{},message:"boolean schema is false"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":{"inference_time":true,"queue_time":true,"total_time":true,"retry_count":true,"cost":true,"remaining_credits":true},"dynamicProps":false,"dynamicItems":false};

export const validateResultMetrics = validate28;
const schema42 = {"description":"x-source: reference §2.3 [AE data-model] (seconds and credits; retry_count only when a retry occurred).","type":"object","required":["inference_time","queue_time","total_time","cost","remaining_credits"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [AE]","quote":"metrics keys: inference_time, queue_time, total_time (seconds), cost, remaining_credits (credits)"}},"properties":{"inference_time":{"$ref":"#/$defs/Seconds"},"queue_time":{"$ref":"#/$defs/Seconds"},"total_time":{"$ref":"#/$defs/Seconds"},"cost":{"type":"number","minimum":0,"x-infercheck-basis":{"minimum":{"basis":"assumed","why":"a charge; no source says it is never negative"}}},"remaining_credits":{"type":"number"},"retry_count":{"type":"integer","minimum":1,"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [AE]","quote":"retry_count (“present only when a retry occurred”)"},"minimum":{"basis":"assumed","why":"present only when a retry occurred, so at least 1; no source gives its range"}}}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.inference_time === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "inference_time"},message:"must have required property '"+"inference_time"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.queue_time === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "queue_time"},message:"must have required property '"+"queue_time"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.total_time === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total_time"},message:"must have required property '"+"total_time"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.cost === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cost"},message:"must have required property '"+"cost"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.remaining_credits === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "remaining_credits"},message:"must have required property '"+"remaining_credits"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.inference_time !== undefined){
let data0 = data.inference_time;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err5 = {instancePath:instancePath+"/inference_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/inference_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.queue_time !== undefined){
let data1 = data.queue_time;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/queue_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/queue_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.total_time !== undefined){
let data2 = data.total_time;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err9 = {instancePath:instancePath+"/total_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/total_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.cost !== undefined){
let data3 = data.cost;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err11 = {instancePath:instancePath+"/cost",schemaPath:"#/properties/cost/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/cost",schemaPath:"#/properties/cost/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.remaining_credits !== undefined){
let data4 = data.remaining_credits;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err13 = {instancePath:instancePath+"/remaining_credits",schemaPath:"#/properties/remaining_credits/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.retry_count !== undefined){
let data5 = data.retry_count;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err14 = {instancePath:instancePath+"/retry_count",schemaPath:"#/properties/retry_count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 1 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/retry_count",schemaPath:"#/properties/retry_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":{"inference_time":true,"queue_time":true,"total_time":true,"cost":true,"remaining_credits":true,"retry_count":true},"dynamicProps":false,"dynamicItems":false};

export const validatePendingStatus = validate29;
const schema46 = {"description":"QUEUED or PROCESSING. x-source: reference §2.2 (example while processing).","type":"object","required":["status","request_id"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.2 [DOCS-ASYNC]","quote":"{ \"status\": \"QUEUED\", \"request_id\": \"2c7f59ea-...\","}},"properties":{"status":{"type":"string","enum":["QUEUED","PROCESSING"],"x-infercheck-basis":{"enum":{"basis":"documented","source":"seed-scifi","where":"Status states","quote":"QUEUED Accepted, waiting for a worker PROCESSING Running on a worker"}}},"request_id":{"type":"string","format":"uuid"},"status_url":{"type":"string","format":"uri"},"response_url":{"type":"string","format":"uri"},"metrics":{"$ref":"#/$defs/PartialMetrics","x-infercheck-basis":{"*":{"basis":"assumed","source":"reference","where":"§2.2 [DOCS-ASYNC]","quote":"\"response_url\": \"https://api.segmind.com/v2/requests/2c7f59ea-...\", \"metrics\": {} }","why":"the example while queued shows empty metrics; that billing fields never appear before COMPLETED is inferred"}}}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.request_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "request_id"},message:"must have required property '"+"request_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((data0 === "QUEUED") || (data0 === "PROCESSING"))){
const err3 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema46.properties.status.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.request_id !== undefined){
let data1 = data.request_id;
if(typeof data1 === "string"){
if(!(formats0.test(data1))){
const err4 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.status_url !== undefined){
let data2 = data.status_url;
if(typeof data2 === "string"){
if(!(formats2.test(data2))){
const err6 = {instancePath:instancePath+"/status_url",schemaPath:"#/properties/status_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/status_url",schemaPath:"#/properties/status_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.response_url !== undefined){
let data3 = data.response_url;
if(typeof data3 === "string"){
if(!(formats2.test(data3))){
const err8 = {instancePath:instancePath+"/response_url",schemaPath:"#/properties/response_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/response_url",schemaPath:"#/properties/response_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.metrics !== undefined){
if(!(validate27(data.metrics, {instancePath:instancePath+"/metrics",parentData:data,parentDataProperty:"metrics",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":{"status":true,"request_id":true,"status_url":true,"response_url":true,"metrics":true},"dynamicProps":false,"dynamicItems":false};

export const validateCompletedStatus = validate31;
const schema47 = {"description":"x-source: reference §2.2 (example when done).","type":"object","required":["status","request_id","metrics"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.2 [DOCS-ASYNC]","quote":"{ \"status\": \"COMPLETED\", \"request_id\": \"2c7f59ea-...\", \"metrics\": { \"inference_time\": 13.06 } }"}},"properties":{"status":{"const":"COMPLETED"},"request_id":{"type":"string","format":"uuid"},"status_url":{"type":"string","format":"uri"},"response_url":{"type":"string","format":"uri"},"metrics":{"type":"object","required":["inference_time"],"properties":{"inference_time":{"$ref":"#/$defs/Seconds"},"queue_time":{"$ref":"#/$defs/Seconds"},"total_time":{"$ref":"#/$defs/Seconds"},"cost":{"type":"number","minimum":0},"remaining_credits":{"type":"number"}}}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.request_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "request_id"},message:"must have required property '"+"request_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metrics === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metrics"},message:"must have required property '"+"metrics"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.status !== undefined){
if("COMPLETED" !== data.status){
const err3 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: "COMPLETED"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.request_id !== undefined){
let data1 = data.request_id;
if(typeof data1 === "string"){
if(!(formats0.test(data1))){
const err4 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.status_url !== undefined){
let data2 = data.status_url;
if(typeof data2 === "string"){
if(!(formats2.test(data2))){
const err6 = {instancePath:instancePath+"/status_url",schemaPath:"#/properties/status_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/status_url",schemaPath:"#/properties/status_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.response_url !== undefined){
let data3 = data.response_url;
if(typeof data3 === "string"){
if(!(formats2.test(data3))){
const err8 = {instancePath:instancePath+"/response_url",schemaPath:"#/properties/response_url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/response_url",schemaPath:"#/properties/response_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.metrics !== undefined){
let data4 = data.metrics;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.inference_time === undefined){
const err10 = {instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/required",keyword:"required",params:{missingProperty: "inference_time"},message:"must have required property '"+"inference_time"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data4.inference_time !== undefined){
let data5 = data4.inference_time;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/metrics/inference_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/metrics/inference_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data4.queue_time !== undefined){
let data6 = data4.queue_time;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err13 = {instancePath:instancePath+"/metrics/queue_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/metrics/queue_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data4.total_time !== undefined){
let data7 = data4.total_time;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err15 = {instancePath:instancePath+"/metrics/total_time",schemaPath:"#/$defs/Seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/metrics/total_time",schemaPath:"#/$defs/Seconds/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data4.cost !== undefined){
let data8 = data4.cost;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err17 = {instancePath:instancePath+"/metrics/cost",schemaPath:"#/properties/metrics/properties/cost/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/metrics/cost",schemaPath:"#/properties/metrics/properties/cost/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data4.remaining_credits !== undefined){
let data9 = data4.remaining_credits;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err19 = {instancePath:instancePath+"/metrics/remaining_credits",schemaPath:"#/properties/metrics/properties/remaining_credits/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":{"status":true,"request_id":true,"status_url":true,"response_url":true,"metrics":true},"dynamicProps":false,"dynamicItems":false};

export const validateStatusResponse = validate32;
const schema51 = {"description":"A 200 from the status endpoint.","type":"object","required":["status"],"x-infercheck-basis":{"*":{"basis":"documented","source":"seed-scifi","where":"Status states","quote":"QUEUED Accepted, waiting for a worker PROCESSING Running on a worker COMPLETED Done — result body is ready"}},"properties":{"status":{"type":"string"}},"oneOf":[{"$ref":"#/$defs/PendingStatus"},{"$ref":"#/$defs/CompletedStatus"}],"discriminator":{"propertyName":"status"}};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.status !== undefined){
if(typeof data.status !== "string"){
const err1 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
const tag0 = data.status;
if(typeof tag0 == "string"){
if(tag0 === "QUEUED"){
if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
var props0 = {};
props0.status = true;
props0.request_id = true;
props0.status_url = true;
props0.response_url = true;
props0.metrics = true;
}
else if(tag0 === "PROCESSING"){
if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
if(props0 !== true){
props0 = props0 || {};
props0.status = true;
props0.request_id = true;
props0.status_url = true;
props0.response_url = true;
props0.metrics = true;
}
}
else if(tag0 === "COMPLETED"){
if(!(validate31(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
if(props0 !== true){
props0 = props0 || {};
props0.status = true;
props0.request_id = true;
props0.status_url = true;
props0.response_url = true;
props0.metrics = true;
}
}
else {
const err2 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "status", tagValue: tag0},message:"value of tag \"status\" must be in oneOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "status", tagValue: tag0},message:"tag \"status\" must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate32.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate32.evaluated = {"dynamicProps":true,"dynamicItems":false};

export const validateFailedResponse = validate36;
const schema52 = {"description":"A FAILED job, served as 422 on both v2 GETs. x-source: seed-scifi; reference §1.5, §2.2 (body), §2.5 (content-policy blocks).","type":"object","required":["status","error"],"x-infercheck-basis":{"*":{"basis":"documented","source":"seed-scifi","where":"Status states","quote":"A FAILED request is served as HTTP 422 — the body still carries the error detail."}},"properties":{"status":{"const":"FAILED"},"error":{"type":"string","minLength":1},"request_id":{"type":"string","format":"uuid"},"metrics":{"$ref":"#/$defs/PartialMetrics"}}};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.error === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.status !== undefined){
if("FAILED" !== data.status){
const err2 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: "FAILED"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.error !== undefined){
let data1 = data.error;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err3 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.request_id !== undefined){
let data2 = data.request_id;
if(typeof data2 === "string"){
if(!(formats0.test(data2))){
const err5 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metrics !== undefined){
if(!(validate27(data.metrics, {instancePath:instancePath+"/metrics",parentData:data,parentDataProperty:"metrics",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":{"status":true,"error":true,"request_id":true,"metrics":true},"dynamicProps":false,"dynamicItems":false};

export const validateImageObject = validate38;
const schema53 = {"description":"A generated image. x-source: reference §2.3 [AE data-model] {url, content_type, file_name, file_size}.","type":"object","required":["url","content_type"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [AE]","quote":"images[] of media objects {url, content_type, file_name, file_size}"}},"properties":{"url":{"type":"string","format":"uri"},"content_type":{"type":"string","const":"image/jpeg","x-infercheck-basis":{"const":{"basis":"assumed","why":"the notes name the field, not its value; v1 answers image/jpeg (reference §1.3), so v2 images are assumed to be JPEGs too"}}},"file_name":{"type":"string"},"file_size":{"description":"Bytes of the image at url. A second-hand source types it as a string; both forms are accepted.","anyOf":[{"type":"string","pattern":"^[1-9][0-9]*$"},{"type":"integer","minimum":1}],"x-infercheck-basis":{"*":{"basis":"assumed","source":"reference","where":"§2.3","quote":"Exact image example JSON was not retrievable → field list is second-hand","why":"neither its type nor its form is documented: a string or an integer count of bytes is assumed"}}}}};
const pattern4 = new RegExp("^[1-9][0-9]*$", "u");

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate38.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.url === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.content_type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content_type"},message:"must have required property '"+"content_type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.url !== undefined){
let data0 = data.url;
if(typeof data0 === "string"){
if(!(formats2.test(data0))){
const err2 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.content_type !== undefined){
let data1 = data.content_type;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/content_type",schemaPath:"#/properties/content_type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if("image/jpeg" !== data1){
const err5 = {instancePath:instancePath+"/content_type",schemaPath:"#/properties/content_type/const",keyword:"const",params:{allowedValue: "image/jpeg"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.file_name !== undefined){
if(typeof data.file_name !== "string"){
const err6 = {instancePath:instancePath+"/file_name",schemaPath:"#/properties/file_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.file_size !== undefined){
let data3 = data.file_size;
const _errs8 = errors;
let valid1 = false;
const _errs9 = errors;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err7 = {instancePath:instancePath+"/file_size",schemaPath:"#/properties/file_size/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*$"},message:"must match pattern \""+"^[1-9][0-9]*$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/file_size",schemaPath:"#/properties/file_size/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid1 = valid1 || _valid0;
const _errs11 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err9 = {instancePath:instancePath+"/file_size",schemaPath:"#/properties/file_size/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 1 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/file_size",schemaPath:"#/properties/file_size/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err11 = {instancePath:instancePath+"/file_size",schemaPath:"#/properties/file_size/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate38.errors = vErrors;
return errors === 0;
}
validate38.evaluated = {"props":{"url":true,"content_type":true,"file_name":true,"file_size":true},"dynamicProps":false,"dynamicItems":false};

export const validateCompletedResult = validate39;
const schema54 = {"description":"x-source: reference §2.3 (output always present; images[] for image models), §4.3 (SDK fixture has error null).","type":"object","required":["status","output","metrics"],"x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [DOCS-ASYNC]","quote":"The output field is always present across all modalities for backward compatibility"}},"properties":{"status":{"const":"COMPLETED"},"request_id":{"type":"string","format":"uuid"},"error":{"type":"null","x-infercheck-basis":{"type":{"basis":"assumed","source":"reference","where":"§2.3 [SDK tests]","quote":"SDK test fixture: {\"status\":\"COMPLETED\",\"error\":null,","why":"a test fixture, not a document: no source gives error on success"}}},"output":{"description":"URL of the first generated image (reference §2.3 [DOCS-SDK]).","type":"string","format":"uri","x-infercheck-basis":{"*":{"basis":"documented","source":"reference","where":"§2.3 [DOCS-SDK]","quote":"URL to the generated image"}}},"images":{"type":"array","minItems":1,"maxItems":4,"items":{"$ref":"#/$defs/ImageObject"},"x-infercheck-basis":{"minItems":{"basis":"assumed","why":"one entry per sample (samples 1 - 4) is inferred: the second-hand field list gives no count"},"maxItems":{"basis":"assumed","why":"one entry per sample (samples 1 - 4) is inferred: the second-hand field list gives no count"}}},"seed":{"type":"integer","x-infercheck-basis":{"type":{"basis":"assumed","source":"reference","where":"§2.3 [AE]","quote":"also seed, prompt, timings, grounding","why":"named second-hand, without a type"}}},"metrics":{"$ref":"#/$defs/ResultMetrics"}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.output === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "output"},message:"must have required property '"+"output"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metrics === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metrics"},message:"must have required property '"+"metrics"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.status !== undefined){
if("COMPLETED" !== data.status){
const err3 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: "COMPLETED"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.request_id !== undefined){
let data1 = data.request_id;
if(typeof data1 === "string"){
if(!(formats0.test(data1))){
const err4 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/request_id",schemaPath:"#/properties/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.error !== undefined){
if(data.error !== null){
const err6 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.output !== undefined){
let data3 = data.output;
if(typeof data3 === "string"){
if(!(formats2.test(data3))){
const err7 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.images !== undefined){
let data4 = data.images;
if(Array.isArray(data4)){
if(data4.length > 4){
const err9 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/maxItems",keyword:"maxItems",params:{limit: 4},message:"must NOT have more than 4 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data4.length < 1){
const err10 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.url === undefined){
const err11 = {instancePath:instancePath+"/images/" + i0,schemaPath:"#/$defs/ImageObject/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5.content_type === undefined){
const err12 = {instancePath:instancePath+"/images/" + i0,schemaPath:"#/$defs/ImageObject/required",keyword:"required",params:{missingProperty: "content_type"},message:"must have required property '"+"content_type"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data5.url !== undefined){
let data6 = data5.url;
if(typeof data6 === "string"){
if(!(formats2.test(data6))){
const err13 = {instancePath:instancePath+"/images/" + i0+"/url",schemaPath:"#/$defs/ImageObject/properties/url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/images/" + i0+"/url",schemaPath:"#/$defs/ImageObject/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.content_type !== undefined){
let data7 = data5.content_type;
if(typeof data7 !== "string"){
const err15 = {instancePath:instancePath+"/images/" + i0+"/content_type",schemaPath:"#/$defs/ImageObject/properties/content_type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if("image/jpeg" !== data7){
const err16 = {instancePath:instancePath+"/images/" + i0+"/content_type",schemaPath:"#/$defs/ImageObject/properties/content_type/const",keyword:"const",params:{allowedValue: "image/jpeg"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data5.file_name !== undefined){
if(typeof data5.file_name !== "string"){
const err17 = {instancePath:instancePath+"/images/" + i0+"/file_name",schemaPath:"#/$defs/ImageObject/properties/file_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.file_size !== undefined){
let data9 = data5.file_size;
const _errs20 = errors;
let valid5 = false;
const _errs21 = errors;
if(typeof data9 === "string"){
if(!pattern4.test(data9)){
const err18 = {instancePath:instancePath+"/images/" + i0+"/file_size",schemaPath:"#/$defs/ImageObject/properties/file_size/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*$"},message:"must match pattern \""+"^[1-9][0-9]*$"+"\""};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/images/" + i0+"/file_size",schemaPath:"#/$defs/ImageObject/properties/file_size/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid0 = _errs21 === errors;
valid5 = valid5 || _valid0;
const _errs23 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err20 = {instancePath:instancePath+"/images/" + i0+"/file_size",schemaPath:"#/$defs/ImageObject/properties/file_size/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
const err21 = {instancePath:instancePath+"/images/" + i0+"/file_size",schemaPath:"#/$defs/ImageObject/properties/file_size/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid0 = _errs23 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const err22 = {instancePath:instancePath+"/images/" + i0+"/file_size",schemaPath:"#/$defs/ImageObject/properties/file_size/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err23 = {instancePath:instancePath+"/images/" + i0,schemaPath:"#/$defs/ImageObject/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.seed !== undefined){
let data10 = data.seed;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err25 = {instancePath:instancePath+"/seed",schemaPath:"#/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.metrics !== undefined){
if(!(validate28(data.metrics, {instancePath:instancePath+"/metrics",parentData:data,parentDataProperty:"metrics",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":{"status":true,"request_id":true,"error":true,"output":true,"images":true,"seed":true,"metrics":true},"dynamicProps":false,"dynamicItems":false};

export const validateResultResponse = validate41;
const schema56 = {"description":"A 200 from the result endpoint.","type":"object","required":["status"],"x-infercheck-basis":{"*":{"basis":"documented","source":"seed-scifi","where":"Asynchronous requests (v2)","quote":"GET /v2/requests/{id} Result final response body"}},"properties":{"status":{"type":"string"}},"oneOf":[{"$ref":"#/$defs/PendingStatus","x-infercheck-basis":{"*":{"basis":"assumed","source":"reference","where":"§2.3 [SDK]","quote":"COMPLETED ⇒ GET result and return it","why":"what the result endpoint answers before the job is terminal is not documented (conflict result-before-completion)"}}},{"$ref":"#/$defs/CompletedResult"}],"discriminator":{"propertyName":"status"}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.status !== undefined){
if(typeof data.status !== "string"){
const err1 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
const tag0 = data.status;
if(typeof tag0 == "string"){
if(tag0 === "QUEUED"){
if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
var props0 = {};
props0.status = true;
props0.request_id = true;
props0.status_url = true;
props0.response_url = true;
props0.metrics = true;
}
else if(tag0 === "PROCESSING"){
if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
if(props0 !== true){
props0 = props0 || {};
props0.status = true;
props0.request_id = true;
props0.status_url = true;
props0.response_url = true;
props0.metrics = true;
}
}
else if(tag0 === "COMPLETED"){
if(!(validate39(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
if(props0 !== true){
props0 = props0 || {};
props0.status = true;
props0.request_id = true;
props0.error = true;
props0.output = true;
props0.images = true;
props0.seed = true;
props0.metrics = true;
}
}
else {
const err2 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "status", tagValue: tag0},message:"value of tag \"status\" must be in oneOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "status", tagValue: tag0},message:"tag \"status\" must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate41.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate41.evaluated = {"dynamicProps":true,"dynamicItems":false};
