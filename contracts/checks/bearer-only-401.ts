import { expectedStatusCheck } from './expected-status.ts';

// reference §1.1 and spec conflict bearer-auth: x-api-key is the only scheme, although Segmind's llms.txt says Bearer.
// The documents disagree, so a vendor that takes the key as a Bearer token breaks an assumption: a finding.
export const bearerOnly401 = expectedStatusCheck({
  id: 'bearer-only-401',
  title: 'A key sent only as Authorization: Bearer gets 401',
  intent: 'bearer-only',
  status: 401,
  envelope: 'required',
  why: 'a key sent only as Authorization: Bearer',
  sampleFailure: 'POST /v1/sd1.5-epicrealism → 200: a key sent only as Authorization: Bearer must answer 401, got 200',
  rule: {
    basis: 'assumed',
    source: 'reference',
    where: '§1.1 [AE]',
    quote: 'the same key sent as Authorization: Bearer is rejected with 401',
    why: 'Segmind’s own llms.txt says “Bearer token” (reference §1.1): the documents disagree (conflict bearer-auth)',
  },
});
