/**
 * Page furniture that extraction lets through: bylines, credits, image names, notices, section
 * headings. None of it is ever a claim, whatever the text model thinks of its words. The rules are
 * generic (no site's wording) so they hold on pages we have never seen.
 */

const NOTICE =
  /\b(?:reCAPTCHA|cookies?|privacy policy|terms of (?:service|use)|all rights reserved|newsletter|subscribe|sign up|sign in|log in|scroll to top|back to top|read more|click here|share this|advertisement|sponsored content|follow us|download the app|javascript|your browser)\b|©|\bcopyright\b/i;
const CREDIT =
  /(?:^|[\s(])(?:PHOTO|PHOTOS|IMAGE|CREDIT|Photo|Image|Credit|Photograph)\s*(?:by)?\s*:|\b(?:Getty Images|AFP via|Shutterstock|Reuters\/|AP Photo)\b|^\s*\/\s*\S/;
const IMAGE_NAME = /^\S*\.(?:jpe?g|png|gif|webp|svg|avif)$|^\S+[-_]\d+\.?$|^(?:jpe?g|png|gif|webp)$/i;
const BYLINE = /^(?:by|written by|reporting by|edited by)\s+\p{Lu}/iu;
const DATE_LINE =
  /^(?:(?:published|updated|posted)\s*:?\s*)?(?:\w+day,?\s+)?(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}(?:,?\s+\d{4})?(?:\s+\d{1,2}:\d{2}.*)?$/i;
const LABEL_LINE =
  /^(?:Author Image|Image|Photo|Video|Audio|Gallery|Share|Comments?|Related|Advertisement|Listen|Menu|Close|Dismiss)$/i;

/**
 * Why a block is page furniture, or null when it is prose. Works on the whole block: a caption that
 * ends in a photo credit is furniture in every one of its sentences.
 */
export function boilerplateBlock(block: string): string | null {
  const t = block.trim();
  if (!t) return 'empty';
  if (NOTICE.test(t) && t.split(/\s+/).length < 40) return 'notice';
  if (CREDIT.test(t)) return 'credit';
  if (IMAGE_NAME.test(t)) return 'image';
  if (BYLINE.test(t) && t.split(/\s+/).length <= 12) return 'byline';
  if (DATE_LINE.test(t)) return 'date';
  if (LABEL_LINE.test(t)) return 'label';
  return null;
}

/**
 * Why a sentence cannot be a claim on its own, or null. A headline-like line (no final punctuation,
 * short, no figures) is a heading that extraction tagged as a paragraph; a handful of capitalised
 * words with no verb is a name, an outlet or a label.
 */
export function boilerplateSentence(text: string, tags: readonly string[]): string | null {
  const t = text.trim();
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 4) return 'fragment';
  if (IMAGE_NAME.test(t)) return 'image';
  if (/^\s*[/|]/.test(t)) return 'credit';
  const hasVerb = tags.some((p) => p === 'VERB' || p === 'AUX');
  if (!hasVerb) return 'no-verb';
  if (!/[.!?:;"”’)]\s*$/.test(t) && !/\d/.test(t) && words.length <= 15) return 'heading';
  if (/\|/.test(t) && !/[.!?]\s*$/.test(t)) return 'heading';
  return null;
}
