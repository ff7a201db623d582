/**
 * Scoring of extractions against gold files written to corpus/GUIDELINES.md, exactly as corpus/score.py
 * scores them: {@link org.frontline.extract.eval.Scorer} computes an {@link org.frontline.extract.eval.EvalReport}.
 */
package org.frontline.extract.eval;
