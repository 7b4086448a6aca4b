import type { ComponentType, SVGProps } from "react";
import { BuildingIcon, LetterIcon, UsersIcon } from "../components/Icons";

export type NavId = "organisations" | "letters" | "seats";

export interface NavItem {
  id: NavId;
  /** i18n key of the label. */
  labelKey: string;
  icon: ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;
}

/** Sidebar entries, in order. Later features add theirs here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: "organisations", labelKey: "nav.organisations", icon: BuildingIcon },
  { id: "letters", labelKey: "nav.letters", icon: LetterIcon },
  { id: "seats", labelKey: "nav.seats", icon: UsersIcon },
];
