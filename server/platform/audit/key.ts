import { KEY_FORMAT_MESSAGE, KeyError, decodeKey, loadKey } from '../keys.ts';

/**
 * The HMAC key of the audit trail. It lives outside the database (an environment variable or a
 * key file), so someone who can change the database cannot recompute a consistent chain.
 * Loading and decoding are shared with the other keys (server/platform/keys.ts).
 */
export const decodeAuditKey = decodeKey;
export const AUDIT_KEY_FORMAT_MESSAGE = KEY_FORMAT_MESSAGE;
export { KeyError as AuditKeyError };

export interface AuditKeyOptions {
  key?: string | undefined;
  keyFile?: string | undefined;
  dataDir: string;
  production: boolean;
  /** `npm run audit:verify` passes false: a new key could never verify existing entries. */
  create?: boolean;
}

export function loadAuditKey(options: AuditKeyOptions): Buffer {
  return loadKey({
    ...options,
    variable: 'TOVHOLDER_AUDIT_KEY',
    fileVariable: 'TOVHOLDER_AUDIT_KEY_FILE',
    fileName: 'audit.key',
  });
}
