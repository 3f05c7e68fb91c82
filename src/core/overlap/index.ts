/** Overlap between two or three segments: the regions as compound documents, and their counts through any provider. */
export * from './regions.js';
export * from './compute.js';
