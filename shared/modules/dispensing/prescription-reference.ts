// A code scanned at the Dispense screen is either the QR code of a prescription (its reference,
// RFC01-R1234, or a provisional RFC01-R-PROV3-15 printed offline) or a pack of a medicine.

const PRESCRIPTION_REFERENCE = /^[A-Z0-9]{2,12}-R(?:\d{1,9}|-PROV\d{1,6}-\d{1,9})$/;

export function isPrescriptionReference(code: string): boolean {
  return PRESCRIPTION_REFERENCE.test(code.replace(/\s+/g, '').toUpperCase());
}
