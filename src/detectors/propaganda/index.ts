export { createPropagandaDetector, type PropagandaDetectorOptions } from './detector.js';
export { createLexicon, defaultPropagandaLexicon, loadLexiconEntries, type Lexicon, type LexiconEntry, type LexiconHit } from './lexicons.js';
export { defaultPropagandaModel, unpackModel, type PropagandaModel } from './model.js';
export { TECHNIQUES, TECHNIQUE_LABELS, isTechnique, type Technique } from './techniques.js';
