T = []
def th(key, subject, *msgs): T.append(dict(key=key, subject=subject, msgs=list(msgs)))

# ---------------- C1: licence-exempt use of the 6 GHz band ----------------
th("c1-r", "[int-sect-team] WP 5A - preliminary draft new Report on RLAN in 5 925-7 125 MHz: sharing with fixed links and FSS uplinks",
 ("yuki", "2027-09-07 17:40", """Dear ISCG colleagues,

For information: at its August meeting WP 5A agreed to start a preliminary draft
new Report on radio local area networks in the 5 925-7 125 MHz range.

Scope as agreed in the working party:
- technical and operational characteristics of low-power indoor and very-low-power
  portable access points;
- sharing and compatibility studies with fixed service links and FSS uplinks
  (Earth-to-space), including building entry loss assumptions;
- summary of the conditions applied by administrations that have already decided on the
  lower part of the range.

The rapporteur is from Japan; the working document is in the annex to the chairman's
report (Doc. 5A/xxx, Annex 14). Target completion: May 2028.

Best regards,
Yuki Sato
Japanese Administration (example) - RAG vice-chair
"""),
 ("sofia", "2027-09-08 09:15", """Thanks Yuki. Just to add that the BR will post the working document on the
WP 5A page this week so that non-members of the WP can read it.

Sofia

-----Original Message-----
From: Yuki Sato <yuki.sato@example.go.jp>
Sent: Tuesday, 7 September 2027 10:40
To: int-sect-team@lists.itu.int
Subject: [int-sect-team] WP 5A - preliminary draft new Report on RLAN in 5 925-7 125 MHz: sharing with fixed links and FSS uplinks

Dear ISCG colleagues,

For information: at its August meeting WP 5A agreed to start a preliminary draft
new Report on radio local area networks in the 5 925-7 125 MHz range.
[...]
"""),
)

th("c1-gs", "[int-sect-team] New Wi-Fi networks at HQ and CICG from 1 October",
 ("nadia", "2027-09-14 11:02", """Dear all,

Please note that from 1 October the wireless networks in the Tower, Montbrillant and
at the CICG change:

  ITU-Delegates  -> replaced by "ITU-Meetings" (password on your badge sleeve)
  ITU-Guest      -> unchanged, 24h vouchers from the Service Desk

Devices that only support the old 2.4 GHz band will still connect but slowly. If you
bring a travel router, please do not switch it on in the meeting rooms, it disturbs
the interpretation booths' system.

Kind regards,
Nadia Haddad
General Secretariat
"""),
)

th("c1-d", "[int-sect-team] Model decision: letting homes, schools and clinics use wireless LANs at 6 GHz without a licence",
 ("grace", "2027-09-20 14:30", """Dear colleagues,

BDT is preparing a short regulatory package for administrations that want to make
the 6 GHz range available for indoor wireless broadband without individual licences.
Many regulators in Africa and the Pacific have asked us for something they can adapt
quickly.

Planned contents:
 1. model text of a class-licence / general-authorisation decision (power classes,
    indoor-only restriction, contention-based access);
 2. a checklist for type-approval of Wi-Fi 6E / Wi-Fi 7 equipment;
 3. an impact note on school and hospital connectivity (cheaper in-building
    coverage, backhaul offload);
 4. three country case studies.

First draft expected end of November. Volunteers from TDAG to review are welcome.

Best,
Grace Mwangi
BDT - Regulatory and Market Environment
"""),
 ("priya", "2027-09-21 10:05", """Dear Grace,
India can review item 2 and share our equipment certification practice.
Regards, Priya

On Mon, 20 Sept 2027 at 18:00, Grace Mwangi <grace.mwangi@itu.int> wrote:
> BDT is preparing a short regulatory package for administrations that want to make
> the 6 GHz range available for indoor wireless broadband without individual licences.
"""),
 ("grace", "2027-09-21 11:20", """Thank you Priya, noted - I will send you the checklist draft in October.
Grace
"""),
)

th("c1-data", "[int-sect-team] Colombia - mediciones de enlaces fijos en 6,4 GHz / fixed-link measurements offered to WP 5A",
 ("andres", "2027-09-27 08:20", """Estimados colegas, dear colleagues,

(English below)

Colombia ha realizado una campaña de medición de enlaces punto a punto en la banda de
6 GHz en Bogotá y Medellín.

We measured received levels on 42 point-to-point links between 6 425 and 7 100 MHz,
with and without indoor access points operating nearby. We would like to submit the
results as input to the WP 5A working document on RLAN sharing, for the November
meeting. Could the BR confirm the contribution deadline?

Saludos,
Andrés Gutiérrez
Administración colombiana (ejemplo)
"""),
 ("yuki", "2027-09-28 09:10", """Dear Andrés,

Thank you, the data will be very useful for the rapporteur. The deadline is 16 days
before the meeting; I will send you the exact date offline.

Yuki
"""),
)

th("c1-chair", "[int-sect-team] 6 GHz - short tour de table before the October call?",
 ("ingrid", "2027-10-04 21:10", """Dear all,

Several of you mentioned the 6 GHz band in September (WP 5A work on RLAN sharing,
BDT's regulatory package, the Colombian measurements). Before our call on 14 October
could each advisory group say in two lines what it expects from the others? I would
like to avoid that we discuss it for the first time in the meeting.

Ingrid
--
Ingrid Solheim, ISCG chair
"""),
 ("fatou", "2027-10-05 09:30", """Bonjour Ingrid,

Pour le RAG : we simply ask that any regulatory guidance refers to the ITU-R studies
on protection of fixed links and FSS. Rien de plus.

Fatou

Le 04/10/2027 à 19:10, Ingrid Solheim a écrit :
> Several of you mentioned the 6 GHz band in September [...]
"""),
)

# ---------------- C2: number portability ----------------
th("c2-t", "[int-sect-team] SG2 - draft Supplement: routing calls to subscribers who changed operator (reference database models)",
 ("ahmed", "2027-09-29 10:30", """Dear ISCG members,

For your information, ITU-T SG2 (Q1/2) agreed at its September meeting to develop a
new Supplement to the E.164-series on call routing when a subscriber has moved to a
different operator.

The text will compare:
- all-call query versus onward routing and query-on-release;
- centralised reference databases versus distributed ones, and their update windows;
- the routing number prefixes needed for international incoming traffic;
- effects on SMS delivery and on number-range-based fraud screening.

Editor: Mr A. Okafor (Nigeria). First draft planned for the Q1/2 rapporteur meeting
in January 2028.

Best regards,
Ahmed El-Sayed
TSB - SG2 secretariat
"""),
)

th("c2-homonym", "[int-sect-team] WP 5B - Rapport sur les radiocommunications dans les zones portuaires / radio for vessel traffic services in ports",
 ("fatou", "2027-10-05 12:00", """Chers collègues,

Le Sénégal propose à la prochaine réunion du GT 5B un projet de Rapport sur les
radiocommunications dans les zones portuaires : services de trafic maritime (VTS),
communications entre pilotes et capitainerie, et utilisation des canaux VHF de
l'appendice 18 dans les ports très fréquentés.

In short: a Report on radio for vessel traffic services and pilotage in busy ports,
based on the experience of the port of Dakar. Comments from other administrations
with large ports are welcome.

Cordialement,
Fatou Ndiaye
Administration du Sénégal (exemple)
"""),
)

th("c2-d", "[int-sect-team] India proposal to ITU-D SG1 - guidelines on switching mobile provider without losing your number",
 ("priya", "2027-10-12 15:45", """Dear colleagues,

India intends to propose at the next ITU-D SG1 meeting an output on how regulators can
make it easy for customers to move to another mobile operator while keeping their
existing phone number.

Points we want to cover:
* maximum switching time (India moved to 3 working days, 2 in metro circles);
* unique porting codes sent by SMS to stop unauthorised transfers;
* fees and whether the donor operator may charge;
* dispute handling and who pays for the central clearinghouse;
* experience from developing countries where the service was launched but few people
  used it.

We would appreciate case studies from other TDAG members.

Regards,
Priya Raman
Indian Administration (example)
"""),
 ("andres", "2027-10-13 07:50", """Hola Priya, Colombia can contribute a case study - our clearinghouse has been running
since 2011. Andrés

________________________________
De: Priya Raman <priya.raman@example.gov.in>
Enviado: martes, 12 de octubre de 2027 5:15
Para: int-sect-team@lists.itu.int
Asunto: [int-sect-team] India proposal to ITU-D SG1 - guidelines on switching mobile provider without losing your number

India intends to propose at the next ITU-D SG1 meeting an output on how regulators can
make it easy for customers to move to another mobile operator [...]
"""),
)

th("c2-event", "[int-sect-team] Lima consumer-protection forum, 2-3 December - session on changing operators: speakers wanted",
 ("tomas", "2027-10-19 09:00", """Dear all,

The Americas regional forum on consumer protection (Lima, 2-3 December, hosted by
OSIPTEL) will have a 90-minute session on "Changing operators: keeping your number,
your credit and your data".

We still need two speakers, ideally one from ITU-T SG2 and one regulator from outside
the region. Interpretation EN/ES. Travel of speakers from developing countries can be
covered by BDT fellowships; visa letters from us on request.

Please reply by 5 November.

Tomás Herrera
BDT Regional Office for the Americas
"""),
)

th("c2-obs", "[int-sect-team] Portabilidad numérica - pregunta desde México / who in ITU looks at number portability?",
 ("luis", "2027-10-26 18:20", """Buenas tardes a todos,

Perdón por escribir en español primero. En México la portabilidad numérica ya se hace
en 24 horas, pero vemos mucho fraude de "portación no solicitada".

In English: I am asked by our regulator whether ITU is working on number portability
at the moment, and in which group. I saw something in SG2 and something in ITU-D but
I am not sure. Can the secretariat tell me where to send our data?

Saludos cordiales,
Luis Ramírez
ITU-D SG2 vice-chair
"""),
 ("ahmed", "2027-10-27 09:05", """Dear Luis,

On the ITU-T side it is Q1/2 (routing aspects). Your fraud data would be welcome in
the SG2 January meeting. I leave BDT to answer for ITU-D.

Ahmed

On Wed, Oct 27, 2027 at 2:20 AM Luis Ramírez <luis.ramirez@example.gob.mx> wrote:
> In English: I am asked by our regulator whether ITU is working on number portability
> at the moment, and in which group.
"""),
)

# ---------------- C3: taxation of ICT services ----------------
th("c3-t", "[int-sect-team] SG3 new work item D.SSL - effect of sector-specific levies on retail prices of mobile services",
 ("hiroshi", "2027-10-21 16:00", """Dear ISCG colleagues,

ITU-T SG3 agreed last week to open a new work item, provisionally D.SSL, under
Q4/3. It will analyse how sector-specific levies imposed on telecom operators -
special turnover taxes, per-SIM fees, surcharges on incoming international traffic,
universal service contributions above the general corporate rate - are passed
through to end-user tariffs.

Expected output: a Recommendation with principles for "economically neutral"
treatment of the telecom sector, plus a Supplement with an econometric annex.

The editors are from Ghana and Switzerland. Timeline: determination in 2029.

With best regards,
Hiroshi Takemura
TSB
"""),
)

th("c3-d", "[int-sect-team] Propuesta de Argentina - aranceles a terminales e impuestos al consumo / handset duties and airtime excise (ITU-D SG1)",
 ("maria", "2027-10-28 11:30", """Estimados colegas:

Argentina presentará a la Comisión de Estudio 1 del UIT-D una propuesta de informe
sobre el peso fiscal en el acceso a los servicios móviles.

Summary in English: we propose an ITU-D SG1 output that documents, country by country,
import duties on smartphones, excise taxes and VAT on prepaid airtime and data, and
how much these add to the cost of being connected for the poorest 40 % of households.
The report would end with policy options (phasing out duties on entry-level handsets,
reduced VAT on data bundles).

Agradecemos comentarios antes del 30 de noviembre.

María Fernández
Administración argentina (ejemplo)
"""),
 ("pierre", "2027-10-29 10:15", """Chère María, thank you - BDT can provide the ICT price basket data by income
quintile for the annex. Pierre

From: María Fernández <maria.fernandez@example.gob.ar>
Sent: Thursday, October 28, 2027 4:30 PM
To: int-sect-team@lists.itu.int
Subject: [int-sect-team] Propuesta de Argentina - aranceles a terminales e impuestos al consumo / handset duties and airtime excise (ITU-D SG1)

Estimados colegas:
Argentina presentará a la Comisión de Estudio 1 del UIT-D una propuesta de informe [...]
"""),
)

th("c3-homonym", "[int-sect-team] Reminder - VAT exemption forms for meeting catering and delegates' purchases",
 ("nadia", "2027-11-03 10:00", """Dear colleagues,

A reminder from the Finance and Protocol services: as an international organisation
ITU does not pay Swiss VAT on catering ordered for meetings, but only if form 1050 is
attached to the order. Several receptions in October were invoiced with tax.

Delegates who bought equipment locally cannot claim the VAT back through ITU.

Thanks,
Nadia
General Secretariat
"""),
)

th("c3-gs", "[int-sect-team] GS discussion paper - fiscal regimes and the cost of getting online (FfD follow-up)",
 ("lucia", "2027-11-09 14:20", """Dear all,

The Secretary-General has been invited to contribute to the UN Financing for
Development follow-up in April 2028. The General Secretariat is drafting a short
discussion paper on how governments raise revenue from digital connectivity and what
it does to affordability:

 - "digital" levies on operators as a share of their revenue, compared with other
   sectors of the economy;
 - taxes paid by consumers when they buy a phone or recharge;
 - evidence from countries that cut such taxes (uptake, overall tax receipts);
 - a possible "affordability-friendly fiscal policy" checklist for ministries of
   finance.

Draft for internal review mid-January.

Best regards,
Lucia Bianchi
Strategic Planning and Membership, General Secretariat
"""),
)

th("c3-ls", "[int-sect-team] FW: LS from ITU-T SG3 to ITU-D SG1 - draft D.SSL on sector-specific levies, comments invited",
 ("hiroshi", "2027-11-17 17:05", """Dear colleagues,

FYI, the liaison statement below was sent today by SG3 to ITU-D SG1.

Hiroshi

---------- Forwarded message ----------
LIAISON STATEMENT
Source: ITU-T Study Group 3
Title: Draft Recommendation D.SSL - invitation to comment
For action to: ITU-D Study Group 1
Approval: Agreed at the SG3 meeting (Geneva, 8-12 November 2027)
Deadline: 15 February 2028

SG3 has learnt that ITU-D SG1 is considering a proposal on taxes on handsets and on
consumption of mobile services. SG3 invites ITU-D SG1 to comment on the attached
baseline text of D.SSL and to consider a joint session of the two rapporteur groups in
early 2028, so that the two texts use the same definitions.
"""),
)

# ---------------- C4: 2G/3G switch-off ----------------
th("c4-d", "[int-sect-team] Guidelines for regulators - retiring legacy mobile networks without leaving users behind",
 ("pierre", "2027-11-16 10:10", """Dear colleagues,

Over the last year some 30 administrations asked BDT how to handle the end of their
oldest mobile networks. We plan "Guidelines for regulators on the retirement of
legacy mobile networks", covering:

  - notice periods and public information campaigns;
  - customers who still use basic phones (elderly, rural users) and handset
    replacement schemes;
  - alarms, lifts, payment terminals and meters that still depend on the old networks;
  - continuity of emergency calling and roaming for visitors;
  - licence conditions and what operators must report to the regulator.

Drafting team: BDT with two consultants. Draft for the TDAG meeting in March 2028.

Best regards,
Pierre Lefebvre
BDT
"""),
 ("maria", "2027-11-17 08:40", """Pierre, muy útil. Argentina can share our 2025-2026 experience with POS terminals
that stopped working. Saludos, María

> Over the last year some 30 administrations asked BDT how to handle the end of their
> oldest mobile networks.
"""),
)

th("c4-homonym", "[int-sect-team] Sunset review - SG2 and SG3 Questions that may lapse at WTSA-28",
 ("ahmed", "2027-11-23 15:00", """Dear all,

As part of the preparation for WTSA-28, TSAG asked each study group to review its
Questions against the "sunset" criteria (no contributions in two consecutive
meetings, no active work items). For SG2 and SG3 the candidates are:

  Q6/2 (partly), Q9/3 - merge proposed
  Q11/3 - proposed for deletion

Comments from ISCG only if you see a link with ITU-D Questions that would be affected.

Ahmed
TSB
"""),
)

th("c4-t", "[int-sect-team] Proposal for ITU-T Technical Report - moving voice, SMS and machine-type devices off circuit-switched mobile generations",
 ("zhang", "2027-11-30 16:40", """Dear colleagues,

China will propose to SG13 (with copy to SG11) a new Technical Report on the
technical migration when operators close their second- and third-generation
circuit-switched mobile systems.

Content:
 - voice over LTE/NR interworking, fallback and roaming between networks with and
   without circuit-switched domain;
 - SMS over IMS and over NAS;
 - migration of low-rate machine-type devices to NB-IoT / LTE-M;
 - test cases to verify that devices in the field still attach after the closure.

We have data from the closure of 3G networks by three Chinese operators.

Best regards,
Zhang Wei
Chinese Administration (example)
"""),
)

th("c4-r", "[int-sect-team] WP 5D - working document on re-use of spectrum freed when GSM and UMTS are switched off",
 ("sofia", "2027-12-07 09:30", """Dear ISCG members,

WP 5D at its last meeting created a working document towards a new Report on
"Transition of frequency bands from legacy IMT-2000 and pre-IMT systems to IMT-2020
and beyond".

It addresses:
 * planning of the closure of GSM and UMTS carriers and the timing of re-farming;
 * coexistence during the transition (guard bands, dynamic spectrum sharing);
 * cross-border coordination when neighbouring countries close at different dates;
 * the population that still depends on the legacy systems at closure time.

Contributions are invited for the February 2028 meeting.

Kind regards,
Sofia Lindqvist
BR - Study Groups Department
"""),
)

# ---------------- C5: private industrial networks ----------------
th("c5-r", "[int-sect-team] WP 5D - proposal for a Report on local IMT networks for factories, mines and ports",
 ("joao", "2027-12-09 14:00", """Dear colleagues,

Brazil will propose at the next WP 5D meeting a new Report on the use of IMT for
local, site-specific networks operated by industrial companies (manufacturing plants,
mines, ports, agribusiness).

The Report would describe:
 - band plans and the spectrum set aside by administrations for local licences
   (3.7-3.8 GHz, 26 GHz, etc.);
 - coexistence between a local licensee and the public operator in adjacent areas;
 - typical deployment scenarios and traffic models.

Best regards,
João Pereira da Silva
Brazilian Administration (example) - RAG vice-chair
"""),
)

th("c5-homonym", "[int-sect-team] BR private network (VPN) for SNS Online and SpaceCap - certificates expire 20 December",
 ("rajesh", "2027-12-14 08:50", """Dear all,

Administrations that access the BR space systems tools via the BR private network
(VPN) must renew their client certificates before 20 December 2027. After that date
the old certificates stop working and SNS Online will refuse the connection.

Instructions were sent to the notifying administrations in CR/5xx. ISCG members who
have a personal account: please write to brmail@itu.int.

Regards,
Rajesh Iyer
BR - Informatics, Administration and Publications
"""),
)

th("c5-event", "[int-sect-team] Workshop 'Connectivity for Industry 4.0', Kigali 15-16 February 2028 - programme and visas",
 ("grace", "2027-12-20 11:00", """Dear ISCG members,

BDT and the Government of Rwanda will hold a regional workshop "Connectivity for
Industry 4.0" in Kigali on 15-16 February 2028. Sessions on dedicated networks for
industry, IoT in mining, and skills.

We would like one speaker each from BR and TSB. Visa support letters can be
requested until 20 January. The draft programme is attached.

Thank you,
Grace Mwangi
BDT
"""),
 ("sofia", "2027-12-21 10:30", """Dear Grace,

BR will nominate a speaker from the Terrestrial Services Department; I will send the
name in January.

Best, Sofia

From: Grace Mwangi <grace.mwangi@itu.int>
Sent: Monday, 20 December 2027 11:00
To: int-sect-team@lists.itu.int
Subject: [int-sect-team] Workshop 'Connectivity for Industry 4.0', Kigali 15-16 February 2028 - programme and visas

We would like one speaker each from BR and TSB. [...]
"""),
)

th("c5-d", "[int-sect-team] Redes privadas en minería y agroindustria - ITU-D SG1 proposal on licensing dedicated wireless networks",
 ("andres", "2028-01-05 09:15", """Estimados colegas, feliz año.

Colombia quiere proponer a la CE1 del UIT-D un trabajo sobre cómo otorgar licencias
para redes inalámbricas dedicadas a empresas.

In English, shortly: mining companies, oil fields and large farms ask our regulator
for their own wireless networks (automation, trucks, sensors). We propose an ITU-D
SG1 output for regulators: authorisation models (area licences, leasing from
operators, light licensing), fees, obligations, and whether this takes demand away
from rural coverage by public operators. Case studies from Chile, Peru and Colombia.

Comentarios bienvenidos.

Andrés Gutiérrez
"""),
)

th("c5-t", "[int-sect-team] SG13 - draft Recommendation Y.NPN-int: integration of non-public networks with public operator cores",
 ("klaus", "2028-01-11 13:20", """Dear colleagues,

FYI: SG13 (Q6/13) has a new baseline text, Y.NPN-int, "Framework for the integration
of non-public networks with public networks in IMT-2020". It specifies:

 - stand-alone non-public networks and those hosted by a public operator;
 - network slicing and identity management for enterprise users;
 - service continuity when a device leaves the enterprise site;
 - requirements from the German campus-network experience.

Germany (Fraunhofer and two manufacturers) provided most of the input.

Best regards,
Klaus Brenner
Federal Network Administration (example), Germany
"""),
)
