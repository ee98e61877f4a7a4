"""Train the scrubber's learnt tagger (lib/scrub_data/tagger) on the annotated stories.

`python manage.py train_scrub_tagger` reads every evaluation set in tests/data/ except the
newest held-out ones (tests/scrub_cases.py's UNSEEN: they measure the tagger on stories it never
learnt from), trains spaCy's named-entity recogniser from nothing with
devtools/scrub_tagger.cfg (a tenth of the stories choose the best epoch), and writes the result
to lib/scrub_data/tagger with the names of the sets it learnt from in its meta.json. Run it
again after new sets are measured and read, then measure the next unseen sets.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from alongside.lib import scrub

CONFIG = Path(__file__).resolve().parents[2] / "scrub_tagger.cfg"


def write_stories(folder: Path, names: list[str]) -> int:
    import spacy
    from spacy.tokens import DocBin

    from tests.scrub_cases import load

    stories = [story for name in names for story in load(name)]
    random.Random(0).shuffle(stories)  # noqa: S311 - a fixed split, not a secret
    blank = spacy.blank("en")
    train, dev = DocBin(), DocBin()
    for n, story in enumerate(stories):
        doc = blank.make_doc(story.text)
        marks = [
            doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
            for m in story.identifiers
        ]
        doc.ents = spacy.util.filter_spans([m for m in marks if m is not None])
        (dev if n % 10 == 0 else train).add(doc)
    train.to_disk(folder / "train.spacy")
    dev.to_disk(folder / "dev.spacy")
    return len(stories)


class Command(BaseCommand):
    help = "Train the scrubber's learnt tagger on tests/data/'s annotated stories."

    def handle(self, *args: Any, **options: Any) -> None:
        from spacy.cli.train import train

        from tests.scrub_cases import SETS, UNSEEN

        names = [name for name in SETS if name not in UNSEEN]
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            count = write_stories(folder, names)
            self.stdout.write(f"Training on {count} stories from {len(names)} sets.")
            train(
                CONFIG,
                folder / "out",
                overrides={
                    "paths.train": str(folder / "train.spacy"),
                    "paths.dev": str(folder / "dev.spacy"),
                },
            )
            meta_path = folder / "out" / "model-best" / "meta.json"
            meta = json.loads(meta_path.read_text())
            meta["name"], meta["alongside_trained_on"] = "alongside_scrub_tagger", names
            meta_path.write_text(json.dumps(meta, indent=2))
            # The stored configuration names the stories' temporary files, gone after this.
            config = folder / "out" / "model-best" / "config.cfg"
            config.write_text(
                re.sub(r'(?m)^(train|dev) = "[^"]*"$', r"\1 = null", config.read_text())
            )
            shutil.rmtree(scrub.TAGGER, ignore_errors=True)
            shutil.copytree(folder / "out" / "model-best", scrub.TAGGER)
        self.stdout.write(f"Stored {scrub.TAGGER}")
