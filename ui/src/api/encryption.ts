import type { EncryptionReport } from "../bindings/EncryptionReport";
import type { SecurityStatus } from "../bindings/SecurityStatus";
import { call } from "./call";

/** The backend methods for encryption at rest and the lock (docs/api-contract.md, "Encryption and lock"). */
export interface EncryptionApi {
  /** Encrypted or not, locked or not, the idle time; works on a locked store. */
  securityStatus(): Promise<SecurityStatus>;
  /** Opens (or reopens) an encrypted store; `wrong_passphrase` when it does not fit. */
  storeUnlock(passphrase: string): Promise<SecurityStatus>;
  /** Closes the store and forgets its passphrase; every other call then fails with `locked`. */
  storeLock(): Promise<SecurityStatus>;
  /** Encrypts an unencrypted store, and the plain backups in its folder. */
  storeEncrypt(passphrase: string): Promise<EncryptionReport>;
  storeChangePassphrase(current: string, next: string): Promise<EncryptionReport>;
  /** Removes the encryption (backups stay encrypted). */
  storeDecrypt(current: string): Promise<EncryptionReport>;
  /** 0 (never), 5, 15, 30 or 60 minutes. */
  securitySetIdleLock(minutes: number): Promise<SecurityStatus>;
}

export const encryptionBackend: EncryptionApi = {
  securityStatus: () => call("security_status"),
  storeUnlock: (passphrase) => call("store_unlock", { passphrase }),
  storeLock: () => call("store_lock"),
  storeEncrypt: (passphrase) => call("store_encrypt", { passphrase }),
  storeChangePassphrase: (current, next) => call("store_change_passphrase", { current, new: next }),
  storeDecrypt: (current) => call("store_decrypt", { current }),
  securitySetIdleLock: (minutes) => call("security_set_idle_lock", { minutes }),
};
