import path from 'node:path';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_PRODUCT_GROUP_ID,
  SANDBOX_SECRET,
  startSandbox,
  type RunningSandbox,
} from '../clientzone/sandbox/index.js';
import type { ResolvedClientzone } from './app.js';
import { assertClientzoneConfigured, type AppConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * The Clientzone the bot talks to: the configured WHMCS when CLIENTZONE_API_URL is set, else the
 * built-in sandbox, started here with its state kept in DATA_DIR.
 */
export async function resolveClientzone(
  config: Readonly<AppConfig>,
  logger: Logger,
): Promise<{ clientzone: ResolvedClientzone; sandbox: RunningSandbox | null }> {
  const settings = config.clientzone;
  if (settings.apiUrl) {
    assertClientzoneConfigured(settings);
    return {
      sandbox: null,
      clientzone: {
        apiUrl: settings.apiUrl,
        identifier: settings.identifier,
        secret: settings.secret,
        clientAreaUrl: settings.clientAreaUrl ?? '',
        productGroupId: settings.productGroupId ?? 0,
      },
    };
  }
  const sandboxLogger = logger.child({ component: 'sandbox' });
  const sandbox = await startSandbox({
    port: settings.sandboxPort,
    host: '127.0.0.1',
    dataFile: path.join(config.dataDir, 'sandbox.json'),
    log: (msg, data) => sandboxLogger.debug(data ?? {}, msg),
  });
  return {
    sandbox,
    clientzone: {
      apiUrl: sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      clientAreaUrl: settings.clientAreaUrl ?? sandbox.url,
      productGroupId: SANDBOX_PRODUCT_GROUP_ID,
      sandboxUrl: sandbox.url,
    },
  };
}
