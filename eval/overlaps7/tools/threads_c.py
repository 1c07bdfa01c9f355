# Hand-written threads, part C: high-altitude platforms (C6), SIM-box bypass (C7),
# secondary spectrum markets (C8), small-business security (C9), reassigned numbers (C10).
from common import build_thread

T = []

# ---------------- C6: base stations in the stratosphere ----------------
T.append(build_thread("c6_r_wp5d_hibs", "[int-sect-team] WP 5D - draft Report on HIBS deployment scenarios for underserved areas", [
    dict(s="rajesh", t="2028-02-17 16:20", text="""\
Dear colleagues,

For information. At its February meeting WP 5D progressed the working document towards
a preliminary draft new Report on deployment scenarios for high-altitude platform
stations used as IMT base stations (HIBS).

The document addresses:
 - coverage of sparsely populated and hard-to-reach areas from platforms at 18-25 km
   altitude, with footprints of up to 100 km radius;
 - sharing and compatibility with terrestrial IMT in the same and adjacent bands;
 - temporary deployment after disasters;
 - operational aspects: station-keeping, handover between platforms, feeder links.

Administrations are invited to contribute national deployment plans and trial results
to the June 2028 meeting.

Regards,
Rajesh Iyer
BR - Terrestrial Services Department
"""),
]))

T.append(build_thread("c6_neg_t_platform", "[int-sect-team] New remote participation platform for ITU-T meetings from April 2028", [
    dict(s="chen", t="2028-02-22 10:30", text="""\
Dear colleagues,

From 1 April 2028 all ITU-T study group, TSAG and rapporteur meetings will move to the
new remote participation platform. Main changes:
- single sign-on with the ITU user account; no separate meeting passwords;
- floor requests and the speaking queue are managed in the platform, not in chat;
- captioning (English) available for all sessions, International Sign on request.

Training sessions for delegates: 12 and 19 March, 13:00 CET. Secretariats of the other
Sectors are welcome to join.

Regards,
Chen Lihua
TSB
"""),
    dict(s="sofia", t="2028-02-22 11:48", q="outlook_en", subj="RE: [int-sect-team] New remote participation platform for ITU-T meetings from April 2028", text="""\
Thanks Lihua. Will the ITU-R meetings follow at the same time? Some WP chairs are
asking.

Sofia
"""),
    dict(s="chen", t="2028-02-22 13:10", q="outlook_en", subj="RE: [int-sect-team] New remote participation platform for ITU-T meetings from April 2028", text="""\
Sofia, as far as I know ITU-R stays on the current platform until after the RA;
IS Department will confirm the date to BR directly.

Lihua
"""),
]))

T.append(build_thread("c6_d_bdt_toolkit", "[int-sect-team] Toolkit idea - solar aircraft and stratospheric balloons as 'cell towers in the sky' for remote communities", [
    dict(s="tomas", t="2028-02-28 09:45", text="""\
Dear colleagues,

BDT plans a toolkit for ministries and regulators on using stratospheric platforms -
balloons and long-endurance solar-powered aircraft - to bring mobile service to remote
villages where towers do not pay off.

Draft contents:
1. What the technology can and cannot do today (endurance, capacity, weather)
2. Business models: operator-owned, wholesale "tower in the sky", public-private
3. Permissions: civil aviation and airspace, national spectrum authorisation, landing
   and launch sites
4. Cost comparison with towers and satellite backhaul
5. Lessons from the trials in Kenya and Peru

Target: a draft for TDAG in 2028. Experts and countries interested in a pilot, please
contact me.

Best,
Tomás Herrera
BDT
"""),
    dict(s="maria", t="2028-02-28 12:30", q="gmail_es", text="""\
Tomás, good idea. Peru's regulator has a good report on the 2019-2020 balloon service
after the Loreto earthquake; I can ask our Peruvian colleagues to share it.

María
"""),
]))

T.append(build_thread("c6_t_sg13_haps", "[int-sect-team] SG13 draft Y.[HAPS-int] - network integration of high-altitude platforms", [
    dict(s="zhang", t="2028-03-07 17:25", text="""\
Dear colleagues,

SG13 agreed at its March meeting to progress draft Recommendation Y.[HAPS-int],
"Requirements and framework for integrating high-altitude platforms in IMT-2020 and
IMT-2030 networks": feeder links to the ground, transport and core integration, handover
between platform cells and terrestrial cells, management of a moving platform.

SG13 also sent a liaison statement to ITU-R WP 5D informing them of this work and
asking for their latest working document on HIBS, so that the network requirements and
the radio deployment scenarios are aligned.

Best regards,
Zhang Wei
"""),
    dict(s="rajesh", t="2028-03-07 12:10", q="outlook_en", subj="RE: [int-sect-team] SG13 draft Y.[HAPS-int] - network integration of high-altitude platforms", text="""\
Thank you Zhang Wei. The LS has been received and will be considered by WP 5D in June;
the working document on HIBS is already attached to the reply that BR is preparing.

Rajesh
"""),
]))

T.append(build_thread("c6_neg_chair_flying", "[int-sect-team] Flying base stations - please tell me what each Sector is doing", [
    dict(s="ingrid", t="2028-03-14 08:10", text="""\
Dear all,

I have seen HIBS, HAPS and "cell towers in the sky" in three different threads in the
last weeks. Before our meeting on 11 April, could each Sector send me two or three
lines on what it is doing on high-altitude platforms and on what timeline? I would
like to put a short item on the agenda.

Thanks,
Ingrid
"""),
    dict(s="tomas", t="2028-03-14 10:55", q="outlook_en", subj="RE: [int-sect-team] Flying base stations - please tell me what each Sector is doing", text="""\
Dear Ingrid,

BDT: toolkit for ministries and regulators on stratospheric platforms (policy,
permissions, business models). Draft for TDAG, second half of 2028.

Tomás
"""),
]))

# ---------------- C7: SIM-box / bypass of international call termination ----------------
T.append(build_thread("c7_t_sg2_simbox", "[int-sect-team] SG2 draft Supplement - detecting SIM-box gateways that pass international calls off as local", [
    dict(s="chen", t="2028-03-21 15:40", text="""\
Dear colleagues,

For information: SG2 agreed to develop a draft Supplement on techniques to detect
SIM-box gateways, i.e. devices holding many local SIM cards that terminate
international calls as if they were local calls.

The text describes:
- analysis of call detail records (many SIMs with no mobility, only outgoing calls,
  short calls to many different numbers);
- test-call generation from abroad to see which calls arrive with a local number;
- checks of the calling line identity at the international gateway;
- information exchange between operators on the SIMs found.

Target: determination at the SG2 meeting of November 2028.

Regards,
Chen Lihua
TSB
"""),
]))

T.append(build_thread("c7_neg_obs_mexico", "[int-sect-team] Terminación ilegal de llamadas - question from Mexico: is anyone working on grey routes?", [
    dict(s="luis", t="2028-03-30 09:15", text="""\
Dear ISCG colleagues,

I write personally, not for the study group. Our regulator in Mexico estimates that
operators lose several million dollars a year on international calls that are
terminated through illegal gateways, and customers receive calls from unknown local
numbers that are really from abroad.

Is anyone in ITU working on this? Our regulator would like to contribute data but does
not know where.

Saludos,
Luis Ramírez
Vice-chair, ITU-D SG2
"""),
    dict(s="pierre", t="2028-03-30 17:20", q="outlook_en", subj="RE: [int-sect-team] Terminación ilegal de llamadas - question from Mexico: is anyone working on grey routes?", text="""\
Dear Luis,

Yes - I will write to the list next week with details. Your regulator's data would be
very welcome.

Pierre
"""),
]))

T.append(build_thread("c7_d_bdt_greyroutes", "[int-sect-team] Grey routes and illegal termination of international traffic - regulators' guide, first draft", [
    dict(s="pierre", t="2028-04-04 10:05", text="""\
Dear colleagues,

BDT has completed the first draft of a guide for regulators on grey routes and the
illegal termination of international voice traffic. Chapters:

1. Economic impact: lost interconnection and tax revenue, estimates per region
2. Consumer impact: poor call quality, calls arriving with a wrong local number
3. Regulatory tools: licensing of international gateways, limits on bulk SIM sales,
   SIM registration, penalties
4. Finding the illegal gateways: analysis of operators' traffic data, test calls,
   cooperation between operators and the regulator
5. Regional cooperation and cases (Ghana, Côte d'Ivoire, Pakistan, Jamaica)

Peer review in May; publication planned before GSR-28.

Best regards,
Pierre Lefebvre
BDT - Regulatory and Market Environment Division
"""),
    dict(s="andres", t="2028-04-04 08:20", q="gmail_en", text="""\
Pierre, Colombia's regulator dismantled a network of 2,000 SIMs in Cali last year.
I can share the decision and the method they used to find it.

Andrés
"""),
]))

T.append(build_thread("c7_d_tdag_india", "[int-sect-team] India input to ITU-D SG2 - bulk-SIM gateways used for illegal termination of overseas calls", [
    dict(s="priya", t="2028-04-12 15:30", text="""\
Dear Colleagues,

India will submit to the coming ITU-D SG2 meeting a contribution on our experience
against illegal telephone exchanges that use hundreds of SIM cards to convert overseas
calls into local calls.

Main points:
- our telecom department's analytics tool that flags SIMs with abnormal calling pattern;
- limit of SIMs per person with identity verification;
- cooperation with police - in 2026 more than 150 such set-ups were raided;
- security risk, as the calls cannot be traced.

We propose this becomes a case study in the Question's output report. Comments are
welcome.

With regards,
Priya Raman
"""),
]))

# ---------------- C8: secondary spectrum markets ----------------
T.append(build_thread("c8_r_wp1b_leasing", "[int-sect-team] WP 1B - preliminary draft new Report on spectrum leasing and secondary trading", [
    dict(s="yuki", t="2028-04-18 14:00", text="""\
Dear ISCG colleagues,

For information: WP 1B agreed to start a preliminary draft new Report on secondary
spectrum markets. It will describe national frameworks for:

 - transfer of spectrum usage rights between licensees, full or partial;
 - leasing (by geographic area, by portion of the band, by time period);
 - approval procedures and the role of the spectrum authority;
 - competition safeguards and spectrum caps;
 - technical conditions that follow the rights (e.g. coordination obligations).

Japan contributed a first structure. Next meeting: October 2028.

Best regards,
Yuki Sato
"""),
]))

T.append(build_thread("c8_d_tdag_mercados", "[int-sect-team] Mercados secundarios de espectro - proposal for an ITU-D SG1 output on letting operators sublet their frequencies", [
    dict(s="maria", t="2028-05-02 10:25", text="""\
Estimados colegas / Dear colleagues,

Argentina will propose at the next ITU-D SG1 meeting an output on secondary markets
for spectrum: how regulators in developing countries can let operators rent out or
sell the frequencies they are not using - for example a national operator subletting
its rural blocks to a regional cooperative - without losing control or creating
speculation.

Topics: legal basis, approval steps, prices and fees, what to do with unused spectrum
("use it or share it"), and country examples (Argentina, Chile, Kenya, Bangladesh).

Co-authors welcome.

Saludos,
María Fernández
"""),
    dict(s="andres", t="2028-05-02 11:10", q="gmail_es", text="""\
María, Colombia can add our 2025 resolution on "uso secundario" for rural areas. Con
gusto.

Andrés
"""),
]))

T.append(build_thread("c8_neg_r_brazildata", "[int-sect-team] Dados do Brasil sobre cessão de espectro - Brazil's lease transaction data offered for the ITU-D SG1 output", [
    dict(s="joao", t="2028-05-16 09:45", text="""\
Querida María, dear colleagues,

Following María's message of 2 May on the ITU-D SG1 output on secondary spectrum
markets: our regulator can share anonymised data on about 240 lease and transfer
transactions approved between 2021 and 2027 (band, area, duration, time needed for
approval), for use in the ITU-D output. We can also provide a short description of the
approval procedure.

Please tell me the format you prefer and the deadline.

Abraços,
João
"""),
    dict(s="maria", t="2028-05-16 14:30", q="gmail_es", text="""\
¡Genial, João! Obrigada. An Excel file is perfect; the SG1 deadline for contributions
is 10 August.

María
"""),
]))

# ---------------- C9: security of very small businesses; "SME" homonym ----------------
T.append(build_thread("c9_t_sg17_mse", "[int-sect-team] SG17 draft TR - baseline security controls for micro and small enterprises", [
    dict(s="chen", t="2028-05-09 11:20", text="""\
Dear colleagues,

SG17 agreed to develop a Technical Report TR.[MSE-base] on baseline security controls
for micro and small enterprises that have no IT staff:

- a minimum set of controls (unique accounts, multi-factor login, automatic updates,
  offline backups, e-mail filtering);
- a simple self-evaluation with three levels;
- mapping to the larger security management standards for enterprises that grow;
- guidance on choosing managed security services.

First draft for the SG17 meeting in September 2028.

Regards,
Chen Lihua
TSB
"""),
    dict(s="zhang", t="2028-05-09 19:40", q="gmail_en", text="""\
Dear Lihua,

China will contribute a text on the self-evaluation levels, based on our national
scheme for small online shops.

Zhang Wei
"""),
]))

T.append(build_thread("c9_neg_d_smes", "[int-sect-team] Looking for SMEs (subject-matter experts) to peer-review ITU Academy courses", [
    dict(s="tomas", t="2028-05-15 16:05", text="""\
Dear colleagues,

The ITU Academy is looking for subject-matter experts (SMEs) to peer-review six online
courses before re-launch in September: spectrum management basics, numbering, QoS
regulation, cybersecurity awareness, IoT policy and digital inclusion.

About two days of work per course, June-July. BR and TSB, could you suggest one or two
staff SMEs each by 31 May?

Best,
Tomás
"""),
]))

T.append(build_thread("c9_d_bdt_hygiene", "[int-sect-team] Cyber hygiene toolkit for small businesses, cooperatives and market traders", [
    dict(s="grace", t="2028-05-22 10:10", text="""\
Dear colleagues,

BDT is developing a cyber hygiene toolkit for the smallest businesses - shops, market
traders, cooperatives, one-person companies - that now run on a smartphone and a
mobile money account:

- ten simple habits (strong passwords, backups, updates, spotting phishing);
- protecting the mobile money and social media accounts the business depends on;
- a short self-check questionnaire with a score;
- training materials for chambers of commerce and women's business associations.

Pilots in Ghana and the Philippines in the fourth quarter.

Best regards,
Grace Mwangi
BDT
"""),
]))

T.append(build_thread("c9_d_tdag_argentina", "[int-sect-team] Propuesta de Argentina - proteger a los pequeños comercios del ransomware y el phishing (ITU-D SG2)", [
    dict(s="maria", t="2028-05-30 11:50", text="""\
Estimados colegas:

Argentina propondrá a la CE2 del UIT-D un trabajo sobre la protección de los pequeños
comercios y pymes contra el ransomware y el phishing.

In English: many small shops and family companies in our provinces lost their data or
their money in 2027 to ransomware and fake payment requests. We propose that ITU-D SG2
collects good practices for very small businesses - basic protections, who to call,
low-cost backup - and public programmes that help them.

Saludos cordiales,
María Fernández
"""),
]))

# ---------------- C10: reassigned / recycled phone numbers; "recycling" homonym ----------------
T.append(build_thread("c10_t_sg2_reassigned", "[int-sect-team] SG2 - draft Recommendation on reassigned mobile numbers: quarantine period and lookup for banks", [
    dict(s="hiroshi", t="2028-06-01 09:35", text="""\
Dear all,

FYI: SG2 agreed to progress draft Recommendation E.[RMN], "Handling of reassigned
mobile numbers". It covers:

 - a minimum quarantine period before a disconnected number is given to a new
   subscriber;
 - a lookup service so that banks and other services can check whether a number has
   changed owner since a given date before sending a one-time password;
 - data protection aspects of such a service.

Target for consent: SG2 meeting in December 2028.

Best regards,
Hiroshi Takemura
TSB
"""),
    dict(s="klaus", t="2028-06-01 10:20", q="outlook_de", subj="AW: [int-sect-team] SG2 - draft Recommendation on reassigned mobile numbers: quarantine period and lookup for banks", text="""\
Hiroshi, good to see this moving. Our data protection authority will have views on the
lookup part - I will make sure they are consulted before the December meeting.

Klaus
"""),
]))

T.append(build_thread("c10_neg_d_batteries", "[int-sect-team] Recycling of lead-acid batteries from rural telecom sites - take-back clauses in vendor contracts", [
    dict(s="amara", t="2028-06-06 14:15", text="""\
Colleagues,

In the BDT connectivity projects we replace about 600 lead-acid battery banks per
year at rural sites. In several countries the old batteries end up with informal
recyclers. We are adding take-back and certified recycling clauses to the vendor
contracts from July.

If anyone has model clauses used in other UN procurement, please share by 20 June.

Thanks,
Amara
"""),
]))

T.append(build_thread("c10_d_bdt_guidance", "[int-sect-team] When a phone number gets a new owner - guidance for regulators on number recycling and account takeover", [
    dict(s="pierre", t="2028-06-13 11:30", text="""\
Dear colleagues,

BDT is preparing short guidance for regulators on what happens when a mobile number
is recycled and given to a new customer. Regulators report many complaints: the new
owner receives the previous owner's bank codes and messages, or takes over their
messaging and mobile money accounts.

Planned contents:
- how long operators keep a number out of use before re-issuing it (practice in 30
  countries);
- informing the public and the banks that numbers are recycled;
- a register or notification to banks of numbers that changed owner;
- consumer redress.

Draft in September.

Best regards,
Pierre Lefebvre
BDT
"""),
]))

T.append(build_thread("c10_d_tdag_india", "[int-sect-team] Recycled numbers and one-time passwords reaching the wrong person - India proposal for ITU-D SG2", [
    dict(s="priya", t="2028-06-21 16:45", text="""\
Dear Friends,

India will propose to ITU-D SG2 a study on the risks when mobile numbers are
re-allocated to new subscribers. With more than a billion numbers, our operators
re-issue millions of numbers every year after 90 days of disconnection, and we see
cases where bank OTPs and government benefit messages reach the new holder.

We want to collect practices: waiting period, database for banks to check the date of
last change of owner, and awareness campaigns.

Co-sponsors welcome.

With regards,
Priya Raman
"""),
    dict(s="pierre", t="2028-06-21 15:10", q="outlook_en", subj="RE: [int-sect-team] Recycled numbers and one-time passwords reaching the wrong person - India proposal for ITU-D SG2", text="""\
Dear Priya,

Thank you - it would be good to talk before the SG2 meeting; BDT's guidance for
regulators covers the same ground and your figures would help.

Pierre
"""),
]))
