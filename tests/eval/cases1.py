# (text, [(value, what, who, modality, source)]) ; value may be ('low', N) for vague figures
C = []
def c(text, *claims, date="2024-03-10"):
    C.append((text, list(claims), date))

# --- wire copy, Syria
c("Au moins 27 civils ont été tués mardi dans des frappes aériennes sur la province d'Idleb, selon l'Observatoire syrien des droits de l'homme (OSDH).",
  (27, "killed", "civilians", "reported", "Observatoire syrien"))
c("Parmi les victimes figurent 9 enfants, a précisé l'ONG.",
  (9, "killed", "children", "reported", "ONG"))
c("Le bilan s'élève désormais à 45 morts, a indiqué la Défense civile.",
  (45, "killed", "people", "reported", "Défense civile"))
c("Un nouveau bilan fait état de 63 morts et 120 blessés dans la ville de Douma.",
  (63, "killed", "people", "asserted", None), (120, "injured", "wounded", "asserted", None))
c("Quelque 12 000 personnes ont fui la Ghouta orientale depuis jeudi, selon le ministère russe de la Défense.",
  (12000, "fled", "people", "reported", "ministère russe"))
c("Les forces gouvernementales ont repris près de 70 % de l'enclave rebelle.",
  (70, "controlled", "areas", "asserted", None))
c("Plus de 300 combattants se sont rendus aux forces kurdes dans la nuit, a affirmé un porte-parole des FDS.",
  (300, "surrendered", "fighters", "reported", "porte-parole"))
c("Quatorze soldats syriens ont péri dans une embuscade près de Palmyre.",
  (14, "killed", "soldiers", "asserted", None))
c("Selon des sources locales, une cinquantaine de familles seraient toujours piégées sous les décombres.",
  (50, "trapped", "families", "conditional", "sources locales"))
c("L'organisation a recensé 5 disparus après le bombardement du marché.",
  (5, "missing", "people", "reported", "organisation"))
# --- Ukraine
c("Au moins 11 personnes ont été tuées et 64 blessées lors d'une frappe russe sur Kharkiv, a annoncé le gouverneur régional.",
  (11, "killed", "people", "reported", "gouverneur"), (64, "injured", "wounded", "reported", "gouverneur"))
c("Kiev affirme avoir abattu 23 drones pendant la nuit.")
c("Selon l'état-major ukrainien, 850 soldats russes ont été tués au cours des dernières 24 heures, un chiffre impossible à vérifier de source indépendante.",
  (850, "killed", "soldiers", "hedged", "état-major"))
c("Plus de 1 200 civils ont été évacués de Pokrovsk ce week-end.",
  (1200, "evacuated", "civilians", "asserted", None))
c("Moscou a démenti les informations selon lesquelles 40 prisonniers ukrainiens auraient été exécutés.",
  (40, "killed", "people", "denied", "Moscou"))
c("Les autorités prévoient d'évacuer 3 000 enfants de la région de Donetsk d'ici la fin du mois.",
  (3000, "evacuated", "children", "expected", None))
c("La ville de 45 000 habitants est privée d'électricité depuis trois jours.")
c("Le pont, long de 19 km, a été touché à deux reprises.")
c("Un septuagénaire âgé de 71 ans figure parmi les blessés soignés à Odessa.")
c("Les séparatistes contrôlent environ 20 % du territoire.",
  (20, "controlled", "areas", "asserted", None))
# --- Sahel
c("Une attaque jihadiste a fait 32 morts parmi les civils dans le nord du Burkina Faso, selon des sources sécuritaires.",
  (32, "killed", "people", "reported", "sources sécuritaires"))
c("Au Mali, 17 soldats ont trouvé la mort dans l'attaque de leur camp à Boulkessi, a reconnu l'armée.",
  (17, "killed", "soldiers", "reported", "armée"))
c("Une vingtaine d'assaillants ont été neutralisés, d'après un communiqué de l'état-major.",
  (20, "killed", "fighters", "reported", "état-major"))
c("Plus de 2 millions de personnes sont déplacées à l'intérieur du pays.",
  (2000000, "fled", "people", "asserted", None))
c("Les ravisseurs réclament 500 000 euros pour libérer les otages.")
c("Dans la région de Tillabéri, 48 villages ont été vidés de leurs habitants, selon l'ONU.",
  (48, "other", "areas", "reported", "ONU"))
c("Huit gendarmes ont été enlevés près de la frontière nigérienne.",
  (8, "detained", "soldiers", "asserted", None))
c("Le convoi transportait 60 tonnes de vivres.")
# --- Gaza / Israel
c("Le ministère de la Santé du Hamas fait état de 104 morts au cours des dernières 24 heures dans la bande de Gaza.",
  (104, "killed", "people", "reported", "ministère de la Santé"))
c("Selon l'armée israélienne, 15 militants ont été arrêtés lors d'un raid à Jénine.",
  (15, "detained", "fighters", "reported", "armée israélienne"))
c("Quelque 1,7 million de Gazaouis ont été déplacés, soit 75 % de la population, selon l'UNRWA.",
  (1700000, "fled", "people", "reported", "UNRWA"), (75, "fled", "people", "reported", "UNRWA"))
c("L'armée israélienne affirme avoir tué 12 combattants du Hamas, des chiffres invérifiables à ce stade.",
  (12, "killed", "fighters", "hedged", "armée israélienne"))
c("Au total, 240 otages avaient été emmenés à Gaza le 7 octobre.",
  (240, "detained", "people", "asserted", None))
c("Les autorités locales ont annoncé que 80 camions d'aide devraient entrer dans l'enclave demain.",
  (80, "other", "vehicles", "expected", "autorités locales"))
c("Un bâtiment de 6 étages s'est effondré sur ses occupants.")
# --- Sudan
c("Les Forces de soutien rapide (FSR) auraient tué plus de 200 personnes à El-Geneina, selon des témoins.",
  (200, "killed", "people", "conditional", "témoins"))
c("Plus de 10 millions de Soudanais ont dû quitter leur foyer depuis avril 2023, selon l'OIM.",
  (10000000, "fled", "people", "reported", "OIM"))
c("Dans le camp de Zamzam, quelque 500 000 déplacés survivent dans des conditions extrêmes.",
  (500000, "fled", "people", "asserted", None))
c("Au moins 85 corps ont été retrouvés dans une fosse commune près de la ville, a déclaré un responsable de l'ONU.",
  (85, "killed", "bodies", "reported", "responsable"))
c("Le conflit a fait au moins 150 000 morts depuis 2023, selon l'émissaire américain.",
  (150000, "killed", "people", "reported", "émissaire"))
c("L'armée soudanaise dément avoir bombardé le marché où 40 civils auraient péri.",
  (40, "killed", "civilians", "conditional", None))
# --- Yemen
c("Les rebelles houthis ont capturé 45 soldats saoudiens lors d'une offensive, une affirmation rejetée par Ryad.",
  (45, "detained", "soldiers", "disputed", None))
c("Le raid de la coalition a coûté la vie à 21 civils, dont 6 enfants, selon Médecins sans frontières.",
  (21, "killed", "civilians", "reported", "Médecins sans frontières"))
c("Quelque 4 millions de Yéménites sont déplacés, d'après le HCR.",
  (4000000, "fled", "people", "reported", "HCR"))
c("Le port de Hodeida accueille 70 % des importations du pays.")
# --- RDC
c("Dans l'est de la RDC, les rebelles du M23 ont pris le contrôle de 3 localités supplémentaires.",
  (3, "controlled", "areas", "asserted", None))
c("Au moins 43 personnes ont été tuées par des rebelles ADF dans le territoire de Beni, selon la société civile.",
  (43, "killed", "people", "reported", "société civile"))
c("Plus de 7 millions de Congolais sont déplacés à l'intérieur du pays, selon l'ONU.",
  (7000000, "fled", "people", "reported", "ONU"))
c("Les casques bleus ont évacué 250 civils vers la base de Bunia.",
  (250, "evacuated", "civilians", "asserted", None))
c("Douze miliciens ont déposé les armes lundi à Rutshuru.",
  (12, "surrendered", "fighters", "asserted", None))
