import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../bindings/Profile";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";

/** Name and initials, saved to the profile; the core's field errors show by their fields. */
export function ProfileForm({ profile, idPrefix, onSaved }: { profile: Profile | null; idPrefix: string; onSaved: (p: Profile) => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const nameId = `${idPrefix}-name`;
  const initialsId = `${idPrefix}-initials`;
  const form = useApiForm({ name: nameId, initials: initialsId });
  const [name, setName] = useState(profile?.name ?? "");
  const [initials, setInitials] = useState(profile?.initials ?? "");

  useEffect(() => {
    setName(profile?.name ?? "");
    setInitials(profile?.initials ?? "");
  }, [profile]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit(() => backend.profileSet({ name: name.trim() || null, initials: initials.trim() || null }));
    if (saved) onSaved(saved);
  };

  return (
    <form className="profile-form" onSubmit={submit} noValidate data-testid={`${idPrefix}-form`}>
      {form.bannerError && <ErrorBanner error={form.bannerError} />}
      <Field htmlFor={nameId} label={t("profile.name")} errorKey="name" error={form.fieldErrors.name}>
        <input id={nameId} className="input" value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} {...invalidProps(nameId, form.fieldErrors.name)} />
      </Field>
      <Field htmlFor={initialsId} label={t("profile.initials")} errorKey="initials" error={form.fieldErrors.initials}>
        <input
          id={initialsId}
          className="input profile-initials"
          value={initials}
          maxLength={6}
          onChange={(e) => setInitials(e.target.value)}
          {...invalidProps(initialsId, form.fieldErrors.initials)}
        />
      </Field>
      <Button variant="primary" type="submit" busy={form.submitting} data-testid={`${idPrefix}-save`}>
        {t("profile.save")}
      </Button>
    </form>
  );
}
