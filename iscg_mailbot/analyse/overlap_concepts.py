"""ITU's vocabulary for the duplication watch: one concept, several wordings.

Two Sectors describing one piece of work use their own words ("a maturity model for
incident response teams" and "evaluating national CIRT capabilities"; "verifying the
calling number" and "fake caller numbers"). Each concept lists the wordings ITU's
publications, Questions and study-group mandates use for one thing; the text comparison
(:mod:`iscg_mailbot.analyse.overlap_text`) counts any of them as the concept.

Concepts are of two kinds:

* :data:`SUBJECT_CONCEPTS` name a subject of work (e-waste, CIRTs, calling-line
  identification, digital identity, submarine cables...): two threads that both use one
  share a subject, as two threads the topic tagger tags alike do;
* :data:`FORM_CONCEPTS` say what kind of work or whom it is for (a guide, an assessment,
  users, regulators, towns): they make wordings comparable but name no subject.

A phrase matches in any case, as a whole word; the longest wording wins.
"""

from __future__ import annotations

from collections.abc import Mapping


def _combine(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> tuple[str, ...]:
    """Every "first second" phrase: ("synthetic", "fake") x ("audio", "video")."""
    return tuple(f"{a} {b}" for a in firsts for b in seconds)


def _plurals(*phrases: str) -> tuple[str, ...]:
    """Each phrase and its plural ("submarine cable", "submarine cables")."""
    return tuple(form for p in phrases for form in (p, p + "s"))


SUBJECT_CONCEPTS: Mapping[str, tuple[str, ...]] = {
    "ai": ("artificial intelligence", "machine learning", "ai", "ml"),
    "ewaste": ("e-waste", "electronic waste", "waste electrical and electronic equipment",
               "weee", "end-of-life", "end of life", "used and broken", "take-back"),
    "cirt": (*_plurals("computer security incident response team", "incident response team",
                       "computer emergency response team", "cirt", "csirt", "cert"),),
    "qos": ("quality of service", "qos", "quality of experience", "qoe",
            "network performance"),
    # Age assurance is how services keep children out: ITU's child online protection.
    "child": ("child", "children", "minor", "minors", "underage", "under-18", "under 18",
              "age assurance", "age verification", "age estimation", "age check",
              "age checks"),
    "emf": ("electromagnetic field", "electromagnetic fields", "emf", "rf exposure"),
    "iot": ("internet of things", "iot"),
    "dfs": ("digital financial services", "dfs", "mobile money", "digital payments"),
    "5g": ("imt-2020", "5g"),
    "6g": ("imt-2030", "6g"),
    # ITU-T SG2 and SG17: the number shown to the called party.
    "cli": ("calling line identification", "calling line identity", "calling line id",
            "calling party number", "cli", "caller id", "caller-id",
            *_plurals("calling number", "caller number", "calling party", "a-number")),
    "simswap": ("sim swap", "sim-swap", "sim swapping", "sim swaps", "sim replacement",
                "sim hijacking"),
    "digitalid": ("digital identity", "digital identities", "electronic identity",
                  "eid", "e-id", "national id", "legal identity", "identity management",
                  "idm", *_plurals("digital id", "identity wallet", "id wallet",
                                   "digital wallet", "identity credential")),
    # ITU's AI and multimedia authenticity work: media made or altered to deceive.
    "deepfake": (*_plurals("deepfake", "deep fake"), "multimedia authenticity",
                 "content provenance", "content authenticity",
                 *_combine(("synthetic", "manipulated", "fabricated", "fake", "altered",
                            "ai-generated", "falsified"),
                           ("media", "audio", "video", "videos", "content", "image",
                            "images", "clip", "clips", "recording", "recordings"))),
    "coveragemap": (*_plurals("coverage map", "broadband map", "connectivity map"),
                    "coverage mapping", "broadband mapping", "connectivity mapping",
                    "infrastructure mapping"),
    "subsea": (*_plurals("submarine cable", "subsea cable", "undersea cable", "sea cable",
                         "seabed cable", "submarine system", "undersea system"),
               "cable resilience"),
    "pqc": ("post-quantum", "post quantum", "quantum-safe", "quantum-resistant", "pqc"),
    "qkd": ("quantum key distribution", "qkd"),
    "digitaltwin": _plurals("digital twin", "digital replica", "virtual replica"),
    "earlywarning": ("early warning", "early warnings", "early-warning", "ew4all",
                     "public warning", "cell broadcast", "emergency alert",
                     "emergency alerts"),
    "datacentre": _plurals("data centre", "data center", "datacentre", "datacenter",
                           "server room", "server facility"),
    "d2d": ("direct-to-device", "direct to device", "direct-to-cell", "satellite-to-phone",
            "supplemental coverage from space", "unmodified phones", "unmodified handsets"),
    "vehicle": ("intelligent transport systems", "connected vehicles",
                "connected cars", "automated driving", "autonomous driving",
                "vehicular", "v2x"),
    "drone": ("unmanned aircraft", "uav", "uavs", "drone", "drones"),
    "haps": ("high-altitude platform station", "high-altitude platform stations",
             "high altitude platform stations", "haps"),
    "metaverse": ("metaverse", "virtual worlds", "virtual world"),
}
FORM_CONCEPTS: Mapping[str, tuple[str, ...]] = {
    "readiness": ("readiness", "preparedness", "maturity", "capability", "capabilities",
                  "capacity", "capacities"),
    "assess": ("evaluate", "evaluation", "evaluating", "assess", "assessment",
               "self-assessment", "measure", "measurement", "measurements", "measuring",
               "monitor", "monitoring", "diagnostic", "diagnostics"),
    "guidance": ("guideline", "guidelines", "guide", "guides", "guidance", "handbook",
                 "handbooks", "manual", "toolkit", "toolkits", "best practices",
                 "best practice"),
    "kpi": ("key performance indicators", "key performance indicator", "kpi", "kpis",
            "indicator", "indicators"),
    "user": ("end user", "end users", "end-user", "end-users", "user", "users", "customer",
             "customers", "subscriber", "subscribers", "consumer", "consumers"),
    "handset": ("mobile phone", "mobile phones", "cell phone", "cell phones", "handset",
                "handsets", "smartphone", "smartphones", "phone", "phones",
                "mobile device", "mobile devices"),
    "satellite": ("space station", "space stations", "satellite network",
                  "satellite networks", "satellite system", "satellite systems",
                  "satellite", "satellites"),
    "locality": ("city", "cities", "town", "towns", "village", "villages", "municipality",
                 "municipalities", "community", "communities"),
    "ict": ("information and communication technologies",
            "information and communication technology", "ict", "icts"),
    "regulator": ("regulatory authority", "regulatory authorities", "regulator",
                  "regulators", "nra", "nras"),
    "verify": ("verify", "verifying", "verified", "verification", "authenticate",
               "authenticating", "authentication", "validate", "validating", "validation",
               "attestation"),
    "falsified": ("fake", "faked", "forged", "spoof", "spoofed", "spoofing", "falsified",
                  "fabricated", "manipulated", "tampered"),
    "outage": ("outage", "outages", "fault", "faults", "breakdown", "breakdowns",
               "service interruption", "service interruptions"),
    "procurement": ("procurement", "public purchasing", "purchasing", "buying",
                    "tender", "tenders"),
    "rural": ("rural", "remote areas", "sparsely populated", "underserved", "unserved",
              "hard-to-reach"),
}
CONCEPTS: Mapping[str, tuple[str, ...]] = {**SUBJECT_CONCEPTS, **FORM_CONCEPTS}

__all__ = ["CONCEPTS", "FORM_CONCEPTS", "SUBJECT_CONCEPTS"]
