import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { useLock } from "./LockGate";
import { EncryptDialog } from "./PassphraseDialogs";

/**
 * The first-run offer, in the profile banner: "Protect this store with a passphrase…".
 * Never required; shown only while the store is not encrypted.
 */
export function ProtectOffer() {
  const { t } = useTranslation();
  const lock = useLock();
  const [open, setOpen] = useState(false);
  if (!lock?.status || lock.status.encrypted) return null;
  return (
    <div className="protect-offer" data-testid="protect-offer">
      <p className="protect-offer-body">{t("security.protectOfferBody")}</p>
      <Button size="sm" onClick={() => setOpen(true)} data-testid="protect-offer-open">
        {t("security.protectOffer")}
      </Button>
      <EncryptDialog open={open} onOpenChange={setOpen} plainBackups={lock.status.plain_backups} onDone={() => lock.refresh()} />
    </div>
  );
}
