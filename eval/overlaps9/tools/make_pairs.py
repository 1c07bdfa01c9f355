# Builds /work/ov9/pairs.yaml from the hand-written list below and validates it.
import yaml, datetime, itertools
P = [
# --- C1 January: IMT near airports vs aircraft radio altimeters
("ov-001","ov-003",True,"same subject, different Sectors (ITU-R vs ITU-D): WP 5B Report on radio altimeter / IMT adjacent-band compatibility / SG1 guidelines for licensing 5G sites around aerodromes and approach corridors"),
("ov-001","ov-004",True,"same subject, ITU-R vs General Secretariat: WP 5B compatibility Report on radio altimeters and IMT / GS Council background note on cellular networks and aircraft height-finding equipment"),
("ov-003","ov-004",True,"same subject, ITU-D vs General Secretariat: guidelines on mobile sites near aerodromes and the landing instrument / Council note on cellular deployments disturbing airliners' height-finding equipment"),
("ov-001","ov-002",False,"ov-002 is started by an observer (industry), who leads no Sector"),
("ov-002","ov-003",False,"ov-002 is started by an observer; an operator's request, not Sector work"),
("ov-002","ov-004",False,"ov-002 is started by an observer (industry), who leads no Sector"),
("ov-001","ov-005",False,"same Sector (both ITU-R) and different subject: IMT vs aircraft radio altimeters / spaceborne EESS radar altimeters"),
("ov-003","ov-005",False,"homonym: aircraft height instrument near airports (ITU-D) vs satellite radar altimeters for ocean topography (ITU-R WP 7C); different subjects"),
("ov-004","ov-005",False,"homonym 'altimeter': Council note on aviation safety vs EESS radar altimeter sharing study; different subjects"),
("ov-001","ov-006",False,"ov-006 is event logistics (ICAO-ITU symposium), not a study"),
("ov-003","ov-006",False,"ov-006 is event logistics (travel, badges, speakers)"),
("ov-004","ov-006",False,"both General Secretariat; ov-006 is event logistics"),
("ov-005","ov-006",False,"different subjects (EESS altimeter study vs symposium logistics)"),
# --- C2 February: mobile phones in prisons
("ov-007","ov-008",True,"same subject, ITU-R vs ITU-D: WP 1A Report on containing unauthorised handset use in correctional facilities / SG1 guidance on authorising blocking devices for smuggled phones in jails"),
("ov-007","ov-009",True,"same subject, ITU-R vs ITU-T: technical containment of handsets in correctional facilities / SG2 Supplement on operators suspending terminals found in detention centres"),
("ov-008","ov-009",True,"same subject, ITU-D vs ITU-T: regulators' handling of phones smuggled into jails / operator procedure to cut service to terminals used illegally in detention centres"),
("ov-007","ov-010",False,"ov-010 is started by an observer (academia); a measurement offer, not Sector work"),
("ov-008","ov-010",False,"ov-010 is started by an observer (academia), who leads no Sector"),
("ov-009","ov-010",False,"ov-010 is started by an observer (academia), who leads no Sector"),
# --- C3 March: loudness of adverts vs programmes
("ov-011","ov-012",True,"same subject, ITU-R vs ITU-D: WP 6C revision of programme loudness measurement for short-form content and on-demand / BDT guide for regulators on viewers' complaints that adverts are louder"),
("ov-011","ov-013",True,"same subject, ITU-R vs ITU-T: loudness of interstitial spots vs programmes / SG9 J.lvl-dai audio level alignment of dynamically inserted ad segments in IPTV and cable"),
("ov-012","ov-013",True,"same subject, ITU-D vs ITU-T: volume jumps at commercial breaks (regulatory guide) / level alignment at ad splice points in cable and IPTV head-ends"),
("ov-011","ov-014",False,"homonym 'loudness': broadcast programme loudness vs telephone-set loudness ratings (P.79); different subjects"),
("ov-012","ov-014",False,"different subjects: loud TV adverts vs handset acoustic loudness ratings"),
("ov-013","ov-014",False,"same Sector (both ITU-T) and different subjects"),
("ov-011","ov-015",False,"ov-015 is a data contribution (Colombian ad-break measurements) to the WP 6C revision"),
("ov-012","ov-015",False,"same Sector (both ITU-D); ov-015 is a data offer to ITU-R"),
("ov-013","ov-015",False,"ov-015 is a data contribution to ITU-R WP 6C, not ITU-D work of its own"),
("ov-011","ov-016",False,"ov-016 is started by the chair, who leads no Sector"),
("ov-012","ov-016",False,"ov-016 is started by the chair (a question), not Sector work"),
("ov-013","ov-016",False,"ov-016 is started by the chair, who leads no Sector"),
("ov-014","ov-016",False,"chair's thread; different subject (telephone loudness ratings)"),
# --- C4 April: covert tracking with Bluetooth tags
("ov-017","ov-018",True,"same subject, ITU-T vs ITU-D: SG17 X.uttd detection of unwanted tracking by Bluetooth tag accessories / SG2 proposal on key-finder gadgets hidden by abusive ex-partners"),
("ov-017","ov-019",True,"same subject, ITU-T vs General Secretariat: unwanted tracking by location accessories / GS background paper on covert location surveillance with consumer locator devices"),
("ov-018","ov-019",True,"same subject, ITU-D vs General Secretariat: hidden key finders used to follow women / GS paper on locator devices misused in coercive control"),
("ov-017","ov-020",False,"same Sector (both ITU-T); logistics container trackers are a different subject"),
("ov-018","ov-020",False,"different subjects: stalking with hidden tags vs LPWAN trackers for shipping containers"),
("ov-019","ov-020",False,"different subjects: covert surveillance of partners vs logistics asset tracking"),
("ov-017","ov-021",False,"ov-021 is event logistics (regional webinar)"),
("ov-018","ov-021",False,"same Sector (both ITU-D) and ov-021 is a webinar"),
("ov-019","ov-021",False,"ov-021 is event logistics (webinar speakers, interpretation)"),
# --- C5 May: network capability exposure APIs
("ov-022","ov-023",True,"same subject, ITU-T vs ITU-D: SG13 Y.NCE-api network capability exposure framework / BDT toolkit on start-ups getting programmatic access to operators' functions through a national entry point"),
("ov-022","ov-024",False,"same Sector (both ITU-T); API homonym: TSB documents database interface"),
("ov-023","ov-024",False,"homonym 'programmatic interface': TSB Recommendations database API vs start-up access to operator network functions"),
("ov-022","ov-025",False,"ov-025 is a data contribution (Indian start-up survey) to SG13's Y.NCE-api"),
("ov-023","ov-025",False,"same Sector (both ITU-D)"),
("ov-024","ov-025",False,"different subjects (documents API vs data offer to SG13)"),
("ov-022","ov-026",False,"ov-026 is started by an observer (operator), who leads no Sector"),
("ov-023","ov-026",False,"ov-026 is started by an observer (operator), who leads no Sector"),
# --- C6 June: security of public Wi-Fi hotspots
("ov-027","ov-028",True,"same subject, ITU-T vs ITU-D: SG17 TR on security of open WLAN hotspots (evil twin, captive portals) / BDT advice for city councils on free internet in markets and fake networks"),
("ov-027","ov-031",True,"same subject, ITU-T vs ITU-D: hotspot security TR / SG2 proposal on protecting users of free municipal WiFi zones"),
("ov-028","ov-031",False,"same Sector (both ITU-D)"),
("ov-027","ov-029",False,"ov-029 is internal logistics (guest Wi-Fi at CICG)"),
("ov-028","ov-029",False,"ov-029 is internal logistics, not a study"),
("ov-027","ov-030",False,"same Sector (both ITU-T); ov-030 is the SG17 LS"),
("ov-028","ov-030",False,"ov-030 is a coordination liaison from SG17 to ITU-D SG2 (they already work together)"),
("ov-030","ov-031",False,"ov-030 is a coordination liaison / invitation to ITU-D SG2"),
("ov-029","ov-031",False,"ov-029 is internal logistics"),
# --- C7 July: TV white spaces
("ov-032","ov-033",True,"same subject, ITU-R vs ITU-D: WP 1B Report on dynamic access to locally unused broadcast channels / BDT toolkit on connecting rural schools over idle TV frequencies"),
("ov-032","ov-034",False,"homonym 'geolocation database': IP-address geolocation accuracy vs spectrum databases; different subjects"),
("ov-033","ov-034",False,"different subjects: TV frequencies for schools vs IP geolocation databases"),
("ov-032","ov-035",False,"same Sector (both ITU-R)"),
("ov-033","ov-035",False,"ov-035 is a data contribution (BR register extracts) to the BDT toolkit"),
("ov-034","ov-035",False,"different subjects"),
# --- C8 August: legacy broadcast archives
("ov-036","ov-037",True,"same subject, ITU-R vs ITU-D: WP 6C Report on migrating legacy tape holdings to file-based preservation / SG1 output on saving public broadcasters' old recordings"),
("ov-036","ov-038",False,"ov-038 is ITU's own internal digitization project (library procurement), not a study for members"),
("ov-037","ov-038",False,"ov-038 is an internal ITU archives project, not Sector work"),
("ov-036","ov-039",False,"ov-039 is started by an observer (Luis Ramírez, listed as observer)"),
("ov-037","ov-039",False,"ov-039 is started by an observer, who leads no Sector"),
("ov-036","ov-040",False,"homonym 'archive/storage': retention of call detail records vs audiovisual preservation"),
("ov-037","ov-040",False,"different subjects: broadcasters' tapes vs operators' retained CDRs"),
("ov-038","ov-040",False,"different subjects"),
# --- C9 September: data localisation
("ov-045","ov-046",True,"same subject, General Secretariat vs ITU-D: Council background paper on rules keeping data inside borders / SG1 output report on data residency requirements"),
("ov-045","ov-047",True,"same subject, General Secretariat vs ITU-T: in-country data storage rules / SG3 D.CBDF on cross-border data transfers for operators"),
("ov-046","ov-047",True,"same subject, ITU-D vs ITU-T: data residency requirements / obligations to process subscriber data only in the country (D.CBDF)"),
("ov-045","ov-048",False,"ov-048 is event logistics (Nairobi forum)"),
("ov-046","ov-048",False,"same Sector (both ITU-D); ov-048 is an event"),
("ov-047","ov-048",False,"ov-048 is event logistics"),
("ov-045","ov-049",False,"homonym 'localization': software translation vs data localisation"),
("ov-046","ov-049",False,"homonym 'localization': BR user-interface translation; different subjects"),
("ov-047","ov-049",False,"different subjects (software localization vs cross-border data)"),
# --- C10 August: safety of tower climbers
("ov-041","ov-042",True,"same subject, ITU-T vs ITU-D: SG5 K.wah safety of personnel working at height on towers / BDT guide on riggers' training and equipment for small tower companies"),
("ov-042","ov-043",True,"same subject, ITU-D vs ITU-T: riggers' safety guide / proposed SG5 Supplement on rescue and training records for mast climbers"),
("ov-041","ov-043",False,"same Sector (both ITU-T)"),
("ov-041","ov-044",False,"ov-044 is a data contribution (accident statistics) to SG5's work"),
("ov-042","ov-044",False,"same Sector (both ITU-D)"),
("ov-043","ov-044",False,"ov-044 is a data contribution to ITU-T SG5"),
# --- cross-cluster hard negatives (different subjects, close in time)
("ov-003","ov-007",False,"different subjects: mobile sites near aerodromes vs handsets in correctional facilities (both interference topics)"),
("ov-004","ov-009",False,"different subjects: aviation safety note vs prison terminal disconnection"),
("ov-008","ov-011",False,"different subjects: jail blocking devices vs programme loudness"),
("ov-014","ov-018",False,"different subjects: handset loudness ratings vs hidden trackers"),
("ov-019","ov-022",False,"different subjects: covert partner tracking vs network API for device location verification"),
("ov-020","ov-023",False,"different subjects: container trackers vs start-up access to operator functions"),
("ov-023","ov-027",False,"different subjects: network APIs vs hotspot security"),
("ov-025","ov-028",False,"different subjects: data offer on network APIs vs public Wi-Fi advice"),
("ov-031","ov-032",False,"different subjects: municipal WiFi user protection vs unused broadcast channels"),
("ov-033","ov-036",False,"different subjects: TV frequencies for schools vs audiovisual archives"),
("ov-034","ov-037",False,"different subjects: IP geolocation vs broadcasters' tapes"),
("ov-036","ov-041",False,"different subjects: archive migration vs tower safety"),
("ov-040","ov-046",False,"different subjects: CDR retention storage vs data residency rules"),
("ov-042","ov-047",False,"different subjects: riggers' safety vs cross-border data"),
]
th = yaml.safe_load(open('/work/ov9/threads.yaml'))['threads']
mem = yaml.safe_load(open('/work/ov9-brief/members.yaml'))['members']
addr = {}
for m in mem:
    if m['role'] in ('chair','observer'): s=None
    elif m['role']=='representative': s={'RAG':'R','TSAG':'T','TDAG':'D'}[m['advisory_group']]
    else: s={'BR':'R','TSB':'T','BDT':'D','General Secretariat':'GS'}[m['organisation']]
    addr[m['address']] = s
start = {}; sec = {}
for t in th:
    m = t['messages'][0]
    start[t['id']] = datetime.datetime.fromisoformat(m['date'])
    sec[t['id']] = addr[m['from'].split('<')[1].rstrip('>')]
    for mm in t['messages']: assert mm['from'].split('<')[1].rstrip('>') in addr, mm['from']
seen=set(); out=[]
for a,b,o,w in P:
    assert a in start and b in start, (a,b)
    k=frozenset((a,b)); assert k not in seen and a!=b, (a,b); seen.add(k)
    days = abs((start[a]-start[b]).total_seconds())/86400
    assert days <= 36, (a,b,days)
    if o: assert sec[a] and sec[b] and sec[a]!=sec[b], (a,b,sec[a],sec[b])
    out.append({'a':a,'b':b,'overlap':o,'why':w})
yaml.safe_dump({'pairs':out}, open('/work/ov9/pairs.yaml','w'), allow_unicode=True, sort_keys=False, width=200)
n=len(out); t=sum(p['overlap'] for p in out)
print(n, t, round(100*t/n,1))
used = {x for p in out for x in (p['a'],p['b'])}
print('threads not in any pair:', sorted(set(start)-used))
from collections import Counter
print(Counter(sec.values()))
