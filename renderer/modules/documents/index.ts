// What other modules may use of the documents screens.
export { documentScreens } from './module.tsx';
