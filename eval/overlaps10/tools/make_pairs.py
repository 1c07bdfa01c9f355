#!/usr/bin/env python3
"""overlaps10: hand-written pair labels + validator. Writes ../pairs.yaml.

Checks: threads.yaml parses; both threads of every pair exist; first messages within
36 days; no pair listed twice (either order); no self-pair; every thread in a pair;
every `overlap: true` pair is led by two different real Sectors (leader = Sector of the
first sender, from config/members.yaml (the writer read a copy): RAG rep / BR staff = ITU-R,
TSAG rep / TSB staff = ITU-T, TDAG rep / BDT staff = ITU-D, General Secretariat staff = GS;
chair and observers lead nothing). Exits non-zero on any error.
"""
import re
import sys
from datetime import datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
THREADS = HERE.parent / "threads.yaml"
OUT = HERE.parent / "pairs.yaml"
MEMBERS = HERE.parents[2] / "config" / "members.yaml"  # the writer read a copy of it
WINDOW_DAYS = 36

T, F = True, False
PAIRS = [
    # --- C1 wildfire detection -------------------------------------------------------
    ("ov-001", "ov-002", T, "ITU-T SG20 TR on IoT sensor networks for early forest-fire detection vs BDT guide on smoke cameras/detectors on masts to catch bush fires early: same deliverable subject, different words"),
    ("ov-001", "ov-003", F, "WP 7C EESS/radiolocation sharing study; burn-scar mapping is only a motivation, different deliverable"),
    ("ov-001", "ov-004", F, "GS-organised wildfire briefing: event/logistics"),
    ("ov-002", "ov-003", F, "same broad area (fires) but a spectrum sharing study vs a detection guide"),
    ("ov-002", "ov-004", F, "event/logistics"),
    ("ov-003", "ov-004", F, "event/logistics; different subject"),
    # --- C2 AML: Advanced Mobile Location vs anti-money laundering -------------------
    ("ov-005", "ov-006", T, "SG2 Supplement on Advanced Mobile Location to PSAPs vs ITU-D SG2 chapter on phones sending their own position to 112 dispatch: same subject, ITU-T vs ITU-D"),
    ("ov-005", "ov-007", F, "homonym: AML = Advanced Mobile Location vs anti-money laundering for mobile money"),
    ("ov-005", "ov-008", F, "same Sector (ITU-T): the SG2 LS about the same Supplement"),
    ("ov-006", "ov-007", F, "same Sector (ITU-D) and different subject (caller location vs AML/KYC)"),
    ("ov-006", "ov-008", F, "coordination: ITU-T SG2 LS inviting ITU-D SG2 comments"),
    ("ov-007", "ov-008", F, "homonym AML; the LS is about emergency caller location, not money laundering"),
    # --- C3 wind turbines --------------------------------------------------------------
    ("ov-009", "ov-010", T, "WP 5B/6A Report on wind turbine effects on radars and TV reception vs ITU-D SG1 guidance on authorising wind parks near weather radars and TV stations"),
    ("ov-009", "ov-011", F, "homonym 'wind': SG5 small wind generators powering base stations, different deliverable"),
    ("ov-009", "ov-012", F, "data contribution: Colombian radar-echo measurements offered to WP 5B"),
    ("ov-010", "ov-011", F, "different subject: powering sites with wind vs siting wind parks near radio stations"),
    ("ov-010", "ov-012", F, "same Sector (both led by TDAG members)"),
    ("ov-011", "ov-012", F, "different subject (site power vs radar echo data)"),
    # --- C4 unlicensed satellite terminals --------------------------------------------
    ("ov-013", "ov-014", T, "BR compilation of cases of unauthorized non-GSO user terminals vs GS Council note on satellite dishes switched on without a licence"),
    ("ov-013", "ov-015", T, "BR compilation on unauthorized terminals/geofencing vs BDT toolkit on smuggled LEO kits, type approval and operator geo-blocking"),
    ("ov-013", "ov-016", F, "observer-started question"),
    ("ov-014", "ov-015", T, "GS policy note on unlicensed satellite kits vs BDT regulatory toolkit on the same problem"),
    ("ov-014", "ov-016", F, "observer-started question"),
    ("ov-015", "ov-016", F, "observer-started question"),
    # --- C5 customer dispute resolution -------------------------------------------------
    ("ov-017", "ov-018", T, "SG3 D.ADR on out-of-court dispute resolution vs ITU-D SG1 case studies on ombudsman schemes for unresolved customer complaints"),
    ("ov-017", "ov-019", F, "same Sector (ITU-T) even though same subject"),
    ("ov-017", "ov-020", F, "homonym 'complaints': ITU Ethics Office misconduct reporting, internal"),
    ("ov-018", "ov-019", T, "German proposal for ITU-T guidance on conciliation boards for billing disputes vs ITU-D SG1 ombudsman case studies: same subject"),
    ("ov-018", "ov-020", F, "different subject (internal misconduct reporting)"),
    ("ov-019", "ov-020", F, "different subject (internal misconduct reporting)"),
    # --- C6 PPDR broadband ---------------------------------------------------------------
    ("ov-021", "ov-022", T, "WP 5A revision of broadband PPDR Report (dedicated/hybrid/commercial models) vs BDT guide for ministries of interior on how first responders get mobile broadband"),
    ("ov-021", "ov-023", F, "SG11 MCPTT interoperability test suite: different deliverable in the same area"),
    ("ov-021", "ov-024", F, "chair-started tour de table"),
    ("ov-022", "ov-023", F, "procurement/option guide vs vendor interoperability test specifications: different deliverables"),
    ("ov-022", "ov-024", F, "chair-started tour de table"),
    ("ov-023", "ov-024", F, "chair-started tour de table"),
    # --- C7 under-resourced languages ----------------------------------------------------
    ("ov-025", "ov-026", T, "TSAG Focus Group on speech/text corpora for under-resourced languages vs BDT guidance on national collections of local-language voice recordings for AI"),
    ("ov-025", "ov-027", F, "GS in-house machine translation of ITU documents: different subject"),
    ("ov-025", "ov-028", F, "observer-started offer of a dataset"),
    ("ov-026", "ov-027", F, "different subject (internal translation service)"),
    ("ov-026", "ov-028", F, "observer-started offer of a dataset"),
    ("ov-027", "ov-028", F, "observer-started thread"),
    # --- C8 device financing ---------------------------------------------------------------
    ("ov-029", "ov-030", T, "ITU-D SG1 study of handset financing/pay-as-you-go schemes vs GS issues paper on consumer credit and leasing for entry-level devices"),
    ("ov-029", "ov-031", F, "SG17 security requirements for remote locking: different deliverable although the lock enables handset financing"),
    ("ov-029", "ov-032", T, "ITU-D handset financing study vs SG3 Supplement on terminal instalment plans bundled with subscriptions"),
    ("ov-030", "ov-031", F, "security specification of a locking mechanism vs affordability policy paper"),
    ("ov-030", "ov-032", T, "GS paper on credit/leasing for devices vs SG3 Supplement on terminal financing in contracts"),
    ("ov-031", "ov-032", F, "same Sector (ITU-T); also different deliverable"),
    # --- C9 optical wireless ---------------------------------------------------------------
    ("ov-033", "ov-034", T, "SG15 revision of G.9991 indoor visible light communication vs Senegal proposal for an ITU-R Report on indoor data links using light"),
    ("ov-033", "ov-035", F, "homonym 'light': LED streetlight poles as small-cell hosts"),
    ("ov-034", "ov-035", F, "different subject (pole access for small cells)"),
    # --- C10 helpline numbers --------------------------------------------------------------
    ("ov-036", "ov-037", T, "SG2 E.SVN harmonized short codes for social-value helplines vs ITU-D regional guide on short free numbers for hotlines"),
    ("ov-036", "ov-038", F, "same Sector (ITU-T); UIFN questionnaire is a different subject"),
    ("ov-036", "ov-039", F, "observer-started question"),
    ("ov-037", "ov-038", F, "international freephone numbers (UIFN) vs national helpline short codes: different deliverable"),
    ("ov-037", "ov-039", F, "observer-started question"),
    ("ov-038", "ov-039", F, "observer-started question"),
    # --- C11 theft and vandalism -----------------------------------------------------------
    ("ov-040", "ov-041", T, "SG5 Supplement on anti-theft protection of outside plant vs BDT compilation of laws against theft/vandalism of telecom sites (technical vs legal)"),
    ("ov-040", "ov-042", T, "SG5 anti-theft Supplement vs GS Council note on stolen batteries, cut cables, burned masts"),
    ("ov-040", "ov-043", F, "spectrum enforcement against illegal transmitters: different subject"),
    ("ov-041", "ov-042", T, "BDT legal guide vs GS Council note, both on criminal attacks on telecom installations"),
    ("ov-041", "ov-043", F, "both about enforcement powers, but illegal transmitters vs theft of infrastructure"),
    ("ov-042", "ov-043", F, "different subject"),
    # --- C12 earthquake detection by phones -------------------------------------------------
    ("ov-044", "ov-045", T, "SG20 TR on crowdsourced seismic detection by phone accelerometers vs GS EW4All note on phones' motion sensors to warn of shaking"),
    ("ov-044", "ov-046", T, "SG20 TR vs ITU-D SG2 study on cellphones as a seismic network"),
    ("ov-044", "ov-047", F, "SMART cable seismic sensors: same hazard, different deliverable"),
    ("ov-045", "ov-046", T, "GS note vs ITU-D SG2 study, same subject (phones as earthquake detectors)"),
    ("ov-045", "ov-047", F, "different deliverable (submarine cable sensors pilot)"),
    ("ov-046", "ov-047", F, "same Sector (ITU-D) and different deliverable"),
    # --- C13 displaced people -----------------------------------------------------------------
    ("ov-048", "ov-049", T, "BDT guide on connecting refugee settlements vs GS-UNHCR framework on connectivity for forcibly displaced people"),
    ("ov-048", "ov-050", F, "event/logistics"),
    ("ov-049", "ov-050", F, "event/logistics"),
    # --- cross-cluster hard and plain negatives -----------------------------------------------
    ("ov-003", "ov-010", F, "both mention radars, but a spaceborne radar sharing study vs wind-park siting guidance"),
    ("ov-003", "ov-009", F, "same Sector (ITU-R), different radar subjects"),
    ("ov-002", "ov-006", F, "both alert emergency dispatch, but fire detection vs caller location"),
    ("ov-002", "ov-005", F, "different subjects (fire detection vs emergency caller location)"),
    ("ov-001", "ov-005", F, "same Sector (ITU-T), different subjects"),
    ("ov-009", "ov-013", F, "same Sector (ITU-R), different subjects"),
    ("ov-010", "ov-013", F, "different subjects (wind parks vs unlicensed satellite terminals)"),
    ("ov-012", "ov-016", F, "observer-started thread; different subject"),
    ("ov-014", "ov-020", F, "same Sector (GS), different subjects"),
    ("ov-016", "ov-018", F, "observer-started thread"),
    ("ov-023", "ov-025", F, "same Sector (ITU-T), different subjects"),
    ("ov-024", "ov-026", F, "chair-started thread"),
    ("ov-026", "ov-029", F, "same Sector (ITU-D), different subjects"),
    ("ov-027", "ov-030", F, "same Sector (GS), different subjects"),
    ("ov-028", "ov-031", F, "observer-started thread"),
    ("ov-031", "ov-033", F, "same Sector (ITU-T), different subjects"),
    ("ov-034", "ov-036", F, "different subjects"),
    ("ov-035", "ov-037", F, "same Sector (ITU-D), different subjects"),
    ("ov-038", "ov-040", F, "same Sector (ITU-T), different subjects"),
    ("ov-039", "ov-041", F, "observer-started thread"),
    ("ov-041", "ov-047", F, "same Sector (ITU-D); cable theft vs sensor-equipped cables"),
    ("ov-042", "ov-045", F, "same Sector (GS), different subjects"),
    ("ov-045", "ov-048", F, "both humanitarian, but quake warnings from phones vs connecting refugee settlements"),
    ("ov-046", "ov-048", F, "same Sector (ITU-D), different subjects"),
    ("ov-047", "ov-050", F, "event/logistics"),
    ("ov-045", "ov-049", F, "same Sector (GS), different subjects"),
]

UNIT = {"BR": "ITU-R", "TSB": "ITU-T", "BDT": "ITU-D", "General Secretariat": "GS"}
AG = {"RAG": "ITU-R", "TSAG": "ITU-T", "TDAG": "ITU-D"}


def sector(member):
    if member["role"] == "secretariat":
        return UNIT.get(member["organisation"])
    if member["role"] == "representative":
        return AG.get(member["advisory_group"])
    return None  # chair, observer


def main():
    errors = []
    members = yaml.safe_load(MEMBERS.read_text(encoding="utf-8"))["members"]
    by_addr = {m["address"].lower(): m for m in members}
    for m in members:
        for a in m.get("aliases") or []:
            by_addr[a.lower()] = m
    threads = yaml.safe_load(THREADS.read_text(encoding="utf-8"))["threads"]
    info = {}
    for th in threads:
        first = th["messages"][0]
        addr = re.search(r"<([^>]+)>", first["from"]).group(1).lower()
        mem = by_addr.get(addr)
        if mem is None:
            errors.append(f"{th['id']}: first sender {addr} not a member")
            continue
        for msg in th["messages"]:
            a = re.search(r"<([^>]+)>", msg["from"]).group(1).lower()
            if a not in by_addr:
                errors.append(f"{th['id']}/{msg['id']}: sender {a} not a member")
        d = datetime.fromisoformat(str(first["date"]))
        if d.tzinfo is None or d.year != 2029 or not 2 <= d.month <= 10:
            errors.append(f"{th['id']}: first date {d} not Feb-Oct 2029 with offset")
        info[th["id"]] = (d, sector(mem))

    seen = set()
    used = set()
    out = []
    for a, b, ov, why in PAIRS:
        key = frozenset((a, b))
        if a == b:
            errors.append(f"self pair {a}")
        if key in seen:
            errors.append(f"duplicate pair {a}/{b}")
        seen.add(key)
        for x in (a, b):
            if x not in info:
                errors.append(f"unknown thread {x}")
        if a not in info or b not in info:
            continue
        used.update((a, b))
        (da, sa), (db, sb) = info[a], info[b]
        days = abs((da - db).total_seconds()) / 86400
        if days > WINDOW_DAYS:
            errors.append(f"{a}/{b}: {days:.1f} days apart")
        if ov and (sa is None or sb is None or sa == sb):
            errors.append(f"{a}/{b}: true pair but leaders {sa}/{sb}")
        out.append({"a": a, "b": b, "overlap": ov, "why": why})
    for tid in info:
        if tid not in used:
            errors.append(f"{tid} in no pair")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    n_true = sum(p["overlap"] for p in out)
    text = ("# overlaps10 - labelled pairs (generated by tools/make_pairs.py, do not edit by hand)\n"
            f"# {len(out)} pairs, {n_true} true, {len(out) - n_true} false\n")
    text += yaml.safe_dump({"pairs": out}, allow_unicode=True, sort_keys=False, width=200)
    OUT.write_text(text, encoding="utf-8")
    print(f"OK: {len(info)} threads, {len(out)} pairs ({n_true} true, {len(out) - n_true} false) -> {OUT}")


if __name__ == "__main__":
    main()
