// What other modules and the core may use of the dispensing module: the sales core writes the
// controlled register with its own sales, in its own transaction.
export { recordControlledSupply, type ControlledSupply } from './controlled-register.ts';
