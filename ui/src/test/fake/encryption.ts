import { vi, type Mock } from "vitest";
import type { EncryptionApi } from "../../api/encryption";
import type { SecurityStatus } from "../../bindings/SecurityStatus";

export type FakeEncryption = { [K in keyof EncryptionApi]: Mock<EncryptionApi[K]> };

/** The passphrase the fake encrypted store opens with. */
export const FAKE_PASSPHRASE = "correct horse battery";

const WRONG = { code: "wrong_passphrase", message: "The passphrase is not right for this store.", field: null };

/**
 * An unencrypted store by default; `encrypted: true` for one that needs FAKE_PASSPHRASE.
 * The fake keeps its state: encrypting, locking and unlocking change what status answers.
 */
export function fakeEncryption(start: Partial<SecurityStatus> = {}): FakeEncryption {
  let status: SecurityStatus = { encrypted: false, locked: false, idle_lock_minutes: 15, plain_backups: 2, ...start };
  let passphrase = FAKE_PASSPHRASE;
  const short = (field: string) => ({ code: "validation", message: "the passphrase must have at least 8 characters", field });
  return {
    securityStatus: vi.fn<EncryptionApi["securityStatus"]>(async () => status),
    storeUnlock: vi.fn<EncryptionApi["storeUnlock"]>(async (given) => {
      if (given !== passphrase) throw WRONG;
      status = { ...status, locked: false };
      return status;
    }),
    storeLock: vi.fn<EncryptionApi["storeLock"]>(async () => {
      if (!status.encrypted) throw { code: "conflict", message: "an unencrypted store cannot be locked", field: null };
      status = { ...status, locked: true };
      return status;
    }),
    storeEncrypt: vi.fn<EncryptionApi["storeEncrypt"]>(async (next) => {
      if (next.length < 8) throw short("passphrase");
      passphrase = next;
      const count = status.plain_backups;
      status = { ...status, encrypted: true, plain_backups: 0 };
      return { encrypted: true, backups_encrypted: Array.from({ length: count }, (_, i) => `coalition-${i}.db`) };
    }),
    storeChangePassphrase: vi.fn<EncryptionApi["storeChangePassphrase"]>(async (current, next) => {
      if (current !== passphrase) throw { ...WRONG, code: "validation", field: "passphrase" };
      if (next.length < 8) throw short("new_passphrase");
      passphrase = next;
      return { encrypted: true, backups_encrypted: [] };
    }),
    storeDecrypt: vi.fn<EncryptionApi["storeDecrypt"]>(async (current) => {
      if (current !== passphrase) throw { ...WRONG, code: "validation", field: "passphrase" };
      status = { ...status, encrypted: false };
      return { encrypted: false, backups_encrypted: [] };
    }),
    securitySetIdleLock: vi.fn<EncryptionApi["securitySetIdleLock"]>(async (minutes) => {
      status = { ...status, idle_lock_minutes: minutes };
      return status;
    }),
  };
}
