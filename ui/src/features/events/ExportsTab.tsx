import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Event } from "../../bindings/Event";
import type { EventExportFormat } from "../../bindings/EventExportFormat";
import type { EventExportOptions } from "../../bindings/EventExportOptions";
import type { Programme } from "../../bindings/Programme";
import { useBackend, useFilePicker } from "../../api/context";
import { Button } from "../../components/Button";
import { DownloadIcon } from "../../components/Icons";
import { useToast } from "../../components/Toasts";
import { IncludeSensitiveToggle } from "../data-protection/IncludeSensitiveToggle";

function slug(value: string): string {
  return (
    value
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "speaker"
  );
}

/** Exports: participant list, badges, calendar files, run sheet; each through the native save dialog. */
export function ExportsTab({ event, programme, onReload }: { event: Event; programme: Programme; onReload: () => void }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const files = useFilePicker();
  const toast = useToast();
  const [format, setFormat] = useState<"csv" | "xlsx">("xlsx");
  const [includeNeeds, setIncludeNeeds] = useState(false);
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const [speaker, setSpeaker] = useState("");
  const [busy, setBusy] = useState<string | null>(null);

  const speakers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of programme.sessions) for (const sp of s.speakers) seen.set(sp.person_id, sp.display_name);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [programme.sessions]);

  const run = async (key: string, options: EventExportOptions, fileName: string, doneKey: string) => {
    setBusy(key);
    try {
      const ext = options.format;
      const path = await files.pickSaveFile(fileName, {
        title: t("eventExports.saveTitle"),
        filters: [{ name: t("eventExports.filter", { ext: ext.toUpperCase() }), extensions: [ext] }],
      });
      if (!path) return;
      // Sensitive people are left out unless included on purpose (after the warning).
      const count = includeSensitive ? await backend.eventExport(event.id, options, path, true) : await backend.eventExport(event.id, options, path);
      toast.success(t(doneKey, { count }), path);
      onReload();
    } catch (raw) {
      toast.error(raw, t("eventExports.failed"));
    } finally {
      setBusy(null);
    }
  };

  const base = event.reference;
  const opts = (what: EventExportOptions["what"], fmt: EventExportFormat, extra: Partial<EventExportOptions> = {}): EventExportOptions => ({
    what,
    format: fmt,
    states: [],
    include_needs: false,
    speaker_person_id: null,
    ...extra,
  });

  return (
    <section className="letter-section event-exports" aria-labelledby="exports-title" data-testid="exports">
      <h2 className="section-title" id="exports-title">
        {t("eventExports.title")}
      </h2>
      <IncludeSensitiveToggle scope={{ scope: "event", event_id: event.id }} checked={includeSensitive} onChange={setIncludeSensitive} testId="event-include-sensitive" />

      <div className="export-card">
        <div className="export-card-text">
          <h3>{t("eventExports.participants")}</h3>
          <p className="field-hint">{t("eventExports.participantsHint")}</p>
        </div>
        <div className="export-card-actions">
          <select className="input select input-sm" aria-label={t("eventExports.format")} value={format} onChange={(e) => setFormat(e.target.value as "csv" | "xlsx")} data-testid="export-participants-format">
            <option value="xlsx">{t("eventExports.xlsx")}</option>
            <option value="csv">{t("eventExports.csv")}</option>
          </select>
          <label className="checkbox-row sensitive-toggle">
            <input type="checkbox" checked={includeNeeds} onChange={(e) => setIncludeNeeds(e.target.checked)} data-testid="export-include-needs" />
            {t("eventExports.includeNeeds")}
          </label>
          <Button
            icon={<DownloadIcon size={14} />}
            busy={busy === "participants"}
            onClick={() => run("participants", opts("participants", format, { include_needs: includeNeeds }), `${base}-participants.${format}`, "eventExports.doneParticipants")}
            data-testid="export-participants"
          >
            {t("eventExports.export")}
          </Button>
        </div>
      </div>

      <div className="export-card">
        <div className="export-card-text">
          <h3>{t("eventExports.badges")}</h3>
          <p className="field-hint">{t("eventExports.badgesHint")}</p>
        </div>
        <div className="export-card-actions">
          <Button icon={<DownloadIcon size={14} />} busy={busy === "badges"} onClick={() => run("badges", opts("badges", "pdf"), `${base}-badges.pdf`, "eventExports.doneBadges")} data-testid="export-badges">
            {t("eventExports.badgesButton")}
          </Button>
        </div>
      </div>

      <div className="export-card">
        <div className="export-card-text">
          <h3>{t("eventExports.calendar")}</h3>
          <p className="field-hint">{t("eventExports.calendarHint", { zone: event.time_zone })}</p>
        </div>
        <div className="export-card-actions">
          <Button icon={<DownloadIcon size={14} />} busy={busy === "ics"} onClick={() => run("ics", opts("ics", "ics"), `${base}.ics`, "eventExports.doneIcs")} data-testid="export-ics">
            {t("eventExports.icsEvent")}
          </Button>
          <select className="input select input-sm" aria-label={t("eventExports.speaker")} value={speaker} onChange={(e) => setSpeaker(e.target.value)} data-testid="export-ics-speaker-pick">
            <option value="">{t("eventExports.speakerPlaceholder")}</option>
            {speakers.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          <Button
            icon={<DownloadIcon size={14} />}
            disabled={!speaker}
            busy={busy === "ics-speaker"}
            onClick={() =>
              run(
                "ics-speaker",
                opts("ics", "ics", { speaker_person_id: speaker }),
                `${base}-${slug(speakers.find(([id]) => id === speaker)?.[1] ?? "speaker")}.ics`,
                "eventExports.doneIcsSpeaker",
              )
            }
            data-testid="export-ics-speaker"
          >
            {t("eventExports.icsSpeaker")}
          </Button>
        </div>
      </div>

      <div className="export-card">
        <div className="export-card-text">
          <h3>{t("eventExports.runsheet")}</h3>
          <p className="field-hint">{t("eventExports.runsheetHint")}</p>
        </div>
        <div className="export-card-actions">
          <Button icon={<DownloadIcon size={14} />} busy={busy === "runsheet-docx"} onClick={() => run("runsheet-docx", opts("runsheet", "docx"), `${base}-run-sheet.docx`, "eventExports.doneRunsheet")} data-testid="export-runsheet-docx">
            {t("eventExports.docx")}
          </Button>
          <Button icon={<DownloadIcon size={14} />} busy={busy === "runsheet-pdf"} onClick={() => run("runsheet-pdf", opts("runsheet", "pdf"), `${base}-run-sheet.pdf`, "eventExports.doneRunsheet")} data-testid="export-runsheet-pdf">
            {t("eventExports.pdf")}
          </Button>
        </div>
      </div>
    </section>
  );
}
