import { createTheme, Modal, Notification, type MantineColorsTuple } from '@mantine/core';

/*
 * The app's one theme. Every colour a person reads text on, or reads as text, passes WCAG 2.1 AA
 * (4.5:1): white on a filled button or badge (shade 8 of every palette below), a light button's
 * or badge's text (shade 9) on its tint (shade 1), and secondary text (gray 6) on white and on
 * the light grey of striped rows. Mantine's own shades 6 to 9 of teal, green, orange and cyan,
 * and its gray 6, are too light for that, so those are darkened here; the light shades stay
 * Mantine's. The accessibility end-to-end test checks every screen against it with axe-core.
 */
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0f9f74', '#0c8e67', '#0a7d5c', '#08684c'];
const green: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#37a14b', '#308a42', '#2b7a3b', '#1f6b30'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#e8590c', '#cc4d0b', '#b8430c', '#a33a0a'];
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#e03131', '#d42d2d', '#c92a2a', '#a61e1e'];
const cyan: MantineColorsTuple = ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#1098ad', '#0c8599', '#0b7285', '#095c6b'];
const gray: MantineColorsTuple = ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5c636a', '#495057', '#343a40', '#212529'];

export const theme = createTheme({
  primaryColor: 'teal',
  // Filled buttons and badges take shade 8: white text on it passes 4.5:1 in every palette.
  primaryShade: { light: 8, dark: 8 },
  colors: { teal, green, orange, red, cyan, gray },
  // A colour someone adds later that is too light for white text gets dark text instead.
  autoContrast: true,
  luminanceThreshold: 0.3,
  // Dialogs and menus appear at once for those who asked their system for less motion.
  respectReducedMotion: true,
  components: {
    // The ✕ of every dialog says what it does to a screen reader.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});
