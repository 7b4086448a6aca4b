import { useTranslation } from "react-i18next";
import type { LawfulBasis } from "../../bindings/LawfulBasis";

export const LAWFUL_BASES: readonly LawfulBasis[] = ["legitimate_interest", "consent", "public_role"];

const KEYS: Record<LawfulBasis, string> = {
  consent: "privacy.basis.consent",
  legitimate_interest: "privacy.basis.legitimate_interest",
  public_role: "privacy.basis.public_role",
};

/** The translated label of a lawful basis. */
export function useLawfulBasisLabel(): (basis: LawfulBasis) => string {
  const { t } = useTranslation();
  return (basis) => t(KEYS[basis]);
}
