# Hand-written threads, part B: border roaming (C5), wireless charging (C4), in-building (C3).
from common import build_thread

T = []

# ---------------- C5: phones attaching to the neighbour's network at borders ----------------
T.append(build_thread("c5_t_sg3", "[int-sect-team] SG3 - new work item on unintended roaming charges for customers living near borders", [
    dict(s="ahmed", t="2027-12-01 10:12", text="""\
Dear ISCG members,

For information: SG3 agreed last week to start a draft Recommendation D.[IRB],
"Measures against inadvertent roaming in border areas".

Scope: customers living near a land or sea border whose handsets attach to a foreign
network without them leaving the country, and who are then billed at international
roaming rates. The text will cover operator measures (free notification SMS, bill caps,
preference for the home network in the handset), consumer information, and bilateral
arrangements between operators on both sides of the border.

Editor: Uganda. Target for consent: SG3 meeting of September 2028.

Regards,
Ahmed El-Sayed
TSB - SG3 secretariat
"""),
    dict(s="hiroshi", t="2027-12-01 10:13", subj="Automatic reply: [int-sect-team] SG3 - new work item on unintended roaming charges for customers living near borders",
         hdr={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}, text="""\
I am on mission until 10 December with limited access to e-mail. For urgent TSAG
matters please contact Chen Lihua (chen.lihua@itu.int).

Hiroshi Takemura
"""),
]))

T.append(build_thread("c5_r_overspill", "[int-sect-team] Débordement des signaux mobiles aux frontières / proposal for an ITU-R Report on limiting cross-border signal overspill", [
    dict(s="fatou", t="2027-12-06 09:25", text="""\
Dear colleagues,

Senegal, together with The Gambia and Guinea-Bissau, intends to propose to the next
WP 1B meeting a draft new Report on the technical means to limit the spill-over of
mobile network signals across land borders.

In our border villages - along the Gambia river for example - handsets very often lock
on to the network of the neighbouring country even when people are at home. They pay
foreign tariffs for local calls, and emergency calls can end up on the wrong side of the
border. The Report would describe:
 - antenna down-tilt, azimuth and power settings near the border line;
 - field-strength trigger values at the border and at a given distance inside the
   neighbouring country;
 - preferential channel or code arrangements between neighbours;
 - measurement campaigns to verify the situation.

We are looking for co-sponsors before 15 January.

Cordialement,
Fatou Ndiaye
"""),
    dict(s="joao", t="2027-12-06 14:40", q="gmail_pt", text="""\
Dear Fatou,

Brazil has almost 17,000 km of land borders and ten neighbours, so this is a daily
topic for us. I will check with the spectrum team whether we can co-sponsor and share
our field-strength values in the bilateral arrangements with Uruguay and Paraguay.

Abraços,
João
"""),
]))

T.append(build_thread("c5_d_tdag_colombia", "[int-sect-team] Roaming involuntario en zonas de frontera - guía para reguladores (ITU-D SG1)", [
    dict(s="andres", t="2027-12-09 09:50", text="""\
Hola a todos / Hi all,

Colombia wants to propose at the next ITU-D SG1 meeting that the Question on consumer
protection prepares a short guide for regulators on "roaming involuntario": people
living on the frontier with Ecuador, Venezuela, Peru or Brazil who receive a roaming bill
without ever leaving Colombia.

Topics we have in mind:
- how to handle the complaints and refunds,
- obligations on operators to warn the user and to let him block roaming easily,
- regional agreements (the Andean Community has a decision on this),
- statistics: how many people are affected, how much money.

Our regulator received more than 3,000 complaints in 2026 only from Nariño and
Norte de Santander. If other countries have the same problem please tell me, we want
co-authors.

Saludos,
Andrés Gutiérrez
"""),
    dict(s="maria", t="2027-12-09 18:22", q="gmail_es", text="""\
Andrés, en Argentina pasa lo mismo en Misiones y en la frontera con Chile. Count us in
for the chapter on refunds; our consumer agency has good data.

Saludos,
María
"""),
]))

T.append(build_thread("c5_neg_event_arusha", "[int-sect-team] East Africa regional roaming forum, Arusha 8-9 February 2028 - logistics and speakers", [
    dict(s="grace", t="2027-12-15 14:30", text="""\
Dear colleagues,

The East Africa regional roaming forum will take place in Arusha, Tanzania, on 8-9
February 2028, co-organised with the EAC secretariat.

- Venue: Arusha International Conference Centre, room Kilimanjaro
- Registration: online until 20 January
- Hotel block at the Mount Meru Hotel until 10 January (code ITU-EAC28)
- Yellow fever certificate required for travellers coming from Kenya and Uganda

We still have two speaker slots in the session on wholesale roaming rates. If TSB or BR
would like to present, please tell me by 10 January.

Best regards,
Grace Mwangi
BDT
"""),
]))

T.append(build_thread("c5_coord_ls_sg3", "[int-sect-team] FW: LS from ITU-T SG3 to ITU-D SG1 - draft D.IRB on inadvertent roaming, comments invited", [
    dict(s="zhang", t="2028-01-05 16:05", text="""\
Dear colleagues,

Please find below, for information, the liaison statement SG3 sent to ITU-D SG1 before
the holidays. Colleagues from the ITU-D side may want to make sure it reaches the right
Question.

Best regards,
Zhang Wei

---------- Forwarded message ----------

LIAISON STATEMENT
Source:    ITU-T Study Group 3
Title:     Draft Recommendation ITU-T D.IRB - measures against inadvertent roaming
           in border areas
To:        ITU-D Study Group 1
For:       Comment
Deadline:  15 April 2028

Summary
ITU-T SG3 is developing draft Recommendation D.IRB on measures against inadvertent
roaming in border areas. SG3 understands that ITU-D SG1 is considering a guide for
regulators on the same consumer problem and would welcome cooperation.

Action required
ITU-D SG1 is invited to comment on the attached draft, to share national experiences
(complaints, refunds, regional agreements) and to consider a joint session at the
SG3 meeting in May 2028.

Attachment: SG3-TD1123 (draft D.IRB, version 0.3)
"""),
    dict(s="andres", t="2028-01-05 11:40", q="outlook_es", subj="RE: [int-sect-team] FW: LS from ITU-T SG3 to ITU-D SG1 - draft D.IRB on inadvertent roaming, comments invited", text="""\
Gracias Zhang Wei,

We will bring it to the SG1 rapporteur group meeting in March. A joint session in May
sounds good to me; our guide and the D.IRB draft could easily be aligned.

Andrés
"""),
]))

# ---------------- C4: wireless (inductive) charging of vehicles; "charging" homonyms ----------------
T.append(build_thread("c4_r_wp1a", "[int-sect-team] WP 1A - revision of the Report on wireless power transfer for electric vehicles", [
    dict(s="sofia", t="2027-12-14 11:05", text="""\
Dear colleagues,

For information: WP 1A agreed at its November meeting to revise the Report on
wireless power transfer (WPT) for electric vehicles.

The revision will add:
 - measured emissions of high-power inductive systems (11 kW up to several hundred kW
   for buses) operating in the 79-90 kHz range;
 - harmonics falling into the LF and MF broadcasting bands and the resulting impact on
   AM reception in cities;
 - compatibility with aeronautical non-directional beacons and the standard frequency
   and time signal service;
 - mitigation techniques and the results of sharing studies.

Administrations are invited to contribute measurement results to the May 2028 meeting.

Kind regards,
Sofia Lindqvist
BR - Study Groups Department
"""),
]))

T.append(build_thread("c4_neg_t_sg3charging", "[int-sect-team] SG3 - charging and accounting principles for international IoT traffic", [
    dict(s="zhang", t="2027-12-16 15:35", text="""\
Dear colleagues,

FYI, SG3 is progressing draft Recommendation D.[IoT-CA] on charging and accounting
for international machine-type communications: the wholesale rates one operator
charges another when IoT SIMs sold in one country stay permanently in another
(smart meters, trackers, connected cars), settlement periods, and the treatment of
very small volumes of data per device.

China submitted a contribution with a cost model; the next rapporteur meeting is in
Beijing, 14-16 March 2028 (remote participation possible).

Best regards,
Zhang Wei
"""),
]))

T.append(build_thread("c4_t_sg5emc", "[int-sect-team] SG5 new work item - radiated disturbance limits and test set-up for inductive charging pads of cars and e-buses", [
    dict(s="klaus", t="2028-01-06 08:55", text="""\
Dear colleagues,

a happy new year to all.

At the SG5 meeting in December, Germany proposed and SG5 agreed a new work item
K.[WPT-EMC] under Question 4/5. The Recommendation shall define:

- limits for the magnetic field and the radiated disturbance below 30 MHz from
  ground-mounted charging pads for passenger cars (parking spaces) and buses (depots,
  end stops);
- a measurement method: distance 10 m, vehicle on the pad, different alignment
  offsets, full and partial load;
- immunity requirements for telecom equipment installed close by (street cabinets,
  small cells on lamp posts).

Target is consent in 2029. Interested experts can contact the editor (Mr. Vogt,
Germany) or me.

Mit freundlichen Grüßen / Best regards
Klaus Brenner
"""),
]))

T.append(build_thread("c4_neg_obs_escooter", "[int-sect-team] Measurements near e-scooter charging docks - who in ITU would be interested?", [
    dict(s="omar", t="2028-01-12 13:20", text="""\
Dear ISCG members,

My master students at the Faculty of Engineering have measured the noise in the AM
broadcast band near the new wireless charging docks for shared e-scooters in New
Cairo. Near some docks, reception of the local AM stations is completely lost within
20-30 metres.

We would like to share the results where they are useful. Could someone tell me which
group in ITU would be interested, and whether academia can submit it directly?

Best regards,
Dr. Omar Khalil
Associate Professor, Electronics and Communications
Example University, Cairo
"""),
    dict(s="ingrid", t="2028-01-12 14:02", q="gmail_en", text="""\
Dear Omar,

Thank you - the secretariat will reply to you off-list with the right contacts and the
rules for Academia members.

Ingrid
"""),
]))

T.append(build_thread("c4_neg_d_solarkits", "[int-sect-team] Phone charging points for evacuation centres - solar kits for Pacific islands", [
    dict(s="amara", t="2028-01-13 10:40", text="""\
Colleagues,

BDT is procuring 40 solar charging kits (phones, VHF radios and satellite terminals)
for evacuation centres in Vanuatu, Tonga and Fiji before the peak of the cyclone
season. Delivery via Suva, end of February.

If anyone has recent experience with suppliers of ruggedised multi-port charging units
or with customs clearance in Tonga, please reply to me by 24 January.

Thanks,
Amara Diallo
BDT - Emergency Telecommunications
"""),
]))

T.append(build_thread("c4_d_bdt_regulators", "[int-sect-team] Note for regulators: authorising wireless car chargers and keeping AM radio and other services clean", [
    dict(s="grace", t="2028-01-17 09:30", text="""\
Dear colleagues,

Several regulators (Kenya, Morocco, Thailand) have asked BDT how to handle the type
approval of inductive chargers for electric vehicles, which now arrive together with
imported electric buses and premium cars.

We will prepare a short guidance note for regulators covering:
- which frequencies such chargers may use and how to write this in the national
  equipment regulations;
- emission limits to reference, and testing before the equipment is put on the market;
- market surveillance and handling of complaints (AM broadcasters, airport beacons,
  amateur radio);
- coordination with energy and transport ministries on e-mobility plans.

First draft in April.

Best regards,
Grace Mwangi
BDT
"""),
    dict(s="pierre", t="2028-01-17 11:15", q="outlook_en", subj="RE: [int-sect-team] Note for regulators: authorising wireless car chargers and keeping AM radio and other services clean", text="""\
Grace, please add a box on the link with national e-mobility strategies - Morocco's
plan has a target of 2,000 electric buses by 2030 and the regulator was not consulted.

Pierre
"""),
]))

# ---------------- C3: broadband-ready buildings; "building" homonyms ----------------
T.append(build_thread("c3_t_sg15", "[int-sect-team] SG15 - draft Recommendation on passive optical infrastructure inside new residential buildings", [
    dict(s="hiroshi", t="2028-01-20 17:10", text="""\
Dear all,

FYI: Q2/15 agreed to progress a draft Recommendation L.[FTTB-res] on the passive
physical infrastructure inside new multi-dwelling residential buildings:

 - vertical riser ducts and horizontal pathways per floor;
 - floor distribution boxes and a fibre termination outlet in each flat;
 - a single access point at the building entrance that any operator can connect to;
 - labelling, documentation and acceptance tests at hand-over of the building.

Aim: consent at the SG15 meeting of October 2028.

Best regards,
Hiroshi Takemura
TSB
"""),
    dict(s="klaus", t="2028-01-21 09:02", q="outlook_de", subj="AW: [int-sect-team] SG15 - draft Recommendation on passive optical infrastructure inside new residential buildings", text="""\
Dear Hiroshi,

thanks. Germany will contribute our experience since the 2016 law that made
"high-speed-ready" in-building infrastructure mandatory for new buildings, incl.
the certification label.

Best regards
Klaus
"""),
]))

T.append(build_thread("c3_neg_r_entryloss", "[int-sect-team] WP 3K - new measurement campaign on building entry loss at 3.5 and 26 GHz", [
    dict(s="joao", t="2028-01-26 10:15", text="""\
Caros colegas / Dear colleagues,

Brazil will submit to the next WP 3K meeting new measurements of building entry loss -
the attenuation a signal suffers when it enters a building - for modern
energy-efficient buildings with metallised glass, at 3.5 GHz and 26 GHz. The aim is to
update the statistical model in Recommendation ITU-R P.2109, which is used for indoor
coverage predictions and sharing studies.

Administrations with similar data are invited to contact me; a joint contribution
would carry more weight.

Atenciosamente,
João Pereira da Silva
Brazilian Administration (example)
"""),
    dict(s="yuki", t="2028-01-27 09:40", q="ja", text="""\
Dear João,

Japan has 2024-2026 data at 28 GHz for office buildings in Tokyo. I will ask our
research institute whether it can be joined to your contribution.

Best regards,
Yuki
"""),
]))

T.append(build_thread("c3_d_tdag_buildingcodes", "[int-sect-team] Propuesta: cláusulas modelo para códigos de construcción / model building-code clauses for broadband-ready housing", [
    dict(s="andres", t="2028-02-01 08:40", text="""\
Dear colleagues,

Colombia will propose an ITU-D SG1 output with model clauses that municipalities and
housing ministries can put in their building codes, so that new homes come ready for
broadband:

- developers of new apartment blocks and housing estates must install conduits, a small
  telecom room and cabling to every unit, open to any operator on equal terms;
- building permits and occupancy certificates conditioned on it;
- special rules for social housing programmes, where today the residents wait years for
  a connection;
- who pays, and who owns the cabling after hand-over.

We know that some cities already do this; case studies are welcome.

Saludos,
Andrés Gutiérrez
"""),
    dict(s="priya", t="2028-02-01 20:15", q="gmail_en", text="""\
Dear Andrés,

India amended the model building bye-laws in 2016 to require common telecom
infrastructure in new buildings. Implementation by states is mixed. I can prepare a
case study for you.

Regards,
Priya
"""),
]))

T.append(build_thread("c3_neg_d_capbuilding", "[int-sect-team] Capacity building 2028 - call for new ITU Academy training centres", [
    dict(s="tomas", t="2028-02-08 11:00", text="""\
Dear colleagues,

BDT has opened the call for institutions to become ITU Academy Training Centres for
the 2028-2031 cycle. Selected centres will deliver accredited courses (online and face
to face) in the priority areas of the capacity building strategy.

Deadline for applications: 15 March 2028. Evaluation by a panel with one member from
each Bureau - BR and TSB colleagues, could you confirm your nominees by 25 February?

Best,
Tomás Herrera
BDT
"""),
]))

T.append(build_thread("c3_neg_gs_hqbuilding", "[int-sect-team] New HQ building - ISCG secretariat move and poor mobile signal on floors -1 and 0", [
    dict(s="nadia", t="2028-02-15 13:45", text="""\
Dear all,

The ISCG secretariat moves to the new headquarters building on 6 March (office 3.14).
Please note:
- the ISCG meeting of 11 April will be in room N.2 (ground floor);
- mobile coverage on floors -1 and 0 is still poor until the indoor antenna system is
  commissioned (planned for May). Wi-Fi calling works;
- parcels for the secretariat should be sent to the new delivery entrance, Rue de
  Varembé.

Thanks,
Nadia Haddad
General Secretariat
"""),
    dict(s="chen", t="2028-02-15 14:20", q="outlook_en", subj="RE: [int-sect-team] New HQ building - ISCG secretariat move and poor mobile signal on floors -1 and 0", text="""\
Thanks Nadia. Could remote participants get a dial-in number as backup for 11 April,
in case the room's mobile signal affects the interpreters' phones?

Lihua
"""),
    dict(s="nadia", t="2028-02-15 15:05", q="outlook_en", subj="RE: [int-sect-team] New HQ building - ISCG secretariat move and poor mobile signal on floors -1 and 0", text="""\
Yes, a dial-in will be in the invitation.

Nadia
"""),
]))
