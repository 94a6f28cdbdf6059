import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Key material that must live outside the database (the audit trail's HMAC key, the field
 * encryption key): base64 or hex text of at least 32 bytes, in an environment variable or a file.
 * Outside production a missing key is created once in the data dir (mode 0600), so a newcomer's
 * `npm start` works; production must supply it.
 */
export const KEY_MIN_BYTES = 32;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const KEY_FORMAT_MESSAGE =
  `must be base64 or hex of at least ${KEY_MIN_BYTES} random bytes ` +
  '(e.g. `openssl rand -base64 32`)';

/**
 * An even number of hex digits is read as hex, anything else as base64. Undefined when the text
 * is neither or decodes to fewer than 32 bytes. Never echoes the text.
 */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  let bytes: Buffer | undefined;
  if (HEX.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (BASE64.test(trimmed) && trimmed.replace(/=+$/, '').length % 4 !== 1) {
    bytes = Buffer.from(trimmed, 'base64');
  }
  return bytes && bytes.length >= KEY_MIN_BYTES ? bytes : undefined;
}

export class KeyError extends Error {
  override name = 'KeyError';
}

export interface KeyOptions {
  /** The environment variables, for messages: e.g. TOVHOLDER_AUDIT_KEY and …_FILE. */
  variable: string;
  fileVariable: string;
  /** Key text, or the path of a file holding it. */
  key?: string | undefined;
  keyFile?: string | undefined;
  /** Where the development key file is kept when neither is given. */
  dataDir: string;
  fileName: string;
  production: boolean;
  /** Outside production, create the development key file when missing (default true). */
  create?: boolean;
}

export function loadKey(options: KeyOptions): Buffer {
  if (options.key) return decodeOrThrow(options.key, options.variable);
  if (options.keyFile) return decodeOrThrow(readKeyFile(options.keyFile), options.fileVariable);
  if (options.production) {
    throw new KeyError(
      `${options.variable} (or ${options.fileVariable}) is required in production: ` +
        'a key kept outside the database',
    );
  }
  const path = join(options.dataDir, options.fileName);
  const create = options.create ?? true;
  if (!create && !existsSync(path)) {
    throw new KeyError(
      `no key: set ${options.variable} or ${options.fileVariable} ` +
        `(the development key file ${path} does not exist)`,
    );
  }
  if (create) {
    mkdirSync(options.dataDir, { recursive: true });
    try {
      // 'wx': never overwrite; when two processes race, the loser reads the winner's key.
      writeFileSync(path, randomBytes(KEY_MIN_BYTES).toString('base64') + '\n', {
        flag: 'wx',
        mode: 0o600,
      });
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
  }
  return decodeOrThrow(readKeyFile(path), path);
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = isCode(error, 'ENOENT') ? 'does not exist' : 'cannot be read';
    throw new KeyError(`the key file ${path} ${reason}`, { cause: error });
  }
}

function decodeOrThrow(text: string, source: string): Buffer {
  const key = decodeKey(text);
  if (!key) throw new KeyError(`${source}: ${KEY_FORMAT_MESSAGE}`);
  return key;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
