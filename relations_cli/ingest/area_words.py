"""The words that tell which cooperation areas a report discusses: the cues of a sentence about cooperation, the
genre's words for each area beside the vocabulary's aliases, and the offices and phrases that only look like one."""

from __future__ import annotations

import re

from .lexicon import words

AREA_CUES = words(
    "cooperation", "co-operation", "cooperate", "ties", "relations", "partnership", "spheres?", "fields?", "areas?",
    "sectors?", "projects?", "issues", "matters", "agenda", "discussed", "discuss", "talks", "agreements?",
    r"memorand\w*", "MoUs?", "deals?", "exercises?", "drills?", "agreed", "agree", "signed", "pact", "treaty",
    "contract", "support", "interoperability", "aims?", r"coordinat\w+", "efforts", "covers", r"focus\w*", "meeting",
    "topics", "development", r"expand\w*", r"strengthen\w*", r"boost\w*", "prospects", "collaboration",
    "opportunities", "investments?", "interaction", "dialogue", "potential",
)  # fmt: skip

OFFICE_AFTER = re.compile(
    r"^\s*(minister|ministers|ministry|ministries|secretary|department|attach\w*|adviser|advisor|council|"
    r"committee|agency|bureau|forces? (?:minister|chief)|production minister|industry minister)\b",
    re.I,
)

# An area word in the name of a forum, a school or a paper ("the Eastern Economic Forum", "The Economic Times"):
# a name, not a topic (where a fund, a centre or a commission the sides set up, "Investment Fund", tells one, and
# an organisation's field, "World Health Organization", is often the talks' own).
BODY_AFTER = re.compile(
    r"^(?:,?\s+(?:and\s+|&\s+|of\s+|for\s+)?[A-Z][\w-]*){0,4}?\s+(?:Forum|Institute|University|College|Times|Post|"
    r"Journal|Tribune|Herald)\b"
)

OFFICE_BEFORE = re.compile(
    r"\b(?:[Mm]inistry|[Mm]inisters?|[Dd]epartment|[Ss]ecretary|[Cc]ommittee|[Cc]ouncil) (?:of|for) (?:the )?"
    r"(?:[A-Z][\w-]*,? (?:and (?:of |for )?)?){0,4}$"
)

# "relations between the two countries", "ties between Kenya and the US": relations named as a topic only when
# the sides follow (not "ties between companies" or "between ECOWAS and the Sahel").
BETWEEN_SIDES = re.compile(r"(?:two|both|our\s+two|our\s+countries)\b")  # after "between (the)"
BETWEEN_KEYS = {"relations-between", "ties-between"}

# Words of the genre that name an area without being one of its aliases (longest phrase wins).
PROSE_AREAS = {
    "invest": "economic", "invested": "economic", "investors": "economic", "development-assistance": "economic",
    "economic-zone": "economic", "high-tech": "science-technology", "semiconductors": "science-technology",
    "artificial-intelligence": "science-technology", "digital-infrastructure": "science-technology",
    "railway": "transport", "rail": "transport", "ports": "transport", "port": "transport", "roads": "transport",
    "road": "transport", "highway": "transport", "highways": "transport", "aviation": "transport",
    "air-services": "transport", "airport": "transport", "airports": "transport", "shipping": "transport",
    "belt-and-road": "", "road-map": "", "roadmap": "",  # a programme's name and a plan, not roads
    "pipeline": "energy", "pipelines": "energy", "power-grid": "energy", "power-transmission": "energy",
    "troops": "military", "warships": "military", "navies": "military", "navy": "military", "naval": "military",
    "arms": "military", "weapons": "military", "howitzers": "military-technical", "air-defence": "military",
    "air-defense": "military", "logistics-support": "military", "military-universities": "military-educational",
    "military-academies": "military-educational", "cadets": "military-educational",
    "officer-training": "military-educational", "ammunition": "military-industrial", "military-aid": "military",
    "cultural-humanitarian": "culture", "cultural-and-humanitarian": "culture", "bilateral-relations": "political",
    "bilateral-ties": "political", "political-dialogue": "political", "food-security": "", "food-safety": "",
    "military-assistance": "military", "defence-aid": "military", "defense-aid": "military",
    # terrorism, regional or border security (INGEST-GOLD.md)
    "terrorism": "security", "terrorist": "security", "terrorists": "security", "anti-terrorism": "security",
    "extremism": "security", "drug-trafficking": "security", "narcotics": "security", "organized-crime": "security",
    "organised-crime": "security", "piracy": "security", "smuggling": "security", "border-dispute": "security",
    "border-issues": "security", "border-cooperation": "security", "maritime-security": "security",
    "peace-and-stability": "security", "regional-peace": "security", "denuclearization": "security",
    "denuclearisation": "security", "non-proliferation": "security", "health-security": "health",
    "peacekeeping": "security", "peacekeepers": "security", "peace-support": "security",
    "peace-and-security": "security", "regional-stability": "security", "stability-in-the-region": "security",
    "de-escalation": "security", "provocations": "security", "maritime-threats": "security",
    "border-protection": "security", "unrest": "security", "deterrence": "security", "instability": "security",
    # health, medicine, vaccines (INGEST-GOLD.md), and the pandemic they were the answer to
    "covid": "health", "covid-19": "health", "coronavirus": "health", "pandemic": "health", "vaccine": "health",
    "vaccines": "health", "vaccination": "health", "hospitals": "health", "hospital": "health",
    # bilateral relations named as a topic
    "relations-between": "political", "ties-between": "political", "strategic-partnership": "political",
    # names that hold an area's word but are no topic: a city, an institution, drill parts
    "port-moresby": "", "port-louis": "", "port-vila": "", "port-said": "", "port-sudan": "", "port-of-spain": "",
    "port-au-prince": "", "port-harcourt": "", "port-blair": "", "world-trade-organization": "",
    "medical-operations": "", "medical-evacuation": "",
    # an economy as what a country is, not a topic: "Japan, the world's third-largest economy"
    "largest-economy": "", "biggest-economy": "", "leading-economy": "", "fastest-growing-economy": "",
    # political words that name no dialogue between the sides: a policy, a situation, passports
    "foreign-policy": "", "geo-political": "", "geopolitical": "", "political-situation": "",
    "military-political-situation": "", "diplomatic-passports": "",
    "diplomatic-service": "", "diplomatic-and-service": "",
    # "environment" as surroundings, not nature: "the security environment", "a favourable legal environment"
    "security-environment": "security", "threat-environment": "", "legal-environment": "", "global-environment": "",
    "business-environment": "economic", "investment-environment": "economic", "warfighting-environment": "",
    "operating-environment": "", "strategic-environment": "", "favorable-environment": "",
    "favourable-environment": "", "enabling-environment": "", "conducive-environment": "",
}  # fmt: skip

OFFICER_TRAINING = re.compile(r"\btraining of (?:[A-Z]\w+ )?(?:military )?officers\b", re.I)
