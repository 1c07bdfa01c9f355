#!/usr/bin/env python3
"""Writes ../threads.yaml (overlaps10) from the hand-written thread texts below.

Dates are written in the sender's local wall-clock time; the UTC offset is computed
with zoneinfo from the sender's home time zone (DST rules of 2029 included).
Senders must be members of config/members.yaml (the writer read a copy).
"""
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "threads.yaml"
MEMBERS = HERE.parents[2] / "config" / "members.yaml"  # the writer read a copy of it

TZ = {
    "Ingrid Solheim": "Europe/Oslo",
    "João Pereira da Silva": "America/Sao_Paulo",
    "Fatou Ndiaye": "Africa/Dakar",
    "Yuki Sato": "Asia/Tokyo",
    "Klaus Brenner": "Europe/Berlin",
    "Zhang Wei": "Asia/Shanghai",
    "María Fernández": "America/Argentina/Buenos_Aires",
    "Andrés Gutiérrez": "America/Bogota",
    "Priya Raman": "Asia/Kolkata",
    "James Whitfield": "America/New_York",
    "Omar Khalil": "Africa/Cairo",
    "Luis Ramírez": "America/Mexico_City",
}
GENEVA = "Europe/Zurich"  # all ITU staff

LIST = "int-sect-team@lists.itu.int"

# (id, subject, [ (sender, local time, body, extra-dict) ... ])
T = []


def t(tid, subject, *msgs):
    T.append((tid, subject, list(msgs)))


# ---------------------------------------------------------------- C1 wildfire detection
t("ov-001", "[int-sect-team] SG20 - draft Technical Report on sensor meshes for early detection of forest fires",
  ("Hiroshi Takemura", "2029-02-06 10:14", """\
Dear ISCG colleagues,

For information. At its January 2029 meeting in Geneva, ITU-T SG20 (Q2/20) agreed
to start a new Technical Report, provisionally TR.IoT-FFD, "Use of low-power IoT
sensor networks for early detection of forest fires".

Scope as agreed:
- multi-parameter nodes (CO/CO2, temperature, humidity, particulate matter);
- LPWAN backhaul and mesh relaying under dense canopy;
- edge analytics to suppress false alarms (fog, agricultural burning);
- interface of the alarm to civil-protection and forestry control rooms.

Editors are from China and Portugal. A first draft is expected for the October
SG20 meeting. The baseline text (TD 412/WP2) is available on the SG20 SharePoint.

Best regards,
Hiroshi Takemura
Counsellor, ITU-T SG20
Telecommunication Standardization Bureau
"""),
  ("Zhang Wei", "2029-02-07 09:40", """\
Thanks Hiroshi. China will bring results of the 2028 pilot in Yunnan (about 900 nodes,
detection time, battery life) to the next Q2/20 rapporteur meeting.

Zhang Wei

-----Original Message-----
From: Hiroshi Takemura <hiroshi.takemura@itu.int>
Sent: Tuesday, February 6, 2029 5:14 PM
To: int-sect-team@lists.itu.int
Subject: [int-sect-team] SG20 - draft Technical Report on sensor meshes for early detection of forest fires

> For information. At its January 2029 meeting in Geneva, ITU-T SG20 (Q2/20) agreed
> to start a new Technical Report, provisionally TR.IoT-FFD, "Use of low-power IoT
> sensor networks for early detection of forest fires".
"""))

t("ov-002", "[int-sect-team] Bush fire alerts for rural districts - BDT practical guide, outline for comments",
  ("Grace Mwangi", "2029-02-19 14:32", """\
Dear all,

BDT is starting a short practical guide for district authorities and regulators in
East and Southern Africa on catching bush fires in the first minutes. The idea is
simple: put smoke-spotting cameras and small heat/gas detectors on the mobile masts
that already stand in the grasslands and forest edges, and send the alarm over the
operator's network to the district disaster office and the park rangers.

Draft outline:
1. Why the first 30 minutes matter - losses in 2026-2028 seasons
2. Choosing detectors and cameras; solar power on the mast
3. Agreements with tower companies (space, power, access)
4. Who receives the alarm, and how to handle false alarms from charcoal burning
5. Costs and financing (including the Green Climate Fund)

Kenya, Zambia and Botswana have offered pilot sites. Comments on the outline are
welcome until 15 March; I will circulate the annotated version in April.

Kind regards,
Grace

Grace Mwangi
Programme Officer, Digital Networks and Environment
Telecommunication Development Bureau (BDT), ITU
"""))

t("ov-003", "[int-sect-team] WP 7C - compatibility of wide-band spaceborne imaging radars with radiolocation around 9.6 GHz",
  ("Rajesh Iyer", "2029-02-26 11:05", """\
Colleagues,

For awareness only. WP 7C has opened a working document towards a preliminary draft
new Report on sharing between EESS (active) synthetic aperture radars using up to
1 200 MHz of bandwidth and radiolocation systems in the 9.2-10.4 GHz range.

The space agencies justify the wider bandwidth with finer resolution for applications
such as post-fire burn-scar mapping, flood extent and subsidence. The study itself
is about interference criteria, aggregate pfd and protection of ground radars - not
about the applications.

Next WP 7C meeting: 4-13 June 2029. Contributions via the usual BR template.

Rajesh Iyer
Radiocommunication Bureau, Study Groups Department
"""))

t("ov-004", "[int-sect-team] Wildfire season briefing with WMO and FAO, 27 March - speakers, interpretation and Zoom links",
  ("Lucia Bianchi", "2029-03-01 16:20", """\
Dear ISCG members,

The General Secretariat is co-organizing with WMO and FAO a one-hour online briefing
"Preparing for the 2029 wildfire season" on Tuesday 27 March, 14:00-15:00 CEST.

Practicalities:
- Speakers: one slot per Sector (7 minutes). Please send names by 12 March.
- Interpretation: English, French and Spanish only.
- Zoom links will be sent on 20 March; the session will be recorded for ITU WebTV.

Thank you,
Lucia Bianchi
Strategic Planning and Membership Department, General Secretariat
"""))

# ---------------------------------------------------------------- C2 AML (location) vs AML (money)
t("ov-005", "[int-sect-team] SG2 - draft Supplement on AML for emergency calls: handset-derived position delivered to PSAPs",
  ("Klaus Brenner", "2029-02-21 08:55", """\
Dear colleagues,

Germany has submitted to the SG2 meeting of 9-18 April a proposal for a new
Supplement, E.Suppl.AML, "Advanced Mobile Location - transmission of handset-derived
location information to public safety answering points".

It describes:
- the triggering of AML by the handset OS when an emergency number is dialled;
- the location methods (GNSS, Wi-Fi, cell) and the reported accuracy/confidence;
- transport by SMS and by HTTPS, and the data elements;
- privacy safeguards and roaming cases.

We think a Supplement is the right vehicle, since many national implementations
already exist and only need a common description.

Mit freundlichen Grüßen
Klaus Brenner
Federal Network Administration (example), Germany
TSAG vice-chair
"""),
  ("Hiroshi Takemura", "2029-02-21 11:30", """\
Dear Klaus,

Thank you. The contribution is registered as C 188 and allocated to Q1/2. A
rapporteur meeting on 15 March (e-meeting) could already look at it if the
rapporteur agrees - I will ask.

Best regards,
Hiroshi

On 21.02.2029 08:55, Klaus Brenner wrote:
> Germany has submitted to the SG2 meeting of 9-18 April a proposal for a new
> Supplement, E.Suppl.AML, "Advanced Mobile Location - transmission of handset-derived
> location information to public safety answering points".
"""))

t("ov-006", "[int-sect-team] Proposal for ITU-D SG2 - when a caller cannot say where they are: phone-generated positions for ambulance and police dispatch",
  ("Priya Raman", "2029-03-08 15:10", """\
Dear ISCG friends,

India intends to propose at the ITU-D SG2 rapporteur group meeting a new chapter for
the Question 5/2 output: "Getting the caller's position to the dispatcher".

Our 112 system (ERSS) receives lakhs of calls where the person is injured, a child,
or simply does not know the village name. Cell-tower location in rural districts is
often several kilometres off. Since 2024 most smartphones can send their own
satellite fix automatically during the call, but many emergency centres in
developing countries are not equipped to receive it.

The chapter would collect country experiences: what the phone sends, what the
emergency centre must install, agreements with the phone platform vendors and
operators, costs, and accuracy achieved in practice.

Comments most welcome.

Regards,
Priya Raman
Department of Telecommunications (example), India
"""),
  ("Fatou Ndiaye", "2029-03-09 10:02", """\
Bonjour Priya,

Very useful. In Senegal the 18 and 17 centres still rely on the caller describing
the place. I will ask our emergency directorate to send their experience.

Fatou

Le 08/03/2029 à 09:40, Priya Raman a écrit :
> India intends to propose at the ITU-D SG2 rapporteur group meeting a new chapter for
> the Question 5/2 output: "Getting the caller's position to the dispatcher".
"""))

t("ov-007", "[int-sect-team] AML/CFT and mobile money agents - BDT note on simplified due diligence for low-value accounts",
  ("Tomás Herrera", "2029-03-02 09:45", """\
Dear colleagues,

BDT's financial inclusion team is drafting a short note for regulators and central
banks on anti-money-laundering (AML) and countering the financing of terrorism (CFT)
rules as they apply to mobile money agents.

Focus: tiered KYC, i.e. simplified customer due diligence for low-value wallets, so
that people without a full ID can still open an account, while suspicious
transaction reporting by agents remains possible. We build on the FATF guidance and
on cases from Ghana, Pakistan and Peru.

If your administration has a telecom regulator-central bank MoU on this, a copy
would be appreciated.

Saludos,
Tomás Herrera
BDT - Digital Financial Services
"""))

t("ov-008", "FW: [int-sect-team] LS from ITU-T SG2 to ITU-D SG2 - draft Supplement on Advanced Mobile Location, comments invited",
  ("Ahmed El-Sayed", "2029-03-14 17:02", """\
For information of ISCG - the liaison below was approved by SG2 management today.

Ahmed

---------- Forwarded message ----------
LIAISON STATEMENT
Source: ITU-T Study Group 2 (Q1/2)
Title: Draft Supplement E.Suppl.AML on Advanced Mobile Location
For action to: ITU-D Study Group 2 (Question 5/2)
Approval: SG2 management
Deadline: 31 August 2029

ITU-T SG2 informs ITU-D SG2 that it has started a Supplement describing how handsets
transmit their own location to public safety answering points. ITU-D SG2 is invited
to share national experiences with emergency-centre readiness in developing
countries, and to comment on the draft (attached) by the deadline.

Contact: Ahmed El-Sayed, TSB
"""))

# ---------------------------------------------------------------- C3 wind turbines
t("ov-009", "[int-sect-team] WP 5B / WP 6A - proposed joint Report on wind turbines: radar clutter and TV ghosting",
  ("Yuki Sato", "2029-03-12 18:30", """\
Dear colleagues,

Japan will propose to WP 5B (with WP 6A for broadcasting part) a draft new Report:
"Effects of wind turbine installations on radiodetermination systems and on
terrestrial broadcast reception".

Contents planned:
1) Radar cross section of rotating blades, Doppler clutter in weather radar and ATC radar
2) Multipath (ghosting) and signal fading for DTTB reception behind wind farms
3) Assessment methods, protection distances
4) Mitigation (blanking, gap-filler, blade material)

Offshore wind is increasing fast near our coasts, so this is urgent for us.
Co-sponsors welcome.

Best regards,
Yuki Sato
Ministry of Internal Affairs and Communications (example), Japan
"""),
  ("Sofia Lindqvist", "2029-03-13 09:12", """\
Dear Yuki,

Thank you. Please note that WP 5B meets 14-24 May; the contribution deadline is
7 May 16:00 UTC. BR can check the references to existing Recommendations if you
send the draft one week before.

Best regards,
Sofia

From: Yuki Sato <yuki.sato@example.go.jp>
Sent: Monday, 12 March 2029 10:30
Subject: [int-sect-team] WP 5B / WP 6A - proposed joint Report on wind turbines: radar clutter and TV ghosting
"""))

t("ov-010", "[int-sect-team] Parques eólicos y radares / wind parks next to radar and broadcasting stations - guidance for regulators (ITU-D SG1)",
  ("María Fernández", "2029-03-21 11:48", """\
Estimados colegas / dear colleagues,

(English below)

Argentina propone a la Comisión de Estudio 1 del UIT-D una guía para reguladores
sobre la autorización de parques eólicos cerca de radares meteorológicos y
estaciones de televisión.

In English: in Patagonia the energy authority approves wind parks and only later we
receive complaints - the weather service sees false echoes, towns lose the TV
picture. We want a guideline for telecom regulators and energy/environment
authorities: consultation procedure before the permit, which stations must be
notified, simple distance criteria, who pays the mitigation.

We would like examples from other countries. Is anybody already doing something
similar?

Saludos cordiales,
María Fernández
ENACOM (ejemplo), Argentina
"""),
  ("Andrés Gutiérrez", "2029-03-22 08:15", """\
María, en Colombia tenemos el mismo problema en La Guajira. Contá con nosotros.

Andrés

El mié, 21 mar 2029 a las 9:48, María Fernández escribió:
> Argentina propone a la Comisión de Estudio 1 del UIT-D una guía para reguladores
> sobre la autorización de parques eólicos cerca de radares meteorológicos y
> estaciones de televisión.
"""),
  ("Priya Raman", "2029-03-22 19:20", """\
Dear María, Tamil Nadu and Gujarat have state-level rules; I will share them.

Priya

> We would like examples from other countries.
"""))

t("ov-011", "[int-sect-team] SG5 - draft Supplement on small wind generators for off-grid base stations",
  ("Ahmed El-Sayed", "2029-03-27 10:40", """\
Dear all,

SG5 Q6/5 agreed to start a Supplement to the L-series on the use of small wind
generators (1-10 kW) in hybrid power systems for off-grid base stations: sizing
against solar and battery, mast-mounted versus separate towers, lightning and
vibration aspects, maintenance in remote sites.

The draft will be circulated after the May meeting.

Regards,
Ahmed El-Sayed
TSB - SG5 secretariat
"""))

t("ov-012", "[int-sect-team] Colombia - mediciones de ecos de aerogeneradores en La Guajira / wind-farm radar echo measurements offered to WP 5B",
  ("Andrés Gutiérrez", "2029-04-03 16:05", """\
Dear colleagues,

Colombia (ANE) carried out in 2028 a measurement campaign of echoes produced by the
Jepírachi and Windpeshi turbines on the Riohacha weather radar (C-band), with
Doppler spectra, range-azimuth maps and the effect of blank sectors.

We offer these data as input to the WP 5B work on wind turbines announced by Japan.
Data set and short report (Spanish, with English summary) can be shared with the
correspondence group.

Atentamente,
Andrés Gutiérrez
Colombian Administration (example)
"""))

# ---------------------------------------------------------------- C4 unlicensed satellite terminals
t("ov-013", "[int-sect-team] BR - unauthorized operation of satellite user terminals: draft compilation of administrations' cases",
  ("Sofia Lindqvist", "2029-03-29 14:00", """\
Dear ISCG colleagues,

Following the last two RRB meetings, BR is preparing an information document for
WP 4A that compiles cases reported by administrations of non-GSO user terminals
operating in their territory without authorization.

The compilation will cover:
- the provisions invoked (No. 18.1 of the Radio Regulations, Resolution 22 (WRC-23));
- technical means reported by operators to disable service cells over territories
  where no licence exists (geofencing accuracy, reaction time);
- how the cases were resolved.

Twelve administrations have reported so far. The document should be ready for the
WP 4A meeting in October.

Best regards,
Sofia Lindqvist
Radiocommunication Bureau
"""),
  ("Fatou Ndiaye", "2029-03-30 12:10", """\
Merci Sofia. Senegal will add its case from 2028 (terminals seen in the border area).

Fatou

> Twelve administrations have reported so far.
"""))

t("ov-014", "[int-sect-team] Council 2029 background note - satellite broadband dishes switched on where no licence was given",
  ("Nadia Haddad", "2029-04-10 10:25", """\
Dear members,

At the request of several Councillors, the General Secretariat is drafting a
background note for Council 2029 on consumer satellite broadband kits that are
bought abroad or online and switched on in countries where the service has not been
licensed.

The note will look at the policy side: national sovereignty over service provision,
what enforcement tools governments actually have (customs, fines, requests to the
operator to block service in the territory), consumer protection when service is
cut, and the role of ITU.

We would be grateful for short national examples by 30 April.

Best regards,
Nadia Haddad
Office of the Secretary-General
"""),
  ("Klaus Brenner", "2029-04-11 07:58", """\
Dear Nadia,

Germany is not directly affected, but our neighbours are; I will forward this to CEPT.

Klaus

-----Ursprüngliche Nachricht-----
Von: Nadia Haddad <nadia.haddad@itu.int>
Gesendet: Dienstag, 10. April 2029 10:25
An: int-sect-team@lists.itu.int
Betreff: [int-sect-team] Council 2029 background note - satellite broadband dishes switched on where no licence was given
"""))

t("ov-015", "[int-sect-team] BDT toolkit outline - dealing with smuggled LEO kits: import control, type approval and geo-blocking by the operator",
  ("Pierre Lefebvre", "2029-04-16 15:35", """\
Chers collègues, dear colleagues,

Several Member States in West and Central Africa asked BDT for practical help with
low-orbit satellite kits entering the country in suitcases and being used without
authorization.

We propose a regulatory toolkit with three modules:
A. Import control and customs cooperation (HS codes, seizure procedures)
B. Type approval and registration of user terminals
C. Requesting the satellite operator to block service over the national territory,
   and checking that it is done (monitoring, complaint channel)

Outline attached for comments by 10 May. Pilot workshop planned with CRASA and ARTAO.

Bien cordialement,
Pierre Lefebvre
BDT - Regulatory and Market Environment Division
"""))

t("ov-016", "[int-sect-team] Industry question - roaming satellite terminals at borders: who in ITU owns this?",
  ("James Whitfield", "2029-04-20 09:10", """\
Hi all,

Quick question from the industry side. Our maritime and land-mobile satellite
customers regularly cross into countries where we have no landing rights. Our
systems switch off in time, but we keep getting letters from administrations.

Which part of ITU should we talk to about this - BR, BDT, or somebody else?

Thanks,
James Whitfield
Example Telecom Inc.
"""))

# ---------------------------------------------------------------- C5 customer dispute resolution
t("ov-017", "[int-sect-team] SG3 new work item D.ADR - out-of-court settlement of disputes between telecom customers and providers",
  ("Hiroshi Takemura", "2029-04-17 13:50", """\
Dear colleagues,

ITU-T SG3 (Q9/3, consumer protection) agreed a new work item on a draft
Recommendation D.ADR, "Principles for alternative dispute resolution between
providers of telecommunication/ICT services and their customers".

Elements: independence and funding of the ADR body, accessibility (free of charge,
online filing), time limits, binding vs non-binding decisions, reporting of
statistics, cross-border cases for roaming and OTT purchases.

Target for consent: 2030. Editors from Côte d'Ivoire and the UK.

Best regards,
Hiroshi Takemura
TSB
"""),
  ("Zhang Wei", "2029-04-17 22:22", """\
Thanks Hiroshi. The China Consumers Association mediation scheme could be a useful input.

Zhang Wei

> ITU-T SG3 (Q9/3, consumer protection) agreed a new work item on a draft
> Recommendation D.ADR
"""))

t("ov-018", "[int-sect-team] Quejas no resueltas / unresolved customer complaints - Colombia proposal for ITU-D SG1 case studies on ombudsman schemes",
  ("Andrés Gutiérrez", "2029-04-26 10:30", """\
Dear ISCG colleagues,

Colombia will propose to ITU-D SG1 (Question 6/1) a compilation of case studies on
what happens when a customer complains to the operator and is not satisfied: the
telecom ombudsman model (Australia, Ireland), the regulator deciding (Colombia,
Brazil) or mediation by consumer associations.

Questions we want to answer: how long does a case take, who pays, how many cases are
solved, how do people from rural areas file a case, are the decisions obligatory for
the operator.

Sorry for my English, the full proposal will be in Spanish and English.

Andrés Gutiérrez
CRC (example), Colombia
"""),
  ("João Pereira da Silva", "2029-04-27 09:05", """\
Andrés, count on Brazil for the Anatel "Consumidor.gov.br" experience.

Abraço,
João

Em 26/04/2029 12:30, Andrés Gutiérrez escreveu:
> Colombia will propose to ITU-D SG1 (Question 6/1) a compilation of case studies on
> what happens when a customer complains to the operator and is not satisfied
"""))

t("ov-019", "[int-sect-team] TSAG - Germany suggests ITU-T guidance on conciliation boards for telecom billing disputes",
  ("Klaus Brenner", "2029-05-03 08:20", """\
Dear colleagues,

Our conciliation board (Schlichtungsstelle) handles around 2 000 telecom cases per
year, mostly billing and contract termination. Germany is considering a contribution
asking ITU-T to develop guidance on conciliation boards for telecommunication
disputes: procedure, deadlines, publication of outcomes, and cooperation between
boards in different countries.

Before we write it: does anybody know whether ITU-T already has something in this
direction?

Klaus Brenner
"""))

t("ov-020", "[int-sect-team] Ethics Office - revised procedure for reporting misconduct at ITU meetings",
  ("Lucia Bianchi", "2029-05-07 11:15", """\
Dear ISCG members,

For information: the Ethics Office has revised the procedure for reporting
misconduct and harassment at ITU meetings and events. Complaints can now be filed
online in all six languages, the acknowledgement deadline is 5 working days, and
an independent investigator can be appointed for events outside Geneva.

Please make the study group and advisory group chairs aware. The new text will be
in the meeting invitations from June.

Regards,
Lucia Bianchi
General Secretariat
"""))

# ---------------------------------------------------------------- C6 PPDR broadband
t("ov-021", "[int-sect-team] WP 5A - Brazil proposes updating the Report on broadband PPDR: dedicated, hybrid and commercial-network models",
  ("João Pereira da Silva", "2029-05-07 10:00", """\
Dear colleagues,

Brazil will contribute to WP 5A a proposed revision of the ITU-R Report on broadband
public protection and disaster relief (PPDR). The current text is from 2019 and
describes mainly dedicated networks.

Our revision adds:
- deployment models: dedicated network in 700 MHz, hybrid (core owned by the
  agencies, RAN shared), and mission-critical services over commercial networks
  with priority and pre-emption;
- spectrum arrangements for each model;
- case studies (Brazil, Korea, UK, US).

Regards,
João Pereira da Silva
Anatel (example), Brazil
"""),
  ("Yuki Sato", "2029-05-08 09:30", """\
Dear João, Japan can provide text on the public safety LTE in Japan. Best, Yuki

> Our revision adds deployment models: dedicated network in 700 MHz, hybrid ...
"""),
  ("João Pereira da Silva", "2029-05-08 08:10", """\
Obrigado Yuki, very welcome. I will add a placeholder section.

João

> Dear João, Japan can provide text on the public safety LTE in Japan.
"""))

t("ov-022", "[int-sect-team] Guide for ministries of interior - choosing how police, fire and ambulance services get mobile broadband",
  ("Amara Diallo", "2029-05-16 14:45", """\
Dear all,

Following requests from several ministries of interior, BDT is preparing a guide on
the options for giving first responders reliable mobile data and group voice:
build their own network, share one with operators, or buy priority service from
the commercial operators.

For each option the guide compares cost, control, coverage, resilience in
disasters and the frequencies needed, and gives a decision checklist for
governments. Case studies: Rwanda, Ghana, Mexico, Philippines.

Draft chapters for review end of June.

Best,
Amara Diallo
BDT - Emergency Telecommunications
"""),
  ("Grace Mwangi", "2029-05-17 08:40", """\
Amara, the Kenya police pilot in Nakuru could be a good case too. I'll connect you.

Grace

From: Amara Diallo
Sent: 16 May 2029 14:45
To: int-sect-team@lists.itu.int
Subject: [int-sect-team] Guide for ministries of interior - choosing how police, fire and ambulance services get mobile broadband
"""))

t("ov-023", "[int-sect-team] SG11 - conformance and interoperability test suite for mission-critical push-to-talk servers",
  ("Zhang Wei", "2029-05-22 16:00", """\
Dear colleagues,

China proposes to SG11 a new work item: test specifications for interoperability
between MCPTT servers of different vendors (group call set-up, floor control,
emergency call, interworking with legacy TETRA/PDT gateways). The test suite would
complement the 3GPP specifications and the ETSI plugtests.

Zhang Wei
"""))

t("ov-024", "[int-sect-team] Public safety broadband - quick tour de table before the June ISCG meeting",
  ("Ingrid Solheim", "2029-05-28 08:30", """\
Dear all,

Public safety communications came up in three different threads this month. Before
our June meeting, could each Sector send me two or three lines on what is ongoing?
I will prepare a one-page overview.

Best regards,
Ingrid
ISCG chair
"""),
  ("Sofia Lindqvist", "2029-05-28 13:05", """\
Dear Ingrid, for ITU-R: WP 5A revision of the PPDR Report (Brazil contribution).
Sofia

> could each Sector send me two or three lines on what is ongoing?
"""),
  ("Pierre Lefebvre", "2029-05-29 09:20", """\
Ingrid, for BDT: Amara's guide for ministries of interior. Pierre

> could each Sector send me two or three lines on what is ongoing?
"""))

# ---------------------------------------------------------------- C7 languages
t("ov-025", "[int-sect-team] TSAG - proposal for a Focus Group on speech and text corpora for under-resourced languages",
  ("Klaus Brenner", "2029-05-24 09:00", """\
Dear colleagues,

Germany and Nigeria are preparing a joint contribution to TSAG proposing a Focus Group
on "Data for AI in under-resourced languages". Deliverables would be:
- a technical specification for collecting and annotating speech and text corpora
  (metadata, consent records, quality metrics, dialect labels);
- a reference data-sharing licence;
- a benchmark methodology for speech recognition in low-resource languages.

We would like to know if other parts of ITU are active here.

Klaus
"""),
  ("Zhang Wei", "2029-05-25 10:10", """\
Klaus, a Focus Group may overlap with SG16 multimedia work, please check with the SG16
chair before TSAG. Zhang

> Germany and Nigeria are preparing a joint contribution to TSAG proposing a Focus Group
"""))

t("ov-026", "[int-sect-team] Voice services in Wolof, Hausa and Tok Pisin - BDT guidance for countries building local-language recordings for AI",
  ("Grace Mwangi", "2029-06-05 10:20", """\
Dear colleagues,

Many governments want chatbots and phone helplines that understand local languages,
but the voice assistants do not work in Wolof, Hausa or Tok Pisin because there are
not enough recordings and transcriptions.

BDT will prepare guidance for ministries and universities on how to organize a
national collection of voice recordings and texts: recruiting speakers, consent,
transcription, storage, who owns the data, and how to open it to local developers.
Pilots are discussed with Senegal, Nigeria and Papua New Guinea.

Outline in July.

Grace Mwangi
BDT
"""),
  ("Fatou Ndiaye", "2029-06-06 11:45", """\
Super initiative Grace. The Université Cheikh Anta Diop has a Wolof team. Fatou

> BDT will prepare guidance for ministries and universities on how to organize a
> national collection of voice recordings and texts
"""))

t("ov-027", "[int-sect-team] New machine translation engine for ITU documents - pilot in Arabic, Chinese and Russian",
  ("Nadia Haddad", "2029-06-11 15:00", """\
Dear colleagues,

The Conferences and Publications Department will pilot from July a new in-house
machine translation engine, trained on ITU terminology, for draft translations of
contributions into Arabic, Chinese and Russian. Human revision stays mandatory for
all official documents.

Feedback from study group secretariats is welcome.

Nadia Haddad
General Secretariat
"""))

t("ov-028", "[int-sect-team] Egyptian Arabic speech dataset - can our lab help ITU?",
  ("Omar Khalil", "2029-06-14 12:30", """\
Dear all,

I hope this is the right list! My group at the university has recorded about 300
hours of Egyptian and Sudanese Arabic speech (call-centre style, with consent) for
our speech recognition research. We'd be very happy to make it available to any ITU
activity on languages and AI - honestly we are not sure which one, there seem to be
several.

Any pointers appreciated :)

Omar Khalil
Example University, Cairo
"""),
  ("Lucia Bianchi", "2029-06-14 16:05", """\
Dear Omar, thank you - I have forwarded your message to the TSB and BDT colleagues.
Lucia

> We'd be very happy to make it available to any ITU activity on languages and AI
"""))

# ---------------------------------------------------------------- C8 device financing
t("ov-029", "[int-sect-team] India proposal for ITU-D SG1 - instalment and pay-as-you-go schemes that put a first smartphone within reach",
  ("Priya Raman", "2029-06-07 14:15", """\
Dear all,

The price of the device is now the first barrier to getting online for the poorest
households, more than the data price. India will propose to ITU-D SG1 (Question 4/1)
a study of handset financing schemes: operator instalment plans, pay-as-you-go
smartphones where the handset acts as collateral, micro-loans, and subsidies.

We want to compare default rates, consumer protection, and the effect on first-time
users, especially women.

Regards,
Priya Raman
"""),
  ("María Fernández", "2029-06-08 10:00", """\
Priya, Argentina supports. We have data on the "Mi Primer Celular" plan.
María

> India will propose to ITU-D SG1 (Question 4/1) a study of handset financing schemes
"""))

t("ov-030", "[int-sect-team] GS issues paper - consumer credit and leasing models for entry-level devices (Connect 2030 affordability target)",
  ("Lucia Bianchi", "2029-06-20 10:40", """\
Dear ISCG members,

For the Connect 2030 mid-term review the General Secretariat is preparing an issues
paper on device affordability. It will look at how consumer credit, leasing and
"buy now, pay later" models lower the upfront cost of basic smartphones, what
risks they carry for low-income users, and what policy makers can do (guarantees,
tax treatment, disclosure rules).

Draft to be shared in September.

Regards,
Lucia Bianchi
General Secretariat - Strategic Planning
"""))

t("ov-031", "[int-sect-team] SG17 new work item X.rdl-sec - security requirements for lender-initiated remote locking of handsets",
  ("Chen Lihua", "2029-06-26 11:30", """\
Dear colleagues,

SG17 (Q6/17) has agreed a new work item, X.rdl-sec, "Security requirements for
remote device locking initiated by third parties". Scope: integrity of the locking
agent in the handset firmware, authentication of lock/unlock commands, protection
against abuse (emergency calls must always remain possible), and audit logs.

Chen Lihua
TSB - SG17
"""),
  ("Zhang Wei", "2029-06-27 09:15", """\
Thanks Chen. Chinese vendors will contribute on firmware integrity. Zhang

> Scope: integrity of the locking agent in the handset firmware
"""))

t("ov-032", "[int-sect-team] SG3 - proposed Supplement on instalment plans bundled with mobile subscriptions: economic and consumer aspects",
  ("Ahmed El-Sayed", "2029-07-02 09:30", """\
Dear all,

SG3 (Q4/3) will consider at its September meeting a proposal for a Supplement on
"Economic aspects of terminal financing bundled with mobile service contracts":
how operators recover the cost of the phone through the tariff, transparency of the
total price, early-termination fees and the effect on take-up by low-income users.

Ahmed El-Sayed
TSB - SG3 secretariat
"""))

# ---------------------------------------------------------------- C9 optical wireless
t("ov-033", "[int-sect-team] SG15 - revision of G.9991 (indoor visible light communication transceivers)",
  ("Elena Petrova", "2029-06-28 14:10", """\
Dear colleagues,

Covering for the SG15 counsellor: SG15 Q18/15 has launched the revision of G.9991,
the ITU-T Recommendation on high-speed indoor visible light communication
transceivers. The revision adds infrared uplink, multi-user MIMO with several
luminaires, and handover between light cells for industrial and hospital use.

Elena Petrova
TSB
"""))

t("ov-034", "[int-sect-team] Proposition du Sénégal - Rapport UIT-R sur les liaisons de données par la lumière à l'intérieur des bâtiments / indoor data links using light",
  ("Fatou Ndiaye", "2029-07-09 09:00", """\
Chers collègues,

Le Sénégal envisage de proposer un nouveau Rapport UIT-R sur les liaisons de données
utilisant la lumière visible et infrarouge à l'intérieur des bâtiments.

In short (English): we are interested in LED lighting that also carries data in
classrooms and hospitals, where Wi-Fi is congested or not wanted. The Report would
describe the system characteristics, data rates, ranges, interference between
rooms and coexistence with radio systems. Because this is above 3 000 GHz, we are not
sure which working party should take it - WP 1A perhaps?

Fatou Ndiaye
Administration du Sénégal (exemple)
"""),
  ("Rajesh Iyer", "2029-07-09 15:40", """\
Dear Fatou, WP 1A has handled optical links before (free-space optical); I suggest
you send it there. Rajesh

> Because this is above 3 000 GHz, we are not sure which working party should take it
"""))

t("ov-035", "[int-sect-team] Streetlight poles as hosts for small cells - BDT guide for municipalities",
  ("Pierre Lefebvre", "2029-07-13 10:10", """\
Dear colleagues,

Cities replacing their lamps with LED streetlights ask whether they can rent the
poles to operators for 5G small cells. BDT will prepare a short guide: pole rights
and fees, structural and power aspects, permits, and revenue sharing with
municipalities.

Pierre Lefebvre
BDT
"""))

# ---------------------------------------------------------------- C10 helpline numbers
t("ov-036", "[int-sect-team] SG2 draft Recommendation E.SVN - a common short-code range for social-value helplines",
  ("Hiroshi Takemura", "2029-07-11 11:20", """\
Dear colleagues,

SG2 Q2/2 is progressing draft Recommendation E.SVN, "Harmonized short codes for
helplines of social value". It proposes that national numbering plans reserve a
common range (similar to the European 116 range) for services such as child
helplines, victim support and mental-health crisis lines, with principles for
free-of-charge access from all networks and criteria for assignment.

Next Q2/2 rapporteur meeting: 3 September (e-meeting).

Hiroshi Takemura
TSB
"""),
  ("Klaus Brenner", "2029-07-11 14:00", """\
Hiroshi, please make sure the draft references the EU experience with 116 000 and
116 111. Klaus

> It proposes that national numbering plans reserve a common range (similar to the
> European 116 range)
"""))

t("ov-037", "[int-sect-team] Números cortos para líneas de ayuda / easy-to-remember free numbers for hotlines - proposed regional guide (ITU-D)",
  ("María Fernández", "2029-07-19 12:00", """\
Estimados,

Argentina y Uruguay propondrán una guía regional sobre números cortos gratuitos para
líneas de ayuda.

English: every country in the region has different numbers for gender violence,
suicide prevention, missing children... People do not remember them and some
operators charge for the call. We propose an ITU-D regional guide (Americas) for
regulators: how to reserve short, free, easy numbers for these lines in the
national numbering plan, and how to align them across neighbouring countries.

Saludos,
María
"""))

t("ov-038", "[int-sect-team] SG2 questionnaire - use of Universal International Freephone Numbers in 2029",
  ("Ahmed El-Sayed", "2029-07-24 10:00", """\
Dear colleagues,

TSB has issued the 2029 questionnaire to administrations and UIFN registrants on the
use of Universal International Freephone Numbers (E.169.1): number of active UIFNs,
countries of origination, and problems with reachability. Replies by 30 September.

Ahmed El-Sayed
TSB
"""))

t("ov-039", "[int-sect-team] Línea 089 de denuncia anónima - does anybody in ITU compile helpline numbering practices?",
  ("Luis Ramírez", "2029-07-30 18:15", """\
Hola a todos,

In Mexico we have 911 for emergencies and 089 for anonymous reporting; other help
lines have 10-digit numbers. I am asked by our regulator whether ITU has a
compilation of how countries number their helplines. Any pointer is appreciated.

Luis Ramírez
"""),
  ("Hiroshi Takemura", "2029-07-31 09:00", """\
Dear Luis, SG2 is working on a Recommendation on exactly this (E.SVN). I will send you
the draft. Hiroshi

> I am asked by our regulator whether ITU has a compilation of how countries number
> their helplines.
"""))

# ---------------------------------------------------------------- C11 theft and vandalism
t("ov-040", "[int-sect-team] SG5 - German proposal for a Supplement on anti-theft protection of outside plant (batteries, copper, diesel)",
  ("Klaus Brenner", "2029-08-01 09:30", """\
Dear colleagues,

Germany will propose to SG5 a Supplement on physical protection of telecom outside
plant against theft: intrusion alarms for cabinets, GPS-tracked and serialized
batteries, marking of copper cable, fuel-level sensors against diesel theft, and
remote monitoring. Rail operators report the same problems, so we include cable
ducts along railway lines.

Klaus Brenner
"""))

t("ov-041", "[int-sect-team] Vandalism and theft at telecom sites - BDT compilation of laws that treat networks as critical infrastructure",
  ("Tomás Herrera", "2029-08-09 14:20", """\
Dear colleagues,

Operators in Nigeria, South Africa and Peru lose millions every year to stolen
batteries and cables and to burned sites. Some countries have changed their laws:
telecom sites declared critical national infrastructure, higher penalties, scrap
metal dealer licensing, joint police units.

BDT will compile these legal and institutional measures into a guide for
governments and regulators.

Tomás Herrera
BDT
"""),
  ("Andrés Gutiérrez", "2029-08-10 09:00", """\
Tomás, Colombia's law of 2027 on theft of telecom infrastructure could be included.
Andrés

> BDT will compile these legal and institutional measures into a guide
"""))

t("ov-042", "[int-sect-team] Council 2029 - note on attacks on telecom installations: stolen batteries, cut cables, burned masts",
  ("Nadia Haddad", "2029-08-16 11:00", """\
Dear members,

Several Councillors asked for a short note on the growing number of criminal
attacks on telecom installations - theft of batteries and copper, cable cuts,
arson of masts - and their effect on service continuity and emergency calls. The
General Secretariat will draft it with suggestions for Member States (legal
protection, cooperation with police, reporting obligations).

Nadia Haddad
"""))

t("ov-043", "[int-sect-team] Handbook on national spectrum enforcement - new chapter on seizing illegal transmitters",
  ("Sofia Lindqvist", "2029-08-21 10:30", """\
Dear colleagues,

BR is updating the chapter of the Spectrum Monitoring Handbook on enforcement: legal
powers of inspectors, seizure of unlicensed FM transmitters and jammers, penalties
and cooperation with the police and customs.

Sofia Lindqvist
BR
"""))

# ---------------------------------------------------------------- C12 earthquake alerts from phones
t("ov-044", "[int-sect-team] SG20 - draft TR on crowdsourced seismic detection using accelerometers in consumer phones",
  ("Zhang Wei", "2029-08-22 15:00", """\
Dear colleagues,

SG20 agreed to draft a Technical Report on earthquake detection by smartphone
accelerometers: on-device P-wave triggering, server-side aggregation, latency budget,
false-trigger rates, privacy, and the interface to national alerting systems.

Zhang Wei
"""),
  ("Hiroshi Takemura", "2029-08-23 09:20", """\
Thanks Zhang. The TD number is SG20-TD 655. Hiroshi

> SG20 agreed to draft a Technical Report on earthquake detection by smartphone
> accelerometers
"""))

t("ov-045", "[int-sect-team] Early Warnings for All - note on using the motion sensors of ordinary phones to warn of strong shaking",
  ("Lucia Bianchi", "2029-09-03 10:00", """\
Dear colleagues,

Within Early Warnings for All, the General Secretariat is preparing a note for UN
partners on using the motion sensors in people's phones as a dense seismic network
to warn of strong shaking, especially in countries without a seismometer network.
The note covers accuracy, false alarms, privacy, and who is allowed to issue the
warning.

Lucia Bianchi
"""))

t("ov-046", "[int-sect-team] Alertas sísmicas desde los celulares / phones as a seismic network - Colombia proposal for ITU-D SG2",
  ("Andrés Gutiérrez", "2029-09-10 08:45", """\
Dear colleagues,

Colombia proposes to ITU-D SG2 a study on using the cellphones of the population to
detect earthquakes and warn neighbouring cities before the shaking arrives, as a
complement to the seismological service. We want experiences: how fast, how many
false alarms, and how the alerts reach people (app, SMS, cell broadcast).

Andrés Gutiérrez
"""),
  ("Priya Raman", "2029-09-10 14:00", """\
Andrés, India's Himalayan states have tried this. I will share. Priya

> Colombia proposes to ITU-D SG2 a study on using the cellphones of the population
"""),
  ("Yuki Sato", "2029-09-11 09:30", """\
Andrés, Japan has a long experience with JMA EEW; let me know if a speaker helps.
Yuki

> We want experiences: how fast, how many false alarms
"""))

t("ov-047", "[int-sect-team] SMART cables - BDT support to a Pacific pilot of seismic sensors in a new repeater system",
  ("Amara Diallo", "2029-09-13 11:00", """\
Dear colleagues,

BDT will support a pilot in the Pacific where a new submarine cable is equipped with
seismic and pressure sensors in the repeaters (SMART cable). Our role: capacity
building for the national disaster agencies on the data.

Amara Diallo
BDT
"""))

# ---------------------------------------------------------------- C13 displaced people
t("ov-048", "[int-sect-team] Connecting refugee settlements - BDT guide for host-country regulators and humanitarian partners",
  ("Tomás Herrera", "2029-09-17 10:00", """\
Dear colleagues,

BDT will draft a guide for host-country regulators and humanitarian partners on
connecting refugee settlements: SIM registration for people without national ID,
infrastructure sharing at camps, community networks, and affordable data.

Tomás Herrera
BDT
"""),
  ("Grace Mwangi", "2029-09-18 09:00", """\
Tomás, the Kakuma community network should be a case. Grace

> connecting refugee settlements
"""))

t("ov-049", "[int-sect-team] Joint ITU-UNHCR framework on connectivity for forcibly displaced people - draft for comment",
  ("Nadia Haddad", "2029-09-27 14:00", """\
Dear colleagues,

The General Secretariat, with UNHCR, is drafting a joint framework on connectivity
for forcibly displaced people: access to mobile service and internet for refugees
and internally displaced persons, legal barriers such as ID rules for SIM cards,
and affordability. Draft attached for comment.

Nadia Haddad
"""))

t("ov-050", "[int-sect-team] Humanitarian Networks and Partnerships Week - ITU booth and BR session on emergency spectrum",
  ("Rajesh Iyer", "2029-10-04 10:00", """\
Dear colleagues,

ITU will have a booth at Humanitarian Networks and Partnerships Week in Geneva
(10-12 November). BR will run a session on emergency spectrum. Please confirm
speakers by 20 October; badges are requested through the GS events team.

Rajesh Iyer
BR
"""))


# ------------------------------------------------------------------------------ render
class Lit(str):
    pass


def lit_rep(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")


yaml.add_representer(Lit, lit_rep, Dumper=yaml.SafeDumper)


def main():
    members = yaml.safe_load(MEMBERS.read_text(encoding="utf-8"))["members"]
    addr = {m["name"]: m["address"] for m in members}
    out = []
    for tid, subject, msgs in T:
        ms = []
        for i, (sender, local, body) in enumerate(msgs, 1):
            m = addr[sender]
            tz = TZ.get(sender, GENEVA)
            dt = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(tz))
            ms.append({
                "id": f"m{i}",
                "from": f"{sender} <{m}>",
                "to": LIST,
                "date": dt.isoformat(),
                "body": Lit(body),
            })
        out.append({"id": tid, "subject": subject, "topics": [], "messages": ms})
    text = ("# overlaps10 - blind evaluation threads for the duplication watch\n"
            "# generated by tools/make_threads.py\n")
    text += yaml.safe_dump({"threads": out}, allow_unicode=True, sort_keys=False, width=200)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} with {len(out)} threads")


if __name__ == "__main__":
    main()
