import { addBillableSource } from '../consultation/index.ts';
import { defineCoreModule } from '../define.ts';
import { orderBillables } from './billing.ts';
import { ordersHandlers } from './handlers.ts';

// A completed encounter bills the tests it ordered, in the completion's transaction.
addBillableSource(orderBillables);

export const ordersCoreModule = defineCoreModule({ name: 'orders', handlers: ordersHandlers });
