export { createClaimsDetector, CLAIM_LABEL, type ClaimsDetectorOptions } from './detector.js';
export { classifySentences, type SentenceVerdict } from './classify.js';
export { defaultClaimModel, decodeModel, encodeModel, type ClaimModel } from './model.js';
export { createPartExtractor, type PartExtractor } from './parts/index.js';
