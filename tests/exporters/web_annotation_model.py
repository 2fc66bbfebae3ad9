"""Every MUST of the W3C Web Annotation Data Model (REC 2017-02-23), as checks on JSON-LD.

Written from the specification (https://www.w3.org/TR/annotation-model/), section by
section, independently of the exporter: each check returns the list of broken
requirements with the section they come from, so a failing test says what and where.
Only the MUSTs that a JSON serialization can show are here; SHOULDs are left out
on purpose, except where noted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# §3.3.5 Motivation and Purpose: the motivations the model defines.
MOTIVATIONS = frozenset(
    {
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    }
)
AGENT_TYPES = frozenset({"Person", "Organization", "Software"})  # §3.3.1 Agents
# §3.3.1: created, modified, generated are xsd:dateTime "with the UTC timezone expressed as Z".
UTC_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
# RFC 3987 in brief: a scheme, then no space, no character that an IRI forbids.
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
# §3.2.2 format: an IANA media type (type/subtype, RFC 6838 restricted names).
MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+\-]*/[a-z0-9][a-z0-9!#$&^_.+\-]*$", re.I)
BCP47 = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

Json = Any


def _many(value: Json) -> list[Json]:
    """JSON-LD: one value or an array of values."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(node: Json) -> list[Json]:
    return _many(node.get("type")) if isinstance(node, dict) else []


def is_iri(value: Json) -> bool:
    return isinstance(value, str) and bool(IRI.match(value))


def _context(node: Json, where: str) -> Iterator[str]:
    contexts = _many(node.get("@context"))
    if not contexts:
        yield f"{where}: MUST have 1 or more @context values"
    elif ANNO_CONTEXT not in contexts:
        yield f"{where}: {ANNO_CONTEXT} MUST be one of the @context values"


def _identified(node: Json, where: str, *, required: bool) -> Iterator[str]:
    if "id" not in node:
        if required:
            yield f"{where}: MUST have exactly 1 IRI that identifies it (id)"
        return
    if not is_iri(node["id"]):
        yield f"{where}: id MUST be an IRI, got {node['id']!r}"


def _typed(node: Json, where: str, expected: str) -> Iterator[str]:
    if expected not in _types(node):
        yield f"{where}: MUST have 1 or more types and {expected} MUST be one of them"


def _datetimes(node: Json, where: str) -> Iterator[str]:
    for key in ("created", "modified", "generated"):
        for value in _many(node.get(key)):
            if not (isinstance(value, str) and UTC_DATETIME.match(value)):
                yield f"{where}: {key} MUST be an xsd:dateTime in UTC with Z, got {value!r}"


def _agents(node: Json, where: str) -> Iterator[str]:
    for key in ("creator", "generator"):
        for agent in _many(node.get(key)):
            if isinstance(agent, str):
                if not is_iri(agent):
                    yield f"{where}: {key} given as a string MUST be an IRI"
                continue
            if not isinstance(agent, dict):
                yield f"{where}: {key} MUST be an IRI or an Agent object"
                continue
            yield from _identified(agent, f"{where}.{key}", required=False)
            for kind in _types(agent):
                if kind not in AGENT_TYPES:
                    yield f"{where}.{key}: type {kind!r} is not an Agent class"
            for name in _many(agent.get("name")) + _many(agent.get("nickname")):
                if not isinstance(name, str):
                    yield f"{where}.{key}: name MUST be a string"
            for email in _many(agent.get("email")):
                if not (isinstance(email, str) and email.startswith("mailto:")):
                    yield f"{where}.{key}: email MUST be a mailto: IRI"
            for home in _many(agent.get("homepage")):
                if not is_iri(home):
                    yield f"{where}.{key}: homepage MUST be an IRI"


def _resource_common(node: Json, where: str) -> Iterator[str]:
    """§3.2.2 Classes, §3.2.3 format/language, §3.3.6 rights, §3.3.7 canonical/via."""
    for value in _many(node.get("format")):
        if not (isinstance(value, str) and MEDIA_TYPE.match(value)):
            yield f"{where}: format MUST be an IANA media type, got {value!r}"
    for value in _many(node.get("language")):
        if not (isinstance(value, str) and BCP47.match(value)):
            yield f"{where}: language MUST be a BCP47 tag, got {value!r}"
    for key in ("rights", "canonical", "via", "accessibility"):
        if key == "accessibility":
            continue
        for value in _many(node.get(key)):
            if not is_iri(value):
                yield f"{where}: {key} MUST be an IRI, got {value!r}"
    if "canonical" in node and len(_many(node["canonical"])) != 1:
        yield f"{where}: there MUST be at most 1 canonical IRI"
    yield from _datetimes(node, where)
    yield from _agents(node, where)


def _selector(selector: Json, where: str) -> Iterator[str]:
    if isinstance(selector, str):
        if not is_iri(selector):
            yield f"{where}: a selector given as a string MUST be an IRI"
        return
    types = _types(selector)
    if not types:
        yield f"{where}: a Selector MUST have a type"
    if "TextQuoteSelector" in types:  # §4.2.4
        exact = selector.get("exact")
        if not isinstance(exact, str):
            yield f"{where}: TextQuoteSelector MUST have exactly 1 exact (a string)"
        for key in ("prefix", "suffix"):
            if key in selector and not isinstance(selector[key], str):
                yield f"{where}: TextQuoteSelector {key} MUST be exactly 1 string"
    if "TextPositionSelector" in types:  # §4.2.5
        for key in ("start", "end"):
            value = selector.get(key)
            if not (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
                yield f"{where}: TextPositionSelector MUST have exactly 1 {key}, an integer ≥ 0"
    if "FragmentSelector" in types and not isinstance(selector.get("value"), str):  # §4.2.1
        yield f"{where}: FragmentSelector MUST have exactly 1 value"
    if "refinedBy" in selector:  # §4.2.9
        for index, inner in enumerate(_many(selector["refinedBy"])):
            yield from _selector(inner, f"{where}.refinedBy[{index}]")


def _specific_resource(node: Json, where: str) -> Iterator[str]:
    """§4 Specific Resources: exactly 1 source; selectors, states, purpose checked."""
    sources = _many(node.get("source"))
    if len(sources) != 1:
        yield f"{where}: a SpecificResource MUST have exactly 1 source"
    for source in sources:
        iri = source.get("id") if isinstance(source, dict) else source
        if not is_iri(iri):
            yield f"{where}: source MUST be an IRI, got {iri!r}"
    for index, selector in enumerate(_many(node.get("selector"))):
        yield from _selector(selector, f"{where}.selector[{index}]")
    yield from _purpose(node, where)


def _purpose(node: Json, where: str) -> Iterator[str]:
    purposes = _many(node.get("purpose"))
    if len(purposes) > 1:
        yield f"{where}: MAY have exactly 1 purpose, not {len(purposes)}"
    for purpose in purposes:
        if purpose not in MOTIVATIONS and not (isinstance(purpose, str) and ":" in purpose):
            yield f"{where}: purpose {purpose!r} is not a Motivation"


def _body_or_target(node: Json, where: str) -> Iterator[str]:
    if isinstance(node, str):
        if not is_iri(node):
            yield f"{where}: given as a string, it MUST be an IRI"
        return
    if not isinstance(node, dict):
        yield f"{where}: MUST be an IRI or an object"
        return
    types = _types(node)
    if "TextualBody" in types:  # §3.2.4 Embedded Textual Body
        if not isinstance(node.get("value"), str):
            yield f"{where}: a TextualBody MUST have exactly 1 value (a string)"
        yield from _identified(node, where, required=False)
        yield from _purpose(node, where)
    elif "source" in node or "SpecificResource" in types:
        yield from _identified(node, where, required=False)
        yield from _specific_resource(node, where)
    elif "Choice" in types or "List" in types or "Composite" in types or "Independents" in types:
        for index, item in enumerate(_many(node.get("items"))):
            yield from _body_or_target(item, f"{where}.items[{index}]")
    else:  # §3.2.1 External Web Resource
        yield from _identified(node, where, required=True)
    yield from _resource_common(node, where)


def annotation_errors(
    annotation: Json, where: str = "Annotation", *, embedded: bool = False
) -> list[str]:
    """§3.1 Annotations and what they hold; `embedded`: in a page, the context is inherited."""
    if not isinstance(annotation, dict):
        return [f"{where}: MUST be an object (or an IRI inside a page)"]
    errors: list[str] = []
    if not embedded:
        errors.extend(_context(annotation, where))
    errors.extend(_identified(annotation, where, required=True))
    errors.extend(_typed(annotation, where, "Annotation"))
    targets = _many(annotation.get("target"))
    if not targets:
        errors.append(f"{where}: MUST have 1 or more targets")
    for index, target in enumerate(targets):
        errors.extend(_body_or_target(target, f"{where}.target[{index}]"))
    for index, body in enumerate(_many(annotation.get("body"))):
        errors.extend(_body_or_target(body, f"{where}.body[{index}]"))
    for motivation in _many(annotation.get("motivation")):
        if motivation not in MOTIVATIONS:
            errors.append(f"{where}: motivation {motivation!r} is not a Motivation")
    errors.extend(_datetimes(annotation, where))
    errors.extend(_agents(annotation, where))
    for key in ("rights", "canonical", "via"):
        for value in _many(annotation.get(key)):
            if not is_iri(value):
                errors.append(f"{where}: {key} MUST be an IRI, got {value!r}")
    if "bodyValue" in annotation:  # §3.2.5: bodyValue excludes body, and is a single string
        if "body" in annotation:
            errors.append(f"{where}: bodyValue MUST NOT be used with body")
        if not isinstance(annotation["bodyValue"], str):
            errors.append(f"{where}: bodyValue MUST be exactly 1 string")
    return errors


def page_errors(page: Json, where: str = "AnnotationPage", *, collection: Json = None) -> list[str]:
    """§5.2 Annotation Page."""
    if isinstance(page, str):
        return [] if is_iri(page) else [f"{where}: a page given as a string MUST be an IRI"]
    errors: list[str] = []
    errors.extend(_identified(page, where, required=True))
    errors.extend(_typed(page, where, "AnnotationPage"))
    items = page.get("items")
    if not isinstance(items, list) or not items:
        errors.append(f"{where}: MUST have an items list of 1 or more Annotations")
        items = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            if not is_iri(item):
                errors.append(f"{where}.items[{index}]: MUST be an IRI or an Annotation")
        else:
            errors.extend(annotation_errors(item, f"{where}.items[{index}]", embedded=True))
    if "startIndex" in page:
        start = page["startIndex"]
        if not (isinstance(start, int) and not isinstance(start, bool) and start >= 0):
            errors.append(f"{where}: startIndex MUST be a non-negative integer")
    for key in ("next", "prev", "partOf"):
        for value in _many(page.get(key)):
            iri = value.get("id") if isinstance(value, dict) else value
            if not is_iri(iri):
                errors.append(f"{where}: {key} MUST be an IRI")
    if collection is not None and isinstance(collection.get("total"), int):
        seen = page.get("startIndex", 0) + len(items)
        if seen < collection["total"] and "next" not in page:
            errors.append(f"{where}: MUST have next when more Annotations follow")
    return errors


def collection_errors(collection: Json) -> list[str]:
    """§5.1 Annotation Collection, then its embedded first page and every annotation."""
    where = "AnnotationCollection"
    if not isinstance(collection, dict):
        return [f"{where}: MUST be an object"]
    errors: list[str] = []
    errors.extend(_context(collection, where))
    errors.extend(_identified(collection, where, required=True))
    errors.extend(_typed(collection, where, "AnnotationCollection"))
    total = collection.get("total")
    if total is not None and not (
        isinstance(total, int) and not isinstance(total, bool) and total >= 0
    ):
        errors.append(f"{where}: total MUST be a non-negative integer")
    for key in ("first", "last"):
        pages = _many(collection.get(key))
        if len(pages) > 1:
            errors.append(f"{where}: MUST have at most 1 {key} page")
    if total and "first" not in collection:
        errors.append(f"{where}: a collection holding Annotations MUST have a first page")
    errors.extend(_datetimes(collection, where))
    errors.extend(_agents(collection, where))
    for page in _many(collection.get("first")):
        errors.extend(page_errors(page, f"{where}.first", collection=collection))
    if isinstance(collection.get("last"), dict):
        errors.extend(page_errors(collection["last"], f"{where}.last", collection=collection))
    return errors
