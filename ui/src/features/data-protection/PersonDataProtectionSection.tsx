import { useTranslation } from "react-i18next";
import type { Person } from "../../bindings/Person";
import { useLawfulBasisLabel } from "./labels";
import { SensitiveBadge } from "./SensitiveBadge";

/** A person's lawful basis, source, consent date and sensitive flag, in their detail pane. */
export function PersonDataProtectionSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const basisLabel = useLawfulBasisLabel();
  const none = <span className="cell-empty">{t("privacy.detail.none")}</span>;
  return (
    <section className="detail-section" aria-labelledby="person-data-protection" data-testid="person-data-protection-section">
      <h3 className="section-title" id="person-data-protection">
        {t("privacy.fields.legend")} {person.sensitive && <SensitiveBadge />}
      </h3>
      <dl className="props">
        <div className="prop">
          <dt className="prop-label">{t("privacy.detail.lawfulBasis")}</dt>
          <dd className="prop-value" data-testid="person-lawful-basis-value">
            {basisLabel(person.lawful_basis)}
          </dd>
        </div>
        {person.lawful_basis === "consent" && (
          <div className="prop">
            <dt className="prop-label">{t("privacy.detail.consentDate")}</dt>
            <dd className="prop-value">{person.consent_date ?? none}</dd>
          </div>
        )}
        <div className="prop">
          <dt className="prop-label">{t("privacy.detail.source")}</dt>
          <dd className="prop-value">{person.source ?? none}</dd>
        </div>
        {person.sensitive && person.sensitive_reason && (
          <div className="prop">
            <dt className="prop-label">{t("privacy.detail.sensitiveReason")}</dt>
            <dd className="prop-value">{person.sensitive_reason}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
