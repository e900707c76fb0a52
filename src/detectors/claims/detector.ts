import { UnspinError } from '../../core/errors.js';
import type { Detector, DetectorFinding } from '../detector.js';
import { classifySentences } from './classify.js';
import { defaultCues, type CompiledCue } from './cues.js';
import { defaultClaimModel, type ClaimModel } from './model.js';
import { createPartExtractor, type PartExtractor } from './parts/index.js';

export interface ClaimsDetectorOptions {
  /** The trained model; models/claims.bin when omitted (read on first use). */
  model?: ClaimModel;
  cues?: readonly CompiledCue[];
  parts?: PartExtractor;
  /** Probability from which a sentence is reported; the model's tuned threshold when omitted. */
  threshold?: number;
}

export const CLAIM_LABEL = 'checkworthy';

/**
 * Check-worthy claims: sentences that assert something a fact-checker can verify, scored by
 * the trained model and ruled out when they are questions, predictions or have nothing to check.
 * Each finding carries its parts (dates, numbers, people, organisations, places, outlets).
 */
export function createClaimsDetector(options: ClaimsDetectorOptions = {}): Detector {
  if (options.threshold !== undefined && !(options.threshold >= 0 && options.threshold <= 1)) {
    throw new UnspinError('USAGE', `claims detector: threshold ${options.threshold} is not between 0 and 1`);
  }
  // Resources load on the first document, so building the default detector list stays cheap.
  let resources: { model: ClaimModel; cues: readonly CompiledCue[]; parts: PartExtractor; threshold: number } | undefined;
  const load = () => {
    if (!resources) {
      const model = options.model ?? defaultClaimModel();
      resources = { model, cues: options.cues ?? defaultCues(), parts: options.parts ?? createPartExtractor(), threshold: options.threshold ?? model.header.threshold };
    }
    return resources;
  };

  return {
    name: 'claims',
    kind: 'claim',
    labels: [{ label: CLAIM_LABEL, definition: 'Asserts something a fact-checker can verify: an event with a time or place, a number, a cause attributed to named actors, or what a law or institution did.' }],
    detect(doc) {
      const { model, cues, parts, threshold } = load();
      const findings: DetectorFinding[] = [];
      for (const verdict of classifySentences(doc, { model, cues, parts, threshold, explain: 'text' })) {
        if (verdict.ruledOut !== null) continue;
        const { span } = verdict;
        findings.push({
          kind: 'claim',
          label: CLAIM_LABEL,
          start: span.start,
          end: span.end,
          text: doc.text.slice(span.start, span.end),
          score: Math.round(verdict.probability * 1000) / 1000,
          explanation: verdict.explanation!,
          model: `${model.header.name}@${model.header.version}`,
          parts: verdict.parts,
        });
      }
      return findings;
    },
  };
}
