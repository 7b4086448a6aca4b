import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../bindings/Profile";
import { useBackend } from "../../api/context";
import { toApiError } from "../../api/errors";
import type { ApiError } from "../../bindings/ApiError";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useToast } from "../../components/Toasts";
import { ProfileForm } from "./ProfileForm";

/** The profile as a section of the Settings page: who every change is recorded as. */
export function ProfileSection() {
  const { t } = useTranslation();
  const backend = useBackend();
  const toast = useToast();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    backend.profileGet().then(setProfile, (e: unknown) => setError(toApiError(e)));
  }, [backend]);

  return (
    <section className="settings-section profile-section" aria-labelledby="profile-section-title" data-testid="profile-section">
      <h2 id="profile-section-title" className="section-title">
        {t("profile.sectionTitle")}
      </h2>
      <p className="profile-section-body">{t("profile.sectionBody")}</p>
      {error && <ErrorBanner error={error} />}
      {profile && (
        <ProfileForm
          profile={profile}
          idPrefix="profile-section"
          onSaved={(saved) => {
            setProfile(saved);
            toast.success(t("profile.saved"), saved.name ? t("profile.savedBody", { name: saved.name }) : undefined);
          }}
        />
      )}
    </section>
  );
}
