/** A PDF the core sent as base64, as an address the page can show in a frame or save. */
export function pdfUrlOf(pdfBase64: string): string {
  const bytes = Uint8Array.from(atob(pdfBase64), (character) => character.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}
