export { createHateDetector, HATE_LABELS, type HateDetectorOptions } from './detector.js';
export { classifyPost, type PostDecision } from './post.js';
export { HATE_CLASSES, type HateClass, type HateModel } from './model.js';
