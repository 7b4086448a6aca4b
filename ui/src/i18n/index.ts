import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./strings";

export const resources = { en: { translation: en } } as const;

// Synchronous init: resources are bundled, nothing is fetched.
void i18n.use(initReactI18next).init({
  resources,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en"],
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
  showSupportNotice: false,
});

export default i18n;
