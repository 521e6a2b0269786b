from cases1 import C, c
# Held-out batch: written after the rules above were tuned, to measure them honestly.
c("Au moins 19 personnes, dont quatre enfants, ont péri dans l'incendie d'un immeuble touché par un missile à Dnipro, selon les services de secours.",
  (19, "killed", "people", "reported", "services de secours"))
c("D'après un bilan communiqué jeudi soir par le ministère de la Santé, 31 patients ont dû être transférés vers l'hôpital de Khan Younès.",
  (31, "evacuated", "people", "reported", "ministère de la Santé"))
c("Les combats ont déjà poussé plus de 60 000 habitants à l'exode, selon le Bureau de coordination des affaires humanitaires.",
  (60000, "fled", "people", "reported", "Bureau de coordination"))
c("Selon Human Rights Watch, au moins 120 civils auraient été exécutés sommairement par des hommes armés dans trois villages du centre du pays.",
  (120, "killed", "civilians", "conditional", "Human Rights Watch"))
c("L'armée malienne revendique la mort de 40 terroristes lors d'une opération aéroportée.",
  (40, "killed", "fighters", "reported", "armée malienne"))
c("Une quinzaine de soldats nigériens sont portés disparus depuis l'embuscade de mardi.",
  (15, "missing", "soldiers", "asserted", None))
c("Les autorités ont interpellé 230 manifestants, a indiqué le parquet.",
  (230, "detained", "civilians", "reported", "parquet"))
c("Le Hamas détiendrait encore une centaine d'otages, selon les estimations israéliennes.",
  (100, "detained", "people", "conditional", "estimations israéliennes"))
c("En une semaine, 4 500 combattants ukrainiens ont été faits prisonniers, assure Moscou, un chiffre que Kiev qualifie de propagande.",
  (4500, "detained", "fighters", "disputed", "Moscou"))
c("Dans la nuit de samedi à dimanche, 17 drones et 3 missiles ont été lancés sur la capitale.",
  (17, "other", "other", "asserted", None), (3, "other", "other", "asserted", None))
c("Un soldat français a été tué au Mali, le 58e depuis le début de l'intervention.")
c("Le camp de Kakuma, prévu pour 70 000 personnes, en accueille aujourd'hui plus de 200 000.",
  (200000, "present", "people", "asserted", None))
c("Quelque 350 familles vivent toujours sous des tentes à la sortie de la ville.",
  (350, "present", "families", "asserted", None))
c("Parmi les 82 passagers, 12 ont été blessés.",
  (12, "injured", "people", "asserted", None))
c("L'ONU estime que 25 000 personnes restent prises au piège dans la vieille ville.",
  (25000, "trapped", "people", "reported", "ONU"))
c("Le gouvernement a annoncé la libération de 1 500 détenus à l'occasion de l'Aïd.",
  (1500, "other", "people", "reported", "gouvernement"))
c("Ces frappes, qui auraient fait 45 victimes selon l'opposition, n'ont pas été confirmées par une source indépendante.",
  (45, "killed", "people", "hedged", "opposition"))
c("Les forces loyalistes contrôleraient désormais 90 % de la ville.",
  (90, "controlled", "areas", "conditional", None))
c("Le rapport fait état de 1 200 cas de torture documentés depuis 2019.")
c("Quelque 800 membres de l'État islamique se sont rendus aux FDS lors de la chute de Baghouz.",
  (800, "surrendered", "fighters", "asserted", None))
c("Trois casques bleus ont été blessés par l'explosion d'un engin artisanal, a annoncé la Minusma.",
  (3, "injured", "soldiers", "reported", "Minusma"))
c("Le chef du village affirme que 70 habitants ont été enlevés par des hommes armés venus à moto.",
  (70, "detained", "people", "reported", "chef du village"))
c("L'offensive devrait entraîner le déplacement de 100 000 personnes supplémentaires, prévient l'ONG.",
  (100000, "fled", "people", "expected", "ONG"))
c("Les secouristes ont extrait 6 corps des décombres.",
  (6, "killed", "bodies", "asserted", None))
c("Le gouverneur a démenti le chiffre de 300 morts avancé par les réseaux sociaux.",
  (300, "killed", "people", "denied", "gouverneur"))
c("Des dizaines de milliers de Rohingyas ont franchi la frontière en quelques jours.",
  (("low", 20000), "fled", "people", "asserted", None))
c("Le régiment compte 1 200 hommes, dont 300 réservistes.",
  (1200, "present", "men", "asserted", None))
c("Selon nos informations, 14 militaires ont été tués dans l'attaque, un bilan encore provisoire.",
  (14, "killed", "soldiers", "hedged", None))
c("Lundi, 250 civils ont pu quitter le quartier assiégé grâce à un couloir humanitaire.",
  (250, "evacuated", "civilians", "asserted", None))
c("La Croix-Rouge a rapatrié 95 blessés graves vers Kaboul.",
  (95, "evacuated", "wounded", "asserted", None))
c("Les talibans contrôlent 85 % du territoire afghan, a affirmé un de leurs porte-parole.",
  (85, "controlled", "areas", "reported", "porte-parole"))
c("Le match a réuni 40 000 spectateurs au stade de Donetsk en 2012.")
c("Le prix du pain a triplé en trois mois.")
c("Les 27 pays de l'Union européenne ont adopté un 14e paquet de sanctions.")
c("Le vote a recueilli 141 voix pour et 5 contre.")
