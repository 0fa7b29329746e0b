import { z } from 'zod';

// The protocol of content-addressed blobs (SYNC.md §8): a workstation uploads a file's bytes after
// the row naming it went up, and another fetches them when someone opens it. The bytes travel as
// base64 in JSON, like every other request, within the hub's body limit.

export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'A blob is named by its SHA-256 in lowercase hex' });

export const blobUploadRequestSchema = z.object({ hash: blobHashSchema, contentBase64: z.string().min(1) }).strict();
export type BlobUploadRequest = z.infer<typeof blobUploadRequestSchema>;
export const blobUploadResponseSchema = z.object({ stored: z.literal(true) });

export const blobDownloadRequestSchema = z.object({ hash: blobHashSchema }).strict();
export const blobDownloadResponseSchema = z.object({ hash: blobHashSchema, contentBase64: z.string() });
export type BlobDownload = z.infer<typeof blobDownloadResponseSchema>;
