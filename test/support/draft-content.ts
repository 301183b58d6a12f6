import type { DraftContent } from '../../src/store/notices.js';

/** A draft's content with nothing read from the notice but what a test gives. */
export function draftContentWith(given: Partial<DraftContent>): DraftContent {
  return {
    number: null,
    issuer: null,
    issuedOn: null,
    meetingOn: null,
    title: null,
    signer: null,
    recipients: [],
    warnings: [],
    sourceFileName: null,
    locality: null,
    addressee: [],
    expansions: [],
    directives: [],
    schedules: [],
    ...given,
  };
}
