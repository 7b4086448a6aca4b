import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../bindings/Profile";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import { ErrorBanner } from "../../components/ErrorBanner";
import { CloseIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { ProfileForm } from "./ProfileForm";
import { ProtectOffer } from "../lock/ProtectOffer";

const DISMISSED = "coalition.profileBanner.dismissed";

/**
 * The first-run question "who are you?", as a card above the page while no profile is set:
 * not a modal, so nothing is blocked (the app works, with the OS user name as the actor,
 * until a name is given). Dismissed, it stays away for this session.
 */
export function ProfileBanner() {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) === "1");

  useEffect(() => {
    let live = true;
    backend.profileGet().then(
      (p) => live && setProfile(p),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [backend]);

  if (dismissed) return null;
  if (error) return <ErrorBanner error={error} onDismiss={() => setDismissed(true)} testId="profile-banner-error" />;
  if (!profile || profile.name) return null;

  const dismiss = () => {
    sessionStorage.setItem(DISMISSED, "1");
    setDismissed(true);
  };

  return (
    <section className="profile-banner" aria-labelledby="profile-banner-title" data-testid="profile-banner">
      <div className="profile-banner-text">
        <h2 id="profile-banner-title" className="profile-banner-title">
          {t("profile.bannerTitle")}
        </h2>
        <p className="profile-banner-body">{t("profile.bannerBody")}</p>
      </div>
      <ProfileForm
        profile={profile}
        idPrefix="profile-banner"
        onSaved={(saved) => {
          setProfile(saved);
          if (saved.name) toast.success(t("profile.saved"), t("profile.savedBody", { name: saved.name }));
        }}
      />
      <ProtectOffer />
      <button type="button" className="profile-banner-close" onClick={dismiss} aria-label={t("profile.dismiss")} data-testid="profile-banner-dismiss">
        <CloseIcon size={14} />
      </button>
    </section>
  );
}
