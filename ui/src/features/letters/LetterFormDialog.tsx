import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Letter } from "../../bindings/Letter";
import type { LetterDetail } from "../../bindings/LetterDetail";
import type { LetterInput } from "../../bindings/LetterInput";
import type { LetterKind } from "../../bindings/LetterKind";
import type { LetterStatus } from "../../bindings/LetterStatus";
import { useBackend } from "../../api/context";
import { Button } from "../../components/Button";
import { EnumSelect } from "../../components/EnumSelect";
import { Dialog } from "../../components/Dialog";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, invalidProps } from "../../components/Field";
import { useApiForm } from "../../components/useApiForm";
import { LETTER_KINDS, LETTER_STATUSES } from "./enums";
import { blankToNull } from "./signatures";

/** Core field name → control id (id and name of the control). */
export const LETTER_FORM_FIELDS = {
  reference: "letter-reference",
  title: "letter-title",
  kind: "letter-kind",
  status: "letter-status",
  target: "letter-target",
  link: "letter-link",
  languages: "letter-languages",
  deadline: "letter-deadline",
  published_on: "letter-published",
  body: "letter-body",
} as const;

interface FormState {
  reference: string;
  title: string;
  kind: LetterKind;
  status: LetterStatus;
  target: string;
  link: string;
  languages: string;
  deadline: string;
  published: string;
  body: string;
}

const BLANK: FormState = {
  reference: "",
  title: "",
  kind: "open_letter",
  status: "drafting",
  target: "",
  link: "",
  languages: "en",
  deadline: "",
  published: "",
  body: "",
};

function stateOf(letter: Letter): FormState {
  return {
    reference: letter.reference,
    title: letter.title,
    kind: letter.kind,
    status: letter.status,
    target: letter.target ?? "",
    link: letter.link ?? "",
    languages: letter.languages.join(", "),
    deadline: letter.deadline ?? "",
    published: letter.published_on ?? "",
    body: letter.body ?? "",
  };
}

/** "en, fr de" → ["en", "fr", "de"]; the core validates the codes. */
export function parseLanguages(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

type FormMode = { kind: "create" } | { kind: "edit"; letter: Letter };

export function LetterFormDialog({
  open,
  mode,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  mode: FormMode;
  onOpenChange: (open: boolean) => void;
  onSaved: (detail: LetterDetail, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const form = useApiForm(LETTER_FORM_FIELDS);
  const [state, setState] = useState<FormState>(BLANK);
  const isEdit = mode.kind === "edit";
  const editedId = mode.kind === "edit" ? mode.letter.id : null;

  useEffect(() => {
    if (!open) return;
    form.reset();
    setState(mode.kind === "edit" ? stateOf(mode.letter) : BLANK);
    // Only on opening (or switching letter), not on every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editedId]);

  const set =
    <K extends keyof FormState>(key: K, field: keyof typeof LETTER_FORM_FIELDS) =>
    (value: FormState[K]) => {
      setState((prev) => ({ ...prev, [key]: value }));
      form.clearFieldError(field);
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.submitting) return;
    // Every rule is the core's: its error comes back inline under the control.
    const input: LetterInput = {
      reference: state.reference.trim(),
      title: state.title.trim(),
      kind: state.kind,
      status: state.status,
      target: blankToNull(state.target),
      link: blankToNull(state.link),
      languages: parseLanguages(state.languages),
      deadline: blankToNull(state.deadline),
      published_on: blankToNull(state.published),
      body: blankToNull(state.body),
    };
    if (mode.kind === "edit") {
      const saved = await form.submit(() => backend.letterUpdate(mode.letter.id, input));
      if (saved) onSaved(saved, false);
    } else {
      const saved = await form.submit(() => backend.letterCreate(input));
      if (saved) onSaved(saved, true);
    }
  };

  const err = form.fieldErrors;
  const optional = t("form.optional");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && form.submitting) return;
        onOpenChange(next);
      }}
      title={isEdit ? t("letterForm.editTitle") : t("letterForm.newTitle")}
      size="lg"
      testId="letter-form"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.submitting}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" form="letter-form" busy={form.submitting} data-testid="letter-form-submit">
            {isEdit ? t("form.save") : t("letterForm.create")}
          </Button>
        </>
      }
    >
      <form id="letter-form" className="form-grid" onSubmit={submit} noValidate>
        {form.bannerError && (
          <div className="form-span">
            <ErrorBanner error={form.bannerError} testId="letter-form-error" />
          </div>
        )}
        <Field htmlFor="letter-title" label={t("letterForm.title")} errorKey="title" error={err.title} className="form-span">
          <input
            id="letter-title"
            name="letter-title"
            className="input"
            autoComplete="off"
            value={state.title}
            onChange={(e) => set("title", "title")(e.target.value)}
            {...invalidProps("letter-title", err.title)}
          />
        </Field>
        <Field
          htmlFor="letter-reference"
          label={t("letterForm.reference")}
          errorKey="reference"
          error={err.reference}
          hint={t("letterForm.referenceHint")}
        >
          <input
            id="letter-reference"
            name="letter-reference"
            className="input input-mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="open-letter-2022"
            value={state.reference}
            onChange={(e) => set("reference", "reference")(e.target.value)}
            {...invalidProps("letter-reference", err.reference)}
          />
        </Field>
        <Field htmlFor="letter-kind" label={t("letterForm.kind")} errorKey="kind" error={err.kind}>
          <EnumSelect
            id="letter-kind"
            value={state.kind}
            values={LETTER_KINDS}
            label={(kind) => t(`letterKind.${kind}`)}
            onChange={set("kind", "kind")}
            error={err.kind}
          />
        </Field>
        <Field htmlFor="letter-status" label={t("letterForm.status")} errorKey="status" error={err.status}>
          <EnumSelect
            id="letter-status"
            value={state.status}
            values={LETTER_STATUSES}
            label={(status) => t(`letterStatus.${status}`)}
            onChange={set("status", "status")}
            error={err.status}
          />
        </Field>
        <Field
          htmlFor="letter-target"
          label={t("letterForm.target")}
          errorKey="target"
          error={err.target}
          optional
          optionalLabel={optional}
        >
          <input
            id="letter-target"
            name="letter-target"
            className="input"
            autoComplete="off"
            placeholder={t("letterForm.targetPlaceholder")}
            value={state.target}
            onChange={(e) => set("target", "target")(e.target.value)}
            {...invalidProps("letter-target", err.target)}
          />
        </Field>
        <Field htmlFor="letter-link" label={t("letterForm.link")} errorKey="link" error={err.link} optional optionalLabel={optional}>
          <input
            id="letter-link"
            name="letter-link"
            className="input"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            value={state.link}
            onChange={(e) => set("link", "link")(e.target.value)}
            {...invalidProps("letter-link", err.link)}
          />
        </Field>
        <Field
          htmlFor="letter-languages"
          label={t("letterForm.languages")}
          errorKey="languages"
          error={err.languages}
          hint={t("letterForm.languagesHint")}
        >
          <input
            id="letter-languages"
            name="letter-languages"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={state.languages}
            onChange={(e) => set("languages", "languages")(e.target.value)}
            {...invalidProps("letter-languages", err.languages)}
          />
        </Field>
        <div className="form-grid form-span">
          <Field
            htmlFor="letter-deadline"
            label={t("letterForm.deadline")}
            errorKey="deadline"
            error={err.deadline}
            optional
            optionalLabel={optional}
          >
            <input
              id="letter-deadline"
              name="letter-deadline"
              className="input"
              type="date"
              value={state.deadline}
              onChange={(e) => set("deadline", "deadline")(e.target.value)}
              {...invalidProps("letter-deadline", err.deadline)}
            />
          </Field>
          <Field
            htmlFor="letter-published"
            label={t("letterForm.publishedOn")}
            errorKey="published_on"
            error={err.published_on}
            optional
            optionalLabel={optional}
          >
            <input
              id="letter-published"
              name="letter-published"
              className="input"
              type="date"
              value={state.published}
              onChange={(e) => set("published", "published_on")(e.target.value)}
              {...invalidProps("letter-published", err.published_on)}
            />
          </Field>
        </div>
        <Field
          htmlFor="letter-body"
          label={t("letterForm.body")}
          errorKey="body"
          error={err.body}
          optional
          optionalLabel={optional}
          className="form-span"
        >
          <textarea
            id="letter-body"
            name="letter-body"
            className="input textarea"
            rows={6}
            value={state.body}
            onChange={(e) => set("body", "body")(e.target.value)}
            {...invalidProps("letter-body", err.body)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
