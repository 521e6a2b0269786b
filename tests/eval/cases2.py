from cases1 import C, c
# --- partisan blog
c("Les médias occidentaux parlent de 300 civils massacrés, mais ces chiffres relèvent de la propagande des terroristes.",
  (300, "killed", "civilians", "disputed", "médias occidentaux"))
c("Les prétendus 50 enfants tués n'ont jamais existé : aucune preuve n'a été fournie.",
  (50, "killed", "children", "disputed", None))
c("Grâce à l'armée, 4 000 habitants ont pu regagner leurs maisons dans les quartiers libérés.",
  (4000, "other", "people", "asserted", None))
c("Nos sources sur place confirment que 120 mercenaires étrangers sont retranchés dans l'hôpital.",
  (120, "present", "fighters", "reported", "sources sur place"))
c("Encore une fois, l'OSDH, basé à Londres, avance le chiffre de 90 morts sans la moindre preuve.",
  (90, "killed", "people", "disputed", "OSDH"))
c("Les terroristes ont exécuté 18 otages avant de prendre la fuite.",
  (18, "killed", "people", "asserted", None))
c("Pas un seul civil n'a été tué lors de l'opération, assure le commandement.")
c("Le régime de Kiev a perdu 2 000 hommes en une semaine, selon le ministère russe de la Défense.",
  (2000, "killed", "men", "reported", "ministère russe"))
# --- radio site
c("Ce matin sur notre antenne, le maire de Marioupol a évoqué au moins 600 morts dans le théâtre bombardé.",
  (600, "killed", "people", "reported", "maire"))
c("Les secours ont dégagé 14 survivants des décombres, dont 3 enfants.",
  (14, "other", "people", "asserted", None))
c("Écoutez notre reportage à 7h30 et 18h15.")
c("Il est 8 heures, voici le journal : 9 soldats français blessés au Mali.",
  (9, "injured", "soldiers", "asserted", None))
c("Le président doit s'exprimer à 20 heures.")
c("Selon notre correspondant, environ 3 000 personnes sont encore bloquées à la frontière.",
  (3000, "trapped", "people", "reported", "correspondant"))
# --- regional paper
c("Originaire de Quimper, le casque bleu de 27 ans a été blessé au Liban.")
c("Le collectif a récolté 12 000 euros pour les 35 familles réfugiées installées à Rodez.",
  (35, "fled", "families", "asserted", None))
c("La commune accueille depuis mars 42 déplacés ukrainiens, dont 18 enfants.",
  (42, "fled", "people", "asserted", None))
c("Le 152e régiment d'infanterie a perdu 2 hommes en opération.",
  (2, "killed", "men", "asserted", None))
c("Le bilan provisoire fait état de 7 morts et d'une dizaine de blessés.",
  (7, "killed", "people", "hedged", None), (10, "injured", "wounded", "hedged", None))
# --- fictional places
c("À Valmora, les miliciens du Front du Nord ont enlevé 26 écoliers, a rapporté la police locale.",
  (26, "detained", "children", "reported", "police locale"))
c("L'armée de Karsistan a repris 4 villages autour de Dreva, affirme le porte-parole Ilan Ostrov.",
  (4, "controlled", "areas", "reported", "Ilan Ostrov"))
c("Près de 9 000 habitants de Merelin ont fui vers la côte depuis lundi.",
  (9000, "fled", "people", "asserted", None))
c("Dans la province de Tervaine, 37 insurgés ont été capturés et 5 autres tués.",
  (37, "detained", "fighters", "asserted", None), (5, "killed", "fighters", "asserted", None))
c("Un accord devrait permettre la libération de 80 prisonniers de chaque camp.",
  (80, "other", "people", "expected", None))
c("Les forces de Lorvane n'ont pas tué 40 civils, contrairement à ce qu'affirme l'opposition.",
  (40, "killed", "civilians", "denied", None))
# --- ellipsis, parts, cumulative
c("Quelque 420 civils auraient été tués dans la région depuis janvier, 130 dans la seule ville de Saada.",
  (420, "killed", "civilians", "conditional", None), (130, "killed", "civilians", "conditional", None))
c("L'explosion a fait 19 morts, parmi lesquels 4 policiers.",
  (19, "killed", "people", "asserted", None))
c("La guerre a fait plus de 500 000 morts depuis 2011.",
  (500000, "killed", "people", "asserted", None))
c("Ce nouveau bombardement porte le bilan à 73 morts.",
  (73, "killed", "people", "asserted", None))
c("Le nombre de déplacés est estimé à 35 000.",
  (35000, "fled", "people", "asserted", None))
c("Les évacuations ont concerné 2 300 personnes, dont 900 enfants et 400 blessés.",
  (2300, "evacuated", "people", "asserted", None))
c("Au total, 64 soldats ont été tués et 140 blessés depuis le début de l'opération.",
  (64, "killed", "soldiers", "asserted", None), (140, "injured", "wounded", "asserted", None))
# --- not claims
c("En 2014, la ville comptait encore des dizaines de commerces.")
c("Le sommet s'est tenu le 12 mars 2022 à Genève.")
c("Le budget militaire atteint 3,5 milliards de dollars.")
c("Il a été élu pour la troisième fois en 2019.")
c("510578 01 03 1481125894 56")
c("Page 2 sur 14 - Article publié à 09:45")
c("La route nationale 7 relie les deux villes sur 120 km.")
c("Le général, âgé de 63 ans, commande la 4e division depuis 2015.")
c("La résolution 2254 du Conseil de sécurité a été adoptée en décembre 2015.")
c("La ville a été fondée il y a 800 ans.")
c("Les loyers ont augmenté de 30 % en un an.")
c("Le cessez-le-feu doit entrer en vigueur à 6 heures, heure locale.")
