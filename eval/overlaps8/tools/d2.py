from d1 import T, th

# ---------------- C6: broadcast TV received directly on phones ----------------
th("c6-r", "[int-sect-team] GT 6A - projet de Rapport : la télévision reçue directement sur les téléphones / TV straight to handsets without a data plan",
 ("fatou", "2028-01-12 10:00", """Chers collègues, dear colleagues,

Le GT 6A a décidé d'élaborer un avant-projet de nouveau Rapport UIT-R BT sur la
réception de programmes de télévision directement sur les téléphones mobiles, sans
carte SIM ni abonnement de données.

English summary: WP 6A is starting a Report on delivering linear television channels
over the air directly to smartphones and tablets, without a SIM card or mobile data.
It will cover the candidate transmission systems (high-tower high-power networks,
ATSC 3.0, DVB-I with broadcast bearers, ISDB-T one-segment), the frequency bands in
the UHF range, planning of coverage for handheld reception, and coexistence with IMT
in neighbouring countries.

Les contributions sont attendues pour la réunion de mai.

Fatou Ndiaye
Administration du Sénégal (exemple)
"""),
)

th("c6-homonym", "[int-sect-team] Webcast of the ISCG information session for Council members - WebTV set-up",
 ("nadia", "2028-01-18 16:00", """Dear all,

The ISCG information session for Council members on 3 February (13:00-14:00 CET,
Popov room) will be broadcast live on ITU WebTV and recorded.

Speakers: please arrive 20 minutes early for the sound check, and send slides to me
by 1 February. Remote speakers connect through the Zoom link in the calendar invite,
not through WebTV.

Nadia
General Secretariat - Conferences and Publications
"""),
)

th("c6-t", "[int-sect-team] SG9 - draft new Recommendation J.hh-lbc: handheld terminal requirements for linear TV over 5G Broadcast",
 ("hiroshi", "2028-01-25 11:00", """Dear ISCG colleagues,

SG9 agreed in January to start a draft new Recommendation, J.hh-lbc, "Functional
requirements for handheld terminals receiving linear broadcast services over
LTE-based 5G Broadcast and similar one-to-many bearers".

Scope:
- receive-only mode (no uplink, no subscription);
- electronic programme guide and switching between broadcast and unicast delivery;
- conditional access and emergency-information override;
- battery consumption targets and antenna performance.

Editors: India and Germany. Baseline text in SG9-TD120.

Regards,
Hiroshi Takemura
TSB
"""),
 ("klaus", "2028-01-25 14:45", """Thanks Hiroshi. Germany will also bring results from the Bavarian trial to the
next Q?/9 meeting.
Klaus

-----Ursprüngliche Nachricht-----
Von: Hiroshi Takemura <hiroshi.takemura@itu.int>
Gesendet: Dienstag, 25. Januar 2028 11:00
An: int-sect-team@lists.itu.int
Betreff: [int-sect-team] SG9 - draft new Recommendation J.hh-lbc: handheld terminal requirements for linear TV over 5G Broadcast
"""),
)

th("c6-data", "[int-sect-team] Japan field trial - handheld reception measurements offered to ITU-T SG9",
 ("yuki", "2028-02-01 18:00", """Dear colleagues,

Japan will submit to the next SG9 meeting the results of a field trial carried out
in Osaka in 2027: reception success rates, required field strength for indoor
handheld reception, and battery use, measured on 40 commercial handsets.

We hope these measurements help the editors of the new SG9 terminal Recommendation.
The contribution is in the contribution queue as SG9-C0xx.

Best regards,
Yuki Sato
"""),
)

th("c6-d", "[int-sect-team] Handbook idea: reaching viewers on their phones with one-to-many transmissions - options for emerging markets",
 ("tomas", "2028-02-08 09:40", """Dear all,

BDT has been asked by several broadcasters and regulators in Latin America and
Africa how public service media can reach audiences who own a smartphone but cannot
afford to stream video.

We propose a BDT handbook: "Free-to-air content on mobile devices: a guide for
broadcasters and regulators in emerging markets". It would compare the business
models (public broadcaster, shared tower operator, mobile operator), the licensing
and spectrum questions, chipset availability in low-cost phones, and lessons from
pilots in India, Brazil and Nigeria.

Any comments before we draft the terms of reference?

Saludos,
Tomás Herrera
BDT
"""),
)

# ---------------- C7: measuring digital skills ----------------
th("c7-d", "[int-sect-team] Digital Skills Assessment Guidebook - 2nd edition: changes to the test modules",
 ("grace", "2028-02-03 10:30", """Dear colleagues,

BDT is revising the Digital Skills Assessment Guidebook (1st edition 2020). The
second edition will:

  - replace self-declared skills with short practical tasks (send an attachment,
    spot a phishing message, fill in an online form);
  - add a module on using generative AI tools;
  - provide a national survey template and a scoring method so that countries can
    compare basic, intermediate and advanced levels.

We plan to pilot it in Kenya, Peru and Bangladesh from May.

Best,
Grace Mwangi
BDT - Digital Skills
"""),
)

th("c7-homonym", "[int-sect-team] Survey of Recommendation editors' drafting skills - TSB training plan 2028",
 ("ahmed", "2028-02-09 14:00", """Dear all,

TSB will send a short survey to all editors of ITU-T Recommendations to see which
drafting skills they need help with (use of the author's guide, ASN.1, figures,
the new online editing tool). The results will shape the 2028 training plan for
editors.

If ITU-R or ITU-D want to add questions about their own editors, tell me by
20 February.

Regards,
Ahmed El-Sayed
TSB
"""),
)

th("c7-gs", "[int-sect-team] Common framework for gauging people's competence with digital tools - GS note for the Global Digital Compact follow-up",
 ("lucia", "2028-02-16 09:50", """Dear ISCG members,

For the Global Digital Compact follow-up, the Secretary-General's Office asked us to
draft a note proposing a common, UN-wide way of gauging how competent people are with
digital tools. The draft proposes:

 1. five levels of proficiency (from "can make a call and send a message" to
    "can build digital content and protect oneself online");
 2. a small set of practical test items that national statistical offices can add
    to household surveys;
 3. links to the existing SDG 4.4.1 reporting.

We would like to circulate an outline in March.

Kind regards,
Lucia Bianchi
General Secretariat
"""),
)

th("c7-d2", "[int-sect-team] India input to ITU-D SG1 - indicators of digital literacy among rural women",
 ("priya", "2028-02-23 12:10", """Dear colleagues,

India will contribute to ITU-D SG1 a proposal for indicators of digital literacy
among women in rural areas, based on our national digital literacy mission: what
share can use a smartphone unaided, make a digital payment, look up a government
service, recognise a fraud call.

We propose that these be tested in three states with a short questionnaire and
reported by age group.

Regards,
Priya Raman
"""),
 ("maria", "2028-02-24 09:00", """Priya, good idea. We could test the same questions in two Argentine provinces.
María

El mié, 23 feb 2028 a las 3:40, Priya Raman (<priya.raman@example.gov.in>) escribió:
> India will contribute to ITU-D SG1 a proposal for indicators of digital literacy
> among women in rural areas
"""),
)

th("c7-event", "[int-sect-team] ITU Academy Digital Skills Week (20-24 March) - call for session proposals",
 ("pierre", "2028-03-01 15:00", """Dear colleagues,

The ITU Academy will run a Digital Skills Week online from 20 to 24 March 2028.
Each Bureau can propose up to two one-hour sessions (webinar format, interpretation
in EN/FR/ES). Please send a title, a short abstract and the speaker by 8 March.

Pierre Lefebvre
BDT - ITU Academy
"""),
)

# ---------------- C8: zero-rated / sponsored data ----------------
th("c8-t", "[int-sect-team] SG3 - proposed Supplement on the economic effects of zero-rated and sponsored-data offers",
 ("klaus", "2028-02-29 09:00", """Dear ISCG colleagues,

Germany will propose at the March SG3 meeting a new Supplement to the D-series on
the economics of zero-rating and sponsored data: offers in which traffic to selected
applications is not counted against the customer's data volume, or is paid for by
the content provider.

The Supplement would analyse effects on competition between applications, on
consumer prices and on network investment, and describe the remedies used by
regulators (case-by-case assessment, bans, transparency rules).

Best regards,
Klaus Brenner
"""),
)

th("c8-homonym", "[int-sect-team] Net zero by 2030 - ITU corporate emissions targets, input from ISCG members",
 ("nadia", "2028-03-06 11:30", """Dear all,

ITU committed to net-zero greenhouse gas emissions for its own operations by 2030.
The General Secretariat is preparing the 2028 progress report (travel, buildings,
IT). We would like to know from each Bureau which meetings could move to virtual or
hybrid format in 2028-2029 to reduce air travel.

Please reply by 24 March.

Nadia Haddad
General Secretariat
"""),
)

th("c8-d", "[int-sect-team] Planes con redes sociales \"gratis\" - ITU-D SG1: guidance for regulators on offers where some apps don't use up the data allowance",
 ("maria", "2028-03-13 10:00", """Hola a todos,

En Argentina y en la región los planes prepagos incluyen WhatsApp y Facebook
"ilimitados" aunque se termine el saldo de datos.

(English) We would like to start, in ITU-D SG1, a short guidance document for
regulators in developing countries on mobile plans where chosen applications keep
working when the data balance is used up. Questions: do these plans help first-time
users or lock them into a few platforms? What should regulators ask operators to
publish? How do they affect small local content providers?

Saludos,
María Fernández
"""),
 ("andres", "2028-03-13 12:30", """María, apoyo la propuesta. Colombia's CRC published a study on this in 2024, I
will send the link.

Andrés

-----Mensaje original-----
De: María Fernández <maria.fernandez@example.gob.ar>
Enviado el: lunes, 13 de marzo de 2028 8:00
Para: int-sect-team@lists.itu.int
Asunto: [int-sect-team] Planes con redes sociales "gratis" - ITU-D SG1: guidance for regulators on offers where some apps don't use up the data allowance
"""),
)

th("c8-obs", "[int-sect-team] Operator note - toll-free access to e-government apps: our experience",
 ("james", "2028-03-20 08:40", """Hello everyone,

Example Telecom has run, since 2026, free-of-charge data access to the tax, health
and school apps of two governments in our footprint. Happy to share traffic figures
and costs with whichever ITU group finds them useful - I am not sure which one is
looking at this, so I send it to the whole list.

Best regards,
James Whitfield
Example Telecom Inc.
"""),
)

th("c8-gs", "[int-sect-team] Brief for the Secretary-General - differential pricing of online content and the open Internet",
 ("lucia", "2028-03-27 14:00", """Dear colleagues,

The Secretary-General will speak at the IGF 2028 high-level session on "Meaningful
connectivity and the open Internet". The General Secretariat is preparing a background
brief on practices where operators charge differently depending on which online
service the customer uses (free social media, paid-for video passes, content
partners that pay the traffic).

The brief will summarise the evidence on uptake and competition, and list the
policy positions of regional regulatory associations.

Lucia Bianchi
General Secretariat
"""),
)

# ---------------- C9: protecting astronomy from satellite interference ----------------
th("c9-r", "[int-sect-team] WP 7D - draft new Report on aggregate unwanted emissions of large non-GSO systems in radio astronomy bands",
 ("sofia", "2028-03-28 10:00", """Dear ISCG members,

For information: WP 7D has a working document towards a new Report ITU-R RA.[AGG]
on the aggregate effect of unwanted emissions from large non-geostationary satellite
systems on radio astronomy observations in the bands listed in RR No. 5.340 and
adjacent bands.

The Report will give a calculation methodology (epfd including side-lobes),
measured data from several observatories, and mitigation options (beam avoidance,
filtering on board).

Next meeting: September 2028.

Sofia Lindqvist
BR
"""),
)

th("c9-homonym", "[int-sect-team] India contribution to ITU-D SG1 - leasing unused dark fibre of power and railway utilities",
 ("priya", "2028-04-04 13:00", """Dear colleagues,

India will present to ITU-D SG1 a contribution on leasing dark fibre owned by power
transmission and railway companies to telecom operators for backhaul: pricing,
right of way and open-access obligations. We have 120 000 km of such fibre.

Regards,
Priya Raman
"""),
)

th("c9-data", "[int-sect-team] Japan measurements of satellite downlink levels at Nobeyama - input to WP 7D",
 ("yuki", "2028-04-10 17:30", """Dear colleagues,

Japan will contribute to WP 7D measurements made at the Nobeyama observatory in
2027: received power from non-GSO satellite downlinks at 10.6-10.7 GHz and
around 150 MHz, over 600 hours. We hope this supports the new Report on aggregate
emissions.

Yuki Sato
"""),
 ("sofia", "2028-04-11 09:00", """Thank you Yuki - I have forwarded this to the WP 7D chairman.
Sofia

On 10/04/2028 10:30, Yuki Sato wrote:
> Japan will contribute to WP 7D measurements made at the Nobeyama observatory
"""),
)

th("c9-gs", "[int-sect-team] ITU statement to COPUOS (June 2028) - keeping the sky usable for astronomers",
 ("nadia", "2028-04-17 15:20", """Dear all,

The General Secretariat is drafting ITU's statement and a background paper for the
UN Committee on the Peaceful Uses of Outer Space (COPUOS), June 2028, on the agenda
item on dark and quiet skies. The paper will explain how the brightness and the radio
signals of tens of thousands of satellites affect observatories, what regulatory
tools exist, and what the UN system could do next.

Lucia and I are coordinating. Drafting will close 20 May.

Nadia Haddad
General Secretariat - External Affairs
"""),
)

th("c9-d", "[int-sect-team] Guide for countries hosting observatories: shielding telescope sites from satellite and ground transmitters",
 ("pierre", "2028-04-24 10:00", """Dear colleagues,

Several African and Latin American countries that host (or will host) large
radio telescopes have asked BDT for help. We plan a practical guide for their
administrations: legal designation of protection zones around observatory sites,
licensing limits for terrestrial transmitters nearby, and what can be asked of
satellite operators whose beams cover the site. Case studies: South Africa,
Chile, Ghana.

Pierre Lefebvre
BDT
"""),
)

# ---------------- C10: IPv6 ----------------
th("c10-t", "[int-sect-team] SG13 - draft Supplement on IPv6-only mobile core networks and transition mechanisms (464XLAT, NAT64)",
 ("zhang", "2028-04-21 16:00", """Dear colleagues,

SG13 (Q5/13) agreed to develop a Supplement to the Y-series on IPv6-only mobile core
networks. It covers 464XLAT, NAT64/DNS64, dual-stack lite, performance of IPv4
applications over the translators, and operational experience from the Chinese
"IPv6+" programme.

First draft: June 2028 SG13 meeting.

Zhang Wei
"""),
)

th("c10-homonym", "[int-sect-team] Direcciones para todos - digital addressing for homes without street names (ITU-D SG2 idea)",
 ("andres", "2028-04-28 09:00", """Hola colegas,

Many rural homes and informal settlements in Colombia have no street address, so
people cannot register for services or receive deliveries. We would like to propose
in ITU-D SG2 a study on digital addressing systems (grid codes, what3words-type
systems, postal codes with GPS), with UPU.

Saludos,
Andrés
"""),
)

th("c10-d", "[int-sect-team] Moving ministries' networks to the 128-bit Internet protocol - draft BDT guide for governments",
 ("tomas", "2028-05-08 10:20", """Dear all,

BDT is updating its material for governments on adopting the newer version of the
Internet Protocol in public administration networks. The draft guide covers an
inventory of systems, procurement clauses requiring support of the new protocol,
address planning for ministries, training of network staff, and a migration
timetable. Pilots: Ecuador, Rwanda, Bhutan.

We would welcome reviewers from TDAG.

Tomás Herrera
BDT
"""),
)

th("c10-event", "[int-sect-team] Regional workshop on next-generation Internet addressing, Cairo 19-20 June - venue and visas",
 ("hiroshi", "2028-05-15 13:00", """Dear colleagues,

TSB and the Arab Regional Office will hold a workshop on next-generation Internet
addressing (IPv6 deployment) in Cairo on 19-20 June 2028, hosted by NTRA. Venue:
Smart Village. Visa letters: contact the Arab Regional Office before 25 May.

Hiroshi Takemura
TSB
"""),
 ("omar", "2028-05-15 16:45", """Dear Hiroshi,

Our university would be glad to host a practical lab session on the second day
(we have a test network with 40 routers). Please let me know.

Best regards,
Omar Khalil
Example University, Cairo

On Mon, May 15, 2028 at 2:00 PM Hiroshi Takemura <hiroshi.takemura@itu.int> wrote:
> TSB and the Arab Regional Office will hold a workshop on next-generation Internet
> addressing (IPv6 deployment) in Cairo on 19-20 June 2028
"""),
)
