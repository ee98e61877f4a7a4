from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from alongside.devtools.management.commands.train_scrub_tagger import write_stories
from tests.scrub_cases import load


def test_the_tagger_learns_each_annotated_identifier_with_its_type(tmp_path: Path) -> None:
    stories = load("scrub_tuning.txt")

    count = write_stories(tmp_path, ["scrub_tuning.txt"])

    vocab = spacy.blank("en").vocab
    docs = [
        doc
        for name in ("train.spacy", "dev.spacy")
        for doc in DocBin().from_disk(tmp_path / name).get_docs(vocab)
    ]
    assert count == len(docs) == len(stories)
    marked = sorted(
        (story.text[m.start : m.end], m.type) for story in stories for m in story.identifiers
    )
    learnt = sorted((entity.text, entity.label_) for doc in docs for entity in doc.ents)
    assert learnt == marked
    held_back = list(DocBin().from_disk(tmp_path / "dev.spacy").get_docs(vocab))
    assert len(held_back) == -(-len(docs) // 10)  # every tenth story chooses the best epoch
