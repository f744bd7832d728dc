export * from './types.js';
export type { ClientzoneApi } from './clientzoneApi.js';
export { ClientzoneClient, type ClientzoneClientOptions } from './clientzoneClient.js';
export {
  AppError,
  APP_ERROR_CODES,
  errorCodeOf,
  isAppError,
  type AppErrorCode,
} from './appError.js';
export { parseFormattedPrice } from './formattedPrice.js';
export { UNLIMITED_QUANTITY } from './schemas/catalogueSchemas.js';
export type { CallOutcome, ClientzoneLogger } from './whmcsTransport.js';
