// What other modules may use of the medicines module's screens.
export { MedicinePicker } from './MedicinePicker.tsx';
export { ProductFlags, ProductLine } from './ProductLine.tsx';
export { formatMinor, useClinicMoney } from './money.ts';
