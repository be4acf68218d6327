"""How far two careful labellers agree on the same held-out vacancies: the ceiling a reader can be held to.

A held-out set with a second labeller's file (``labels.second.json`` beside ``labels.json``, written by someone who
was given only the labelling guide and the slugs, never the first labels nor the reader) is scored exactly as the
reader is scored in bench.vacancies: the first labels are the answer, the second are read as if by the reader. Where
two people agree on items at precision 0.90, a reader held to 0.95 against one of them is held to chance.

    .venv/bin/python -m bench.agreement
"""

import sys

from bench.vacancies import SETS, as_labelled, evaluate, labelled_vacancies

SECOND_LABELS = "labels.second.json"


def main() -> int:
    compared = 0
    for name, folder in SETS.items():
        second = {vacancy.name: vacancy for vacancy in labelled_vacancies(folder, labels_file=SECOND_LABELS)}
        if not second:
            continue
        first = [vacancy for vacancy in labelled_vacancies(folder) if vacancy.name in second]
        qualities = evaluate(first, read=lambda vacancy, second=second: as_labelled(second[vacancy.name]))
        for language in ("nl", "en", "all"):
            print("  " + qualities[language].line(f"{name} {language}"))
        compared += 1
    if not compared:
        print(f"No set has a second labeller's {SECOND_LABELS}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
