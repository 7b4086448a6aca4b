import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../bindings/Profile";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";

const FIELDS = { name: "profile-name", initials: "profile-initials" } as const;

/** The coordinator's name and initials: who "recorded by" names. */
export function ProfileDialog({
  open,
  profile,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  profile: Profile;
  onOpenChange: (open: boolean) => void;
  onSaved: (profile: Profile) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(FIELDS);
  const [name, setName] = useState("");
  const [initials, setInitials] = useState("");

  useEffect(() => {
    if (!open) return;
    form.reset();
    setName(profile.name ?? "");
    setInitials(profile.initials ?? "");
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit(() => backend.profileSet({ name: name.trim() || null, initials: initials.trim() || null }));
    if (saved) onSaved(saved);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("stances.profile.title")}
      description={t("stances.profile.description")}
      size="sm"
      testId="profile-dialog"
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="profile-form" busy={form.submitting} data-testid="profile-save">
            {t("stances.profile.save")}
          </Button>
        </>
      }
    >
      <form id="profile-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} />
          </div>
        )}
        <Field htmlFor="profile-name" label={t("stances.profile.name")} errorKey="name" error={form.fieldErrors.name}>
          <input id="profile-name" className="input" value={name} onChange={(e) => setName(e.target.value)} {...invalidProps("profile-name", form.fieldErrors.name)} />
        </Field>
        <Field htmlFor="profile-initials" label={t("stances.profile.initials")} errorKey="initials" error={form.fieldErrors.initials}>
          <input
            id="profile-initials"
            className="input"
            value={initials}
            onChange={(e) => setInitials(e.target.value)}
            {...invalidProps("profile-initials", form.fieldErrors.initials)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
