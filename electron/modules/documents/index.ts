// What other modules and the core may use of the documents module.
export { blobPathIn, documentsDirIn, readBlob } from './blob-store.ts';
export { DEFAULT_PREFETCH_MAX_BYTES, prefetchLimitBytes, setPrefetchLimitBytes } from './prefetch-setting.ts';
