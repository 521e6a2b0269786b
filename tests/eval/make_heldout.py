# Writes sources_heldout.jsonl: cases written after the rules were settled and measured once
# before any change, so that their score says how the stage does on wording it was not tuned on.
# Same format as sources.jsonl (see make_sources.py).
import json

Q = lambda frag, who: {"quote": frag, "speaker": who}
cases = [
 ("« Les secours n'arrivent pas à franchir le col », a regretté le maire de Tarvel, Olivier Brun.",
  [Q("secours n'arrivent pas", "Olivier Brun")], [["Olivier Brun"]]),
 ("D'après un rapport de l'ONU publié jeudi, 1,2 million de personnes ont fui la région du Darfour.",
  [], [["rapport de l'ONU"]]),
 ("Le Croissant-Rouge palestinien a annoncé la mort de deux secouristes à Rafah.",
  [], [["Croissant-Rouge palestinien"]]),
 ("« Je n'ai plus de nouvelles de mon frère depuis lundi », explique Samir, 27 ans, réfugié à Beyrouth.",
  [Q("plus de nouvelles", "Samir")], [["Samir"]]),
 ("Selon le quotidien Haaretz, citant des responsables de la sécurité, l'opération durera plusieurs semaines.",
  [], [["responsables de la sécurité", "Haaretz"]]),
 ("Moscou a démenti jeudi avoir utilisé des armes à sous-munitions à Izioum.",
  [], [["Moscou"]]),
 ("« Nous ne négocierons pas sous les bombes », a martelé la Première ministre Yulia Marchenko.",
  [Q("ne négocierons pas", "Yulia Marchenko")], [["Yulia Marchenko"]]),
 ("Un diplomate européen, cité par l'agence Bloomberg, juge la trêve « très fragile ».",
  [Q("très fragile", "diplomate européen")], [["diplomate européen", "Bloomberg"]]),
 ("Les combattants auraient quitté la ville, selon des images diffusées par les réseaux proches du groupe.",
  [], [["images diffusées par les réseaux proches du groupe"]]),
 ("Le chef de la Wagner locale, Ivan Korol, a reconnu des « pertes importantes ».",
  [Q("pertes importantes", "Ivan Korol")], [["Ivan Korol"]]),
 ("« Tout a brûlé », murmure une vieille femme devant sa maison de Sirte.",
  [Q("Tout a brûlé", "vieille femme")], [["vieille femme"]]),
 ("Le porte-parole de la Minusma, Fatou Diallo, a précisé que les casques bleus n'avaient pas été visés.",
  [], [["Fatou Diallo"]]),
 ("L'agence de presse officielle Irna affirme que l'attaque a été repoussée.",
  [], [["Irna"]]),
 ("« C'est un crime », a tweeté le président colombien. Il a demandé une enquête internationale.",
  [Q("un crime", "président colombien")], [["président colombien"], ["président colombien"]]),
 ("De sources concordantes, une centaine de soldats ont été faits prisonniers près de Goma.",
  [], [["sources concordantes"]]),
 ("Human Rights Watch accuse les deux camps d'avoir bombardé des zones résidentielles.",
  [], [["Human Rights Watch"]]),
 ("« Nous n'avons reçu que 10 % de l'aide promise », a indiqué au Monde la directrice de l'hôpital, Rana Azar.",
  [Q("10 % de l'aide", "Rana Azar")], [["Rana Azar", "Monde"]]),
 ("Interrogé par Franceinfo, le général Henri Lavalle estime que l'offensive est « vouée à l'échec ».",
  [Q("vouée à l'échec", "Henri Lavalle")], [["Henri Lavalle"]]),
 ("Kiev n'a pas confirmé ces informations.",
  [], []),
 ("Les autorités locales font état de 43 morts, un bilan que conteste l'opposition.",
  [], [["autorités locales"], ["opposition"]]),
]
with open("sources_heldout.jsonl", "w", encoding="utf-8") as out:
    for i, (text, quotes, chains) in enumerate(cases, 1):
        out.write(json.dumps({"id": i, "text": text, "quotes": quotes, "chains": chains},
                             ensure_ascii=False) + "\n")
print(len(cases), "cases")
