import { vi, type Mock } from "vitest";
import type { SearchApi } from "../../api/search";
import type { SearchHit } from "../../bindings/SearchHit";

export type FakeSearch = { [K in keyof SearchApi]: Mock<SearchApi[K]> };

/** What the fake search looks through: one record of each kind. */
export const FAKE_SEARCH_RECORDS: SearchHit[] = [
  { kind: "organisation", id: "org-iwf", title: "Internet Watch Foundation", subtitle: "GB" },
  { kind: "organisation", id: "org-ecpat", title: "ECPAT International", subtitle: "ECPAT · TH" },
  { kind: "person", id: "person-mie", title: "Mié Kohiyama", subtitle: "mie@example.org" },
  { kind: "policy_maker", id: "pm-ylva", title: "Ylva Johansson", subtitle: "European Commission · SE" },
  { kind: "event", id: "event-summit", title: "Child safety summit", subtitle: "2026-05-12 · Résidence Palace" },
  { kind: "letter", id: "letter-open", title: "Open letter on the CSA regulation", subtitle: "open-letter-2024" },
  { kind: "interaction", id: "interaction-lunch", title: "Lunch with Mié", subtitle: "2025-03-20 · meeting" },
  { kind: "dossier", id: "dossier-csa", title: "CSA regulation", subtitle: "2022/0155(COD)" },
];

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();

/** A fake global search: every typed word must start a word of the title or subtitle. */
export function fakeSearch(): FakeSearch {
  return {
    search: vi.fn<SearchApi["search"]>(async (query, limit) => {
      const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length === 0) return [];
      return FAKE_SEARCH_RECORDS.filter((hit) => {
        const text = fold(`${hit.title} ${hit.subtitle ?? ""}`).split(/[^\p{L}\p{N}]+/u);
        return words.every((w) => text.some((t) => t.startsWith(w)));
      }).slice(0, limit);
    }),
  };
}
