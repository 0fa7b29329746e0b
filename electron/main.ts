import { app, BrowserWindow, dialog, net, protocol, session, type WebFrameMain } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from './core.ts';
import { DatabaseRefusedError } from './db/migration-plan.ts';
import { seedDemo } from './demo/seed.ts';
import { registerIpc } from './ipc.ts';
import { createLogger } from './platform/logger.ts';
import { sourcePaths } from './platform/paths.ts';
import { CONTENT_SECURITY_POLICY } from './web/security-headers.ts';

// The desktop shell: a window over the core. Everything it calls is plain Node, tested without Electron.

const log = createLogger('electron-main');
const APP_ORIGIN = 'app://clinic';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && new URL(frame.url).origin === APP_ORIGIN;
}

/** Serves the built renderer from app://clinic/, refusing any path outside it. */
function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(rendererDir, relative));
    if (url.host !== 'clinic' || !file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'Clinic Desk',
    show: false,
    webPreferences: {
      preload: join(sourcePaths.electronDist, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Chromium's own PDF viewer, for a patient's documents shown in a frame.
      plugins: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<Core> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const core = await createCore({ dataDir: app.getPath('userData'), appVersion: app.getVersion() });
  if (process.argv.includes('--demo')) await seedDemo(core);
  core.startBackground();
  serveRenderer(sourcePaths.rendererDist);
  registerIpc(core, isTrustedFrame);
  createWindow();
  return core;
}

function failToStart(error: unknown): void {
  const refused = error instanceof DatabaseRefusedError;
  log.error('start-up failed', { refused });
  dialog.showErrorBox('Clinic Desk', refused ? error.message : 'Clinic Desk could not start. The details are in the log.');
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void core?.close();
  });
  app
    .whenReady()
    .then(start)
    .then((started) => {
      core = started;
    })
    .catch(failToStart);
}
