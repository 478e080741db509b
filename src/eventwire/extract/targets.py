"""What was hit, in the contract's vocabulary: "power plants" -> energy, "oil refinery" ->
oil_gas, "residential building" -> residential."""

from __future__ import annotations

import re

_TARGET_WORDS: dict[str, str] = {
    "energy": r"power\s+(?:plants?|stations?|grid|lines?|facilit(?:y|ies)|infrastructure|supply)|energy\s+"
              r"(?:infrastructure|facilit(?:y|ies)|systems?|sector|grid|sites?)|substations?|electricity|"
              r"thermal\s+power|hydroelectric|(?:combined\s+)?heat(?:ing)?\s+(?:and\s+power\s+)?plants?|CHP|"
              r"nuclear\s+power|power\s+engineering|energy\s+objects?|power\s+generation",
    "oil_gas": r"(?:oil\s+)?refiner(?:y|ies)|oil\s+(?:depots?|terminals?|facilit(?:y|ies)|storage|"
               r"platforms?|fields?|pipelines?|plants?)|fuel\s+(?:depots?|storage|facilit(?:y|ies))|"
               r"gas\s+(?:pipelines?|facilit(?:y|ies)|production|fields?|infrastructure|storage|"
               r"compressor\s+stations?|processing)|petroleum|petrochemical",
    "residential": r"residential|apartment\s+(?:blocks?|buildings?|complex)|homes?|houses?|high-rises?|"
                   r"dormitor(?:y|ies)|dwellings?|housing",
    "industrial": r"industrial|factor(?:y|ies)|plants?|enterprises?|warehouses?|manufacturing|defen[cs]e\s+industry",
    "military": r"military\s+(?:bases?|facilit(?:y|ies)|targets?|installations?|airfields?|positions?|"
                r"equipment|units?)|air\s*(?:base|field)s?|airbases?|barracks|ammunition\s+depots?|"
                r"arms\s+depots?|command\s+posts?|positions|army\s+bases?|troops|weapons\s+depots?",
    "transport": r"railways?|rail(?:road)?\s+(?:lines?|stations?|infrastructure|tracks?|bridges?)|train\s+stations?|"
                 r"bridges?|ports?|seaports?|airports?|highways?|roads?|bus(?:es)?|trains?|trucks?|"
                 r"transport(?:ation)?\s+infrastructure|logistics",
    "civilian": r"civilians?|civilian\s+(?:infrastructure|objects?|targets?|areas?)|residential\s+areas?|"
                r"neighbou?rhoods?|city\s+cent(?:er|re)",
    "government": r"government\s+(?:buildings?|offices?|headquarters)|administration\s+buildings?|city\s+hall|"
                  r"parliament|ministry\s+buildings?|police\s+stations?",
    "medical": r"hospitals?|clinics?|maternity|medical\s+(?:facilit(?:y|ies)|cent(?:er|re)s?)|ambulances?",
    "education": r"schools?|universit(?:y|ies)|kindergartens?|colleges?|educational",
    "agriculture": r"grain|farms?|agricultural|silos?|crops?|granar(?:y|ies)",
    "communications": r"(?:tv|television|radio)\s+towers?|telecom(?:munications?)?|communications?\s+"
                      r"(?:infrastructure|towers?)|mobile\s+network",
    "water": r"water\s+(?:supply|systems?|infrastructure|treatment|pipes?|mains)|dams?|pumping\s+stations?|"
             r"reservoirs?",
    "religious": r"church(?:es)?|mosques?|synagogues?|cathedrals?|temples?|monaster(?:y|ies)",
    "commercial": r"shopping\s+(?:malls?|cent(?:er|re)s?)|supermarkets?|markets?|shops?|stores?|"
                  r"business\s+cent(?:er|re)s?|hotels?|restaurants?|cafes?|malls?",
}
_ORDER = list(_TARGET_WORDS)
TARGET_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _TARGET_WORDS.items()) + r")(?![\w-])", re.I)
# "plants" alone is industrial unless named as power/heating/nuclear plants, caught first above.


def find_targets(text: str) -> list[str]:
    """Target categories named in `text`, in the contract's vocabulary, first mention first."""
    found: list[str] = []
    for m in TARGET_RE.finditer(text):
        kind = m.lastgroup
        if kind and kind not in found:
            found.append(kind)
    return found
