import type { ComponentType, SVGProps } from "react";
import { BoardIcon, BuildingIcon, CalendarIcon, ChatIcon, LandmarkIcon, LetterIcon, PersonIcon, UsersIcon } from "../components/Icons";
import { HomeIcon } from "../features/dashboard/HomeIcon";
import { GearIcon } from "../features/settings/GearIcon";
import { ShieldIcon } from "../features/data-protection/ShieldIcon";

export type NavId = "home" | "organisations" | "people" | "policy" | "stances" | "engagement" | "events" | "letters" | "seats" | "privacy" | "settings";

export interface NavItem {
  id: NavId;
  /** i18n key of the label. */
  labelKey: string;
  icon: ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;
}

/** Sidebar entries, in order. Later features add theirs here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: "home", labelKey: "nav.home", icon: HomeIcon },
  { id: "organisations", labelKey: "nav.organisations", icon: BuildingIcon },
  { id: "people", labelKey: "nav.people", icon: PersonIcon },
  { id: "policy", labelKey: "nav.policy", icon: LandmarkIcon },
  { id: "stances", labelKey: "nav.stances", icon: BoardIcon },
  { id: "engagement", labelKey: "nav.engagement", icon: ChatIcon },
  { id: "events", labelKey: "nav.events", icon: CalendarIcon },
  { id: "letters", labelKey: "nav.letters", icon: LetterIcon },
  { id: "seats", labelKey: "nav.seats", icon: UsersIcon },
  { id: "privacy", labelKey: "nav.privacy", icon: ShieldIcon },
  { id: "settings", labelKey: "nav.settings", icon: GearIcon },
];
