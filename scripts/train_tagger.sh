#!/bin/sh
# train_tagger.sh - remakes data/fr/ent_tagger.model, the entity tagger's model, from the
# Europeana Newspapers French NER corpus (BnF, CC0), and prints its scores on the held-out tenth.
# Reproducible: fixed seed, fixed epochs, features sorted; two runs write the same bytes.
#   sh scripts/train_tagger.sh [CORPUS.bio] [BUILD]
# See docs/tagger.md.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/data/ner/enp_FR.bnf.bio}
build=${2:-$here/build}
cmake --build "$build" -j2 --target ent_tagger_train
RECOUPE_DATA="$here/data" "$build/tools/ent_tagger_train" --epochs 8 --seed 20161215 \
    --prune 0.05 --margin 0 --add "PER LOC" "$corpus" "$here/data/fr/ent_tagger.model"
