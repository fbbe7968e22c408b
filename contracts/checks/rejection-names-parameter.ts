import { finding, jsonObject } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// The spec's 400 says "the message names the parameter": a CI log that says only "Bad Request" costs someone an
// afternoon. The pages promise "detailed error messages", not that they name the parameter: an assumption.
export const rejectionNamesParameter: CheckDefinition<'generation'> = {
  id: 'rejection-names-parameter',
  title: "A 400 for a bad parameter names that parameter",
  family: 'parameters',
  severity: 'minor',
  subject: 'generation',
  applies: (_ctx, subject) =>
    subject.case.boundary?.expect === 'reject' && subject.first.response?.status === 400 && typeof jsonObject(subject.first)?.['error'] === 'string',
  run: (_ctx, subject) => {
    const parameter = subject.case.boundary!.parameter;
    const message = jsonObject(subject.first)!['error'] as string;
    if (message.toLowerCase().includes(parameter.toLowerCase())) return undefined;
    return finding(`${subject.api}: the 400 for ${parameter} says "${message.slice(0, 120)}", which does not name ${parameter}`, `${subject.api}:${parameter}`, subject.first);
  },
  sampleFailure: 'v2: the 400 for guidance_scale says "Bad Request", which does not name guidance_scale',
  rules: {
    main: { basis: 'assumed', source: 'seed-scifi', where: 'Common Error Codes', quote: 'Detailed error messages are provided in the response body.', why: 'a detailed message need not name the parameter; infercheck asks it to' },
  },
};
