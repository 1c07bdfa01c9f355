# Hand-written threads, part A: space end-of-life cluster (C1) and digital radio cluster (C2).
from common import build_thread

T = []

# ---------------- C1: end of life of satellites / orbital sustainability ----------------
T.append(build_thread("c1_r_wp4a", "[int-sect-team] WP 4A - proposed new Report on post-mission disposal of non-GSO space stations and unused assignments", [
    dict(s="yuki", t="2027-09-14 10:20", text="""\
Dear ISCG colleagues,

For the information of the group.

At its September meeting WP 4A considered a proposal from Japan and several other
administrations to start a preliminary draft new Report ITU-R S.[NGSO-PMD] on the
post-mission disposal of non-geostationary space stations. The working document
collects administration practice on three points:

 1) planning the disposal of a space station when its mission ends (controlled
    re-entry, natural decay within a stated number of years, transfer to a disposal
    orbit), and the information an operator should have ready about it;
 2) what should happen to the corresponding frequency assignments in the Master
    Register once the space stations are no longer in operation, and how the notifying
    administration informs the Bureau so that the entries are suppressed rather than
    left to block the coordination of new systems;
 3) a short checklist for small and first-time operators (universities, start-ups)
    at the notification stage.

The working document is attached to the Chairman's Report as Annex 5. The next
WP 4A meeting (February 2028) will develop it further; contributions from
administrations are welcome.

Best regards,
Yuki Sato
Japanese Administration (example)
RAG vice-chair
"""),
    dict(s="sofia", t="2027-09-14 09:05", q="outlook_en", subj="RE: [int-sect-team] WP 4A - proposed new Report on post-mission disposal of non-GSO space stations and unused assignments", text="""\
Thank you Yuki.

Just one correction for the record: the working document is Annex 6 to the
Chairman's Report (Annex 5 is the liaison to WP 4C). BR will post it on the WP 4A
page this week.

Kind regards,
Sofia

Sofia Lindqvist
Radiocommunication Bureau - Study Groups Department
International Telecommunication Union
"""),
]))

T.append(build_thread("c1_neg_t_sustreport", "[int-sect-team] SG5 - draft Supplement on sustainability reporting by ICT companies (ESG disclosure template)", [
    dict(s="ahmed", t="2027-09-20 16:42", text="""\
Colleagues,

FYI. SG5 (Q9/5) agreed at its September meeting to start a draft Supplement to the
L-series giving a common template for the annual sustainability reports of ICT
companies: energy use, greenhouse gas emissions, water, e-waste handled, and a short
social block (workforce, supply chain due diligence). The aim is comparable ESG
disclosures so that investors and regulators stop receiving 40 different formats.

Editors: Sweden and Kenya. Target: agreement at the SG5 meeting of May 2028.
The working text will be on the SG5 informal FTP area.

Regards,
Ahmed El-Sayed
TSB - SG5 secretariat
"""),
]))

T.append(build_thread("c1_d_bdt_firstsat", "[int-sect-team] First national satellite - BDT starter guide for developing countries, including what to do when the satellite stops working", [
    dict(s="grace", t="2027-09-23 11:15", text="""\
Dear all,

BDT has started drafting a short, practical guide for ministries and regulators in
countries that are about to put their first satellite into orbit - in most cases a
1U-3U cubesat built by a national university or a young company with a foreign launch
broker.

The chapter that countries ask about most is the last one: the end of the satellite's
life. Questions we keep hearing:
- what conditions should the national space or telecom licence set on taking the
  satellite out of orbit, and within what time;
- how long a dead cubesat can be left up there, and who is liable for it;
- who has to tell ITU when it stops transmitting, and how the filing is cancelled so
  that it does not sit on the books for years;
- whether a bond or insurance should be required from the university.

We plan a first draft by the end of January 2028 and a validation workshop with the
pilot countries (Kenya, Rwanda, Bhutan, Paraguay) afterwards. Comments and examples of
national licence conditions are very welcome.

Kind regards,
Grace Mwangi
Programme Officer, Digital Networks and Society Department
BDT
"""),
    dict(s="andres", t="2027-09-24 08:30", q="gmail_es", text="""\
Hi Grace,

Very useful. Colombia launched its first nanosatellite from a university and honestly
we had nothing in the licence about the end. Now our space commission is writing
conditions. I can send you the draft resolution (in Spanish) when it is public,
probably November.

Saludos,
Andrés

--
Andrés Gutiérrez
Colombian Administration (example)
"""),
]))

T.append(build_thread("c1_gs_council", "[int-sect-team] Council-28 background note - keeping low Earth orbit usable: the ITU angle", [
    dict(s="lucia", t="2027-09-29 14:05", text="""\
Dear colleagues,

The Secretary-General has asked us to prepare a background note for Council 2028 on
the long-term sustainability of activities in outer space, with the focus on what is
within ITU's mandate. The note will look at:

 1. the growing number of dead satellites and spent objects in the low orbits, and
    what that means for the radio-frequency and orbit resources that States share;
 2. expectations that operators remove spacecraft at the end of their mission within
    a short and verifiable time, and how this is written into national authorisations;
 3. the "paper satellite" problem - records of systems that no longer exist but still
    occupy the international records of frequency use;
 4. options for ITU action that Council could consider, and complementarity with
    UNOOSA and the COPUOS guidelines.

We intend to circulate an outline by 29 October and a full draft in January, for
submission in February 2028.

Best regards,
Lucia Bianchi
Strategic Planning and Membership Department
General Secretariat
"""),
    dict(s="ingrid", t="2027-09-29 19:48", q="gmail_en", text="""\
Thanks Lucia - could the outline be presented briefly at our November ISCG meeting?
Ten minutes would be enough.

Ingrid
"""),
    dict(s="lucia", t="2027-09-30 08:52", q="outlook_en", subj="RE: [int-sect-team] Council-28 background note - keeping low Earth orbit usable: the ITU angle", text="""\
Dear Ingrid,

Yes, with pleasure. I will ask for a slot under item 4.

Lucia
"""),
]))

T.append(build_thread("c1_d_tdag_india", "[int-sect-team] Proposal for ITU-D SG2 - retiring university nanosatellites: case studies from South Asia", [
    dict(s="priya", t="2027-10-05 17:40", text="""\
Dear Friends,

India is planning to submit to the next ITU-D Study Group 2 meeting a contribution
proposing that we collect case studies on how the small satellites of universities and
start-ups are being retired when their operation ends.

In our experience many student cubesats stop working after few months only, and then
nobody is clearly responsible for bringing them down or for informing that the
frequencies are not used anymore. We would like to document what countries are doing:
- drag sails and other de-orbit devices required at licensing time,
- licence conditions (maximum years in orbit after end of mission),
- financial guarantee / insurance from the institute,
- procedure to notify cancellation of the frequency filing.

We are looking for co-signatories, especially Bangladesh, Nepal, Sri Lanka and
Bhutan. Kindly let me know by 25 October.

With regards,
Priya Raman
Indian Administration (example)
"""),
]))

T.append(build_thread("c1_neg_event_forum", "[int-sect-team] Space Sustainability Forum, Nairobi 22-23 November - registration, interpretation and side events", [
    dict(s="tomas", t="2027-10-12 10:02", text="""\
Dear colleagues,

Practical information for the Space Sustainability Forum (Nairobi, 22-23 November
2027, hosted with the ITU Regional Office for Africa):

- Registration closes on 5 November (online form, link in the invitation letter).
- Interpretation: English/French only. Arabic was requested but is not funded.
- Side events: two rooms of 40 seats are available on 23 November, 13:00-14:30.
  Requests to me by 29 October, with title and speakers.
- Visa support letters: please send passport copies to the regional office at least
  four weeks before travel.
- Colleagues from BR, TSB and the GS who intend to speak, please confirm by 29 October
  so we can finalise the programme.

Best,
Tomás

Tomás Herrera
BDT - Partnerships and events
"""),
    dict(s="nadia", t="2027-10-13 09:27", q="outlook_en", subj="RE: [int-sect-team] Space Sustainability Forum, Nairobi 22-23 November - registration, interpretation and side events", text="""\
Hi Tomás,

The GS will need two seats (Lucia and myself) and one speaking slot in the opening
panel. Passports sent to the regional office this morning.

Thanks,
Nadia
"""),
]))

T.append(build_thread("c1_coord_br_bdt", "[int-sect-team] BR offer to the BDT small-satellite guide - end-of-life chapter and the WP 4A text", [
    dict(s="sofia", t="2027-10-18 15:20", text="""\
Dear Grace, dear colleagues,

Following Grace's message of 23 September on the starter guide for first national
satellites: the end-of-life chapter covers much the same ground as the text WP 4A is
now compiling in the working document towards a Report on post-mission disposal
(disposal planning, and informing the Bureau so that assignments are suppressed).

To avoid two ITU texts saying slightly different things, BR proposes to co-draft that
chapter with BDT and to send the WP 4A rapporteur a short note on what the guide will
say. Could we have a call in the week of 1 November?

Best regards,
Sofia Lindqvist
BR - Study Groups Department
"""),
    dict(s="grace", t="2027-10-18 17:03", q="gmail_en", text="""\
Dear Sofia,

Yes please, that is very welcome. Tuesday 2 November at 14:00 Geneva time works for
me; I will send an invitation and include Tomás.

Grace
"""),
]))

# ---------------- C2: analogue radio to digital / DRM homonym ----------------
T.append(build_thread("c2_r_wp6a", "[int-sect-team] WP 6A - proposition de Rapport sur le passage de la FM au numérique / proposed Report on moving FM radio to digital", [
    dict(s="fatou", t="2027-10-26 11:40", text="""\
Chers collègues, / Dear colleagues, (English below)

Le Sénégal, avec plusieurs administrations africaines, a proposé au GT 6A un avant-projet
de nouveau Rapport UIT-R BS.[FM-DIG] sur la planification du passage de la radio FM à la
radiodiffusion sonore numérique.

English: Senegal and several African administrations proposed to WP 6A a preliminary
draft new Report describing how administrations plan the move of sound broadcasting
from FM to digital systems (DRM, DAB+ and others): length of simulcast periods,
frequency planning in Band II and Band III, coverage of rural listeners, availability
and price of receivers, and what happens to the released FM channels.

Les contributions sont attendues pour la réunion d'avril 2028 du GT 6A. Contributions
are expected for the April 2028 meeting of WP 6A.

Cordialement / Best regards,
Fatou Ndiaye
Administration du Sénégal (exemple)
"""),
    dict(s="rajesh", t="2027-10-26 15:10", q="outlook_fr", subj="RE: [int-sect-team] WP 6A - proposition de Rapport sur le passage de la FM au numérique / proposed Report on moving FM radio to digital", text="""\
Chère Fatou,

Merci. For reference, the working document is Annex 3 to the WP 6A Chairman's Report
(document 6A/412). It is posted in the three languages.

Best regards,
Rajesh Iyer
BR
"""),
]))

T.append(build_thread("c2_neg_t_drm_iptv", "[int-sect-team] SG16 - interoperable DRM for IPTV and streaming boxes: revision of the content protection Recommendations", [
    dict(s="klaus", t="2027-11-02 09:14", text="""\
Dear all,

Short information from the TSAG side.

SG16 agreed at its October meeting to revise the set of Recommendations on IPTV
service and content protection. The aim is that digital rights management (DRM)
systems of different vendors can interoperate on the same set-top box or smart TV, so
that a viewer who changes provider does not need a new box. The revision also covers
key exchange with the head-end and renewal of compromised DRM clients.

Draft for consent is planned for the SG16 meeting in June 2028. No action for ISCG
at this stage.

Best regards
Klaus Brenner
Bundesnetzagentur (example) / TSAG
"""),
    dict(s="zhang", t="2027-11-02 21:30", q="gmail_en", text="""\
Dear Klaus,

Thank you. China will bring two contributions on the key renewal part to the next
meeting. The editor is from our side, so please contact me if German operators want to
join the drafting.

Best regards,
Zhang Wei
"""),
]))

T.append(build_thread("c2_d_bdt_guidelines", "[int-sect-team] Guidelines for national roadmaps to switch radio services from analogue to digital - outline for comment", [
    dict(s="pierre", t="2027-11-08 10:30", text="""\
Dear colleagues,

BDT is preparing Guidelines for the transition from analogue to digital radio, to
accompany countries that want to set a date for switching off AM and FM. Proposed
outline:

1. Why go digital: more stations per channel, lower transmitter energy bills, data
   services for listeners
2. Policy and regulatory framework: licensing of multiplex operators, carriage of
   community and public-service stations, fees during the dual-illumination period
3. The listener: affordable home and car receivers, awareness campaigns, support for
   low-income households
4. Roadmap and milestones, including criteria for the final analogue switch-off
5. Country experiences (Norway, Switzerland, Ghana, Indonesia ...)

Comments on the outline would be welcome by 30 November.

Best regards,
Pierre Lefebvre
BDT - Regulatory and Market Environment Division
"""),
    dict(s="ingrid", t="2027-11-08 13:55", q="outlook_no", subj="SV: [int-sect-team] Guidelines for national roadmaps to switch radio services from analogue to digital - outline for comment", text="""\
Dear Pierre,

Happy to put you in touch with our regulator for the Norwegian case - we switched off
national FM in 2017 and there are many lessons, not all of them positive (car
receivers above all). Tell me who should write the chapter and I will forward.

Ingrid
"""),
]))

T.append(build_thread("c2_neg_obs_carradio", "[int-sect-team] Digital radio in cars - the receiver side (industry note)", [
    dict(s="james", t="2027-11-15 08:45", text="""\
Hi all,

Not strictly a Sector matter, but it keeps coming up with our automotive customers so I
thought I would share. Car makers now put multi-standard digital radio chips in most
new models for Europe, but for Africa and Latin America they still ship FM-only units
because nobody can tell them which digital system each market will end up with. The
chip cost is small; the cost is in antennas and certification per market.

We have a short white paper on this (12 pages, no marketing, I promise). Happy to send
it to anyone interested.

Cheers,
James

James Whitfield
Regulatory Affairs, Example Telecom Inc.
"""),
]))

T.append(build_thread("c2_d_tdag_latam", "[int-sect-team] Radio digital en América Latina - propuesta de informe para la Comisión de Estudio 1 del UIT-D", [
    dict(s="maria", t="2027-11-22 12:10", text="""\
Estimados colegas:

Argentina presentará en la próxima reunión de la Comisión de Estudio 1 del UIT-D una
propuesta de informe sobre la migración de la radio AM/FM a la radio digital en
América Latina.

English summary: Argentina will propose to ITU-D Study Group 1 an output report on
migrating AM/FM radio to digital in our region: which system each country chose (HD
Radio, DRM, ISDB-Tsb), the cost for community and small commercial stations, how long
both services run in parallel, and whether there should be a date to turn analogue
off. We are looking for co-authors from the region.

Saludos cordiales,
María Fernández
Administración Argentina (ejemplo)
"""),
    dict(s="andres", t="2027-11-22 15:02", q="gmail_es", text="""\
Hola María,

Colombia se suma. We did trials with DRM+ in Bogotá in 2025 and community radios were
very worried about the cost of transmitters. We can write that part.

Un abrazo,
Andrés
"""),
]))
