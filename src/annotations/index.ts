/** Public API of the annotations core: records, the W3C exchange format, export and import. */

export * from '../model/annotation.ts';
export * from './csv.ts';
export * from './export.ts';
export * from './import.ts';
export * from './orphans.ts';
export { checkAnnotation, checkAnnotationDocument, jsonPath, type ValidationProblem } from './validate.ts';
export * from './w3c.ts';
