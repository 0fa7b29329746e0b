/**
 * The renderer loads nothing from elsewhere: scripts only from this origin, no eval, no framing
 * of it, and frames only of the blob URLs it makes itself (a document's PDF).
 * Styles allow inline because the component library sets CSS variables in style attributes.
 * Frames show only PDFs the page made itself (blob:), never another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // A patient's PDF is shown in a frame from a blob URL the page made of the bytes the core returned.
  "frame-src blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // A printed prescription opens in a frame of the PDF the page itself made (a blob of this origin).
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
