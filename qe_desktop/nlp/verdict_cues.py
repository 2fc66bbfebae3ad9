"""Whether the precise thing asked is given or explicitly refused (session 8's verdict cues).

The guide's line between "répondue" and "partiellement" is the precise thing asked: a yes/no
answered ("il est loisible au maire de…", "il n'est donc pas possible d'y déroger") or refused
is "répondue" even beside a study or an excerpt that runs on; a study, "trop tôt", "n'est pas
connu à ce jour" with nothing settled is "partiellement" even beside a future or an act
("la suggestion fera l'objet d'un examen attentif"). Session 7's list read a future or an act
as settling whatever hedged beside it, and missed refusals with an adverb inside the negation
("n'est donc pas possible"). These three cues feed `verdict.by_kind8`.
"""

from __future__ import annotations

import re

# A study, a consultation, a report not finished, "too early", "not known to this day": the
# subject is treated and the thing asked is not given (the guide's "partiellement" examples).
STUDY = re.compile(
    r"(?:à\s+l['’]étude|réflexion\s+(?:est|sera|a\s+été)?\s*(?:actuellement\s+)?"
    r"(?:engagée|conduite|menée|en\s+cours)|une\s+réflexion|trop\s+tôt|"
    r"(?:ne\s+peut|ne\s+saurait)\s+(?:être\s+)?préjug|n['’]est\s+pas\s+(?:encore\s+)?en\s+mesure|"
    r"pas\s+(?:encore\s+)?connue?s?\s+à\s+ce\s+jour|fera\s+l['’]objet\s+d['’]un\s+examen|"
    r"examen\s+attentif|en\s+cours\s+d['’](?:élaboration|étude|examen|expertise)|"
    r"font\s+l['’]objet\s+d['’]enquêtes|à\s+l['’]examen|"
    r"pas\s+(?:encore\s+)?(?:terminée?s?|achevée?s?|arrêtée?s?)|ne\s+sont\s+pas\s+encore|"
    r"n['’]a\s+pas\s+encore)",
    re.IGNORECASE,
)
# An adverb inside the negation: "n'est donc pas possible", "ne saurait toutefois être".
_ADVERB = (
    r"(?:\s+(?:donc|toutefois|cependant|pas\s+davantage|en\s+principe|actuellement|dès\s+lors|"
    r"plus|guère))?"
)
# A refusal or a settled "no", adverbs allowed inside the negation.
REFUSED = re.compile(
    r"(?:\bn['’](?:est|apparaît|a)"
    + _ADVERB
    + r"\s+pas\s+(?:possible|envisagé|prévu|opportun|nécessaire|question|souhaitable|"
    r"envisageable)|\bne\s+(?:peut|peuvent|saurait|sauraient|doit|doivent)"
    + _ADVERB
    + r"\s+(?:pas\s+)?(?:être|se|s['’]|y|en|le|la|les|\w+er)\b|\brien\s+ne\s+s['’]oppose|"
    r"\bne\s+s['’]oppose\s+pas|\bil\s+n['’]y\s+a\s+(?:donc\s+)?pas\s+lieu)",
    re.IGNORECASE,
)
# A yes/no given: what is possible, allowed, required, or confirmed.
YESNO_GIVEN = re.compile(
    r"(?:\bil\s+est\s+(?:donc\s+)?(?:loisible|possible|permis)|\best\s+(?:donc\s+)?(?:possible|"
    r"autorisée?|permise?|tenue?|obligatoire|interdite?)|\b(?:peut|peuvent)\s+(?:donc\s+|"
    r"toutefois\s+|également\s+)?(?:être|bénéficier|prétendre|se|s['’]|déroger|recourir|"
    r"installer|procéder)|\bconfirme|\bn['’]est\s+pas\s+tenue?|\bdoi(?:t|vent)\s+(?:donc\s+)?"
    r"(?:être|faire))",
    re.IGNORECASE,
)


def cues(joined: str) -> dict[str, float]:
    """The three cues of the evidence text (`verdict.features` adds them)."""
    return {
        "study": float(bool(STUDY.search(joined))),
        "refused": float(bool(REFUSED.search(joined))),
        "yesno_given": float(bool(YESNO_GIVEN.search(joined))),
    }
