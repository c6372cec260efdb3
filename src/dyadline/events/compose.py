"""Compose a governing verbal event with the action it is about.

CAMEO codes appeals (02), intents (03), demands (10), rejections (12) and threats (13) by the
action they concern: "demanded that Sudan end curbs on the press" is 1051 (demand easing of
administrative sanctions), not 081; "threatened to cut off electricity" is 131x, not 191;
"will release the hostages" is 0353 (intent to release). ``compose(family, code)`` maps the
embedded action's code to its theme and the theme to the family's code.

The tables are CAMEO's structure (facts of the codebook): each family repeats the same themes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["FAMILIES", "GENERIC_VIOLENCE", "PROTESTS", "by_means", "compose", "protest_for", "theme_of"]

# The theme of an action code; the longest matching prefix wins.
_THEMES: Mapping[str, str] = MappingProxyType({
    # an intent is about the same action as the act it announces: "refused to commit to aid"
    "03": "coop", "030": "coop", "031": "coop", "0311": "econ_coop", "0312": "mil_coop",
    "0313": "judicial", "0314": "intel", "032": "diplo_coop", "033": "aid", "0331": "econ_aid",
    "0332": "mil_aid", "0333": "hum_aid", "0334": "peacekeeping", "034": "reform",
    "0341": "leadership", "0342": "policy", "0343": "rights", "0344": "institutions",
    "035": "yield", "0351": "ease_admin", "0352": "ease_dissent", "0353": "release",
    "0354": "ease_econ", "0355": "intl_involvement", "0356": "deescalate", "036": "meet",
    "037": "settle", "038": "mediate", "039": "mediate",
    "04": "meet", "040": "meet", "041": "meet", "042": "meet", "043": "meet", "044": "meet",
    "045": "mediate", "046": "meet",
    "05": "diplo_coop", "057": "settle",
    "06": "coop", "061": "econ_coop", "062": "mil_coop", "063": "judicial", "064": "intel",
    "07": "aid", "071": "econ_aid", "072": "mil_aid", "073": "hum_aid", "074": "peacekeeping",
    "075": "hum_aid",
    "08": "yield", "081": "ease_admin", "082": "ease_dissent", "083": "reform",
    "0831": "leadership", "0832": "policy", "0833": "rights", "0834": "institutions",
    "084": "release", "085": "ease_econ", "086": "intl_involvement", "087": "deescalate",
    "14": "protest",
    "16": "reduce_relations", "161": "reduce_relations", "162": "reduce_aid", "163": "sanction",
    "164": "halt_negotiations", "165": "halt_mediation", "166": "halt_intl",
    "17": "coerce", "171": "coerce", "172": "admin_sanctions", "1721": "restrict_freedoms",
    "1722": "ban_parties", "1723": "curfew", "1724": "martial_law", "173": "repression",
    "174": "repression", "175": "repression",
    "18": "unconventional_violence", "19": "conventional_attack", "191": "blockade",
    "192": "occupy", "20": "wmd", "204": "wmd",
})

FAMILIES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "02": MappingProxyType({
        "coop": "021", "econ_coop": "0211", "mil_coop": "0212", "judicial": "0213", "intel": "0214",
        "diplo_coop": "022", "aid": "023", "econ_aid": "0231", "mil_aid": "0232", "hum_aid": "0233",
        "peacekeeping": "0234", "reform": "024", "leadership": "0241", "policy": "0242",
        "rights": "0243", "institutions": "0244", "yield": "025", "ease_admin": "0251",
        "ease_dissent": "0252", "release": "0253", "ease_econ": "0254",
        "intl_involvement": "0255", "deescalate": "0256", "meet": "026", "settle": "027",
        "mediate": "028",
    }),
    "03": MappingProxyType({
        "coop": "031", "econ_coop": "0311", "mil_coop": "0312", "judicial": "0313", "intel": "0314",
        "diplo_coop": "032", "aid": "033", "econ_aid": "0331", "mil_aid": "0332", "hum_aid": "0333",
        "peacekeeping": "0334", "reform": "034", "leadership": "0341", "policy": "0342",
        "rights": "0343", "institutions": "0344", "yield": "035", "ease_admin": "0351",
        "ease_dissent": "0352", "release": "0353", "ease_econ": "0354",
        "intl_involvement": "0355", "deescalate": "0356", "meet": "036", "settle": "037",
        "mediate": "039",
    }),
    "10": MappingProxyType({
        "coop": "101", "econ_coop": "1011", "mil_coop": "1012", "judicial": "1013", "intel": "1014",
        "diplo_coop": "102", "aid": "103", "econ_aid": "1031", "mil_aid": "1032", "hum_aid": "1033",
        "peacekeeping": "1034", "reform": "104", "leadership": "1041", "policy": "1042",
        "rights": "1043", "institutions": "1044", "yield": "105", "ease_admin": "1051",
        "ease_dissent": "1052", "release": "1053", "ease_econ": "1054",
        "intl_involvement": "1055", "deescalate": "1056", "meet": "106", "settle": "107",
        "mediate": "108",
    }),
    "12": MappingProxyType({
        "coop": "121", "econ_coop": "1211", "mil_coop": "1212", "aid": "122", "econ_aid": "1221",
        "mil_aid": "1222", "hum_aid": "1223", "peacekeeping": "1224", "reform": "123",
        "leadership": "1231", "policy": "1232", "rights": "1233", "institutions": "1234",
        "yield": "124", "ease_admin": "1241", "ease_dissent": "1242", "release": "1243",
        "ease_econ": "1244", "intl_involvement": "1245", "deescalate": "1246", "meet": "125",
        "mediate": "126", "settle": "127",
    }),
    "13": MappingProxyType({
        "reduce_aid": "1311", "sanction": "1312", "reduce_relations": "1313",
        "admin_sanctions": "132", "restrict_freedoms": "1321", "ban_parties": "1322",
        "curfew": "1323", "martial_law": "1324", "protest": "133", "halt_negotiations": "134",
        "halt_mediation": "135", "halt_intl": "136", "repression": "137", "coerce": "130",
        "blockade": "1381", "occupy": "1382", "unconventional_violence": "1383",
        "conventional_attack": "1384", "wmd": "1385",
    }),
    "112": MappingProxyType({  # accusations by what is alleged
        "conventional_attack": "1123", "unconventional_violence": "1123", "blockade": "1123",
        "occupy": "1123", "coerce": "1122", "repression": "1122", "admin_sanctions": "1122",
        "restrict_freedoms": "1122", "wmd": "1124",
    }),
})

# Which families a governing code belongs to: only the generic codes of the family govern
# ("demand" 100, "urge" 020, "threaten" 130); a specific one ("threaten with sanctions" 1312)
# already says what it is about.
GOVERNING = frozenset({"020", "021", "025", "030", "031", "035", "100", "101", "105",
                       "112", "120", "121", "124", "130", "131"})


# Protests (141 demonstrate, 142 hunger strike, 143 strike or boycott, 144 obstruct, 145 riot)
# take their fourth digit from what they are for: 1 leadership change, 2 policy change,
# 3 rights, 4 institutions or regime ("students staged demonstrations to demand reforms").
PROTESTS = frozenset({"140", "141", "142", "143", "144", "145"})
_PROTEST_DIGIT: Mapping[str, str] = MappingProxyType({
    "leadership": "1", "policy": "2", "rights": "3", "institutions": "4",
})
# what a demand or appeal is about: the inverse of those families' tables ("1041": leadership)
_ASKED: Mapping[str, str] = MappingProxyType({
    code: theme for fam in ("02", "10") for theme, code in FAMILIES[fam].items()
})


def protest_for(protest: str, purpose: str) -> str | None:
    """The protest code ``protest`` (a generic 14x) made for the purpose coded ``purpose`` (a
    demand, an appeal, or the change itself); None when the purpose is not one a protest has."""
    if protest not in PROTESTS:
        return None
    theme = _ASKED.get(purpose) or (theme_of(purpose) if purpose[:2] == "08" else None)
    if theme is None:
        if purpose[:2] not in {"02", "10", "11"}:
            return None
        theme = "reform"  # "to demand", "to protest": a protest for something unspecified
    base = "141" if protest == "140" else protest
    digit = _PROTEST_DIGIT.get(theme)
    return base + digit if digit else base


# Violence coded by its means (183 bombings and their kinds): "killed 23 people in a suicide
# bombing", "a roadside bomb wounded two soldiers".
_BOMB = frozenset({"bomb", "bombing", "bomber", "explosive", "explosion", "blast", "ied"})
_MEANS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"suicide"}), "1831"),
    (frozenset({"car", "vehicle", "truck", "lorry", "motorcycle"}), "1832"),
    (frozenset({"roadside", "ied", "improvised", "landmine", "mine", "minefield"}), "1833"),
)


GENERIC_VIOLENCE = frozenset({"180", "190"})


def by_means(code: str, words: set[str]) -> str:
    """``code`` (generic violence: 180, 190) made specific by the words that name its means."""
    if code not in GENERIC_VIOLENCE or not (words & _BOMB or words & {"minefield", "landmine"}):
        return code
    for cue, specific in _MEANS:
        if words & cue:
            return specific
    return "183"


def theme_of(code: str) -> str | None:
    for n in range(len(code), 1, -1):
        theme = _THEMES.get(code[:n])
        if theme is not None:
            return theme
    return None


def compose(family: str, code: str) -> str | None:
    """The code of ``family`` ("02", "03", "10", "12", "13", "112") about the action ``code``."""
    theme = theme_of(code)
    table = FAMILIES.get(family)
    if theme is None or table is None:
        return None
    return table.get(theme)


def governs(code: str) -> str | None:
    """The family a governing predicate's code opens, or None if it does not govern."""
    if code not in GOVERNING:
        return None
    return code if code == "112" else code[:2]
