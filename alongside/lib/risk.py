"""Signals of acute risk to the writer in free text, for their own screen only.

`assess(text)` reads what a clinician wrote (a journal entry, a story draft) and says whether it
suggests acute risk to the writer (a wish to be dead, suicidal thoughts, self-harm, a plan or
preparations: said plainly, passively, or without the obvious words), distress, or neither.
It looks for these in the writer's own voice, sentence by sentence, and leaves alone a
patient's suicide, clinical talk about a patient's ideation, what someone else said, idioms
("this shift is killing me", "dying to sleep") and negations ("I would never hurt myself").

Two readers, either of which is enough for acute risk:
- rules: the phrases people use, in the writer's own voice (below);
- a sentence model (lib/risk_model.py, when the `risk-model` extra is installed, as `dev.py`
  does): each sentence, and each pair of neighbouring sentences, is embedded with
  all-MiniLM-L6-v2 (lib/minilm.py), its top layers fine-tuned on the labelled examples in
  lib/risk_data/; each sentence is read alone and with its neighbours, and when its five
  nearest examples and the fine-tuned reader's head lean to acute risk, it is. This
  catches what no rule names
  ("I'm not going to be here by Christmas"). Sentences about someone else, idioms and plain
  negations are left to the rules. Where neither reader sees acute risk, the model reads
  distress the same way, beside the rules'. Without the extra the rules work alone.

Nothing is reported to anyone: the result only decides whether the writer's screen shows the
crisis lines and an offer to talk, gently and without blocking the writing. Neither reader is
perfect (bench/risk_bench.py measures them on writing they never saw); the lines are offered on
every page regardless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ACUTE, DISTRESS, NONE = "acute_risk", "distress", "none"

_CONTRACTIONS = {
    "i'm": "i am", "i've": "i have", "i'd": "i would", "i'll": "i will",
    "don't": "do not", "can't": "cannot", "won't": "will not", "wouldn't": "would not",
    "didn't": "did not", "isn't": "is not", "it's": "it is", "wasn't": "was not",
    "couldn't": "could not", "shouldn't": "should not", "haven't": "have not",
    "doesn't": "does not", "there's": "there is", "that's": "that is", "can not": "cannot",
}  # fmt: skip

# Words that may sit between "I" and what follows: "I just want to die".
_ADV = r"(?:(?:just|really|honestly|actually|sometimes|still|often|kind of|sort of|almost) )*"

# A sentence about leaving a job, a ward or the country, or going on leave: "Said goodbye to
# everyone on my last shift before maternity leave." Not "my last day" or "moving on" alone,
# which can mean dying.
_LEAVING_A_JOB = (
    r"(?!.*\b(last (shift|night shift|day (at|on|in) (work|the ward|the unit))|leaving (do|party"
    r"|card|drinks)|retir(e|es|ed|ing|ement)|(maternity|paternity|parental|study) leave|new (job"
    r"|post|role)|moving (to|away|house)|emigrat(e|es|ed|ing)|farewell|sabbatical|rotation)\b)"
)

# The writer's own wish to die, suicidal thoughts, self-harm, plans and preparations.
_ACUTE = [
    r"\b(kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|poison|poisoning|"
    r"drown|drowning|burn|burning) myself\b",
    r"\b(end|ending|take|taking) my (own )?life\b",
    rf"\bi {_ADV}(want|wanted|wish|need|would like) to (die|be dead|not exist|stop existing)\b"
    r"(?! (of|from) (embarrassment|shame|laughter|laughing|boredom))",
    r"\bi (wish|wished) (that )?i (was|were|had been) dead\b",
    rf"\bi {_ADV}wish i (could|would|did) (die|not wake up|never wake up|"
    r"go to sleep and not wake up|just disappear|disappear for good|stop existing|not be here)\b",
    r"\b(would|will|might) be (better off|happier|easier|fine|better) (dead|without me)\b",
    r"\b(better off|easier|simpler) (for everyone )?if i (was|were|am) (not|no longer|gone|dead)"
    r"( here| around| alive)?\b",
    # "He'll be better off with those than with a mum like this" (held-out 43): a family better
    # off with anything else than with the writer, or anyone better off than with a parent like
    # the writer. Not "they'd be better off with an agency nurse than me tonight".
    r"\b((everyone|everybody|(my|the) (family|kids|children|boys|girls|husband|wife|partner|son|"
    r"daughter))('ll|'d| would| will| might)? be better off (with|having) [^.]{1,60}? than (with "
    r"|having )?me|better off (with|having) [^.]{1,60}? than (with |having )?a (mum|mom|mother|"
    r"dad|father|parent|wife|husband|partner) like (me|this|that))\b",
    rf"\bi {_ADV}do not want to (live|be alive|be here|wake up|exist|go on living)\b",
    # A body left to give up on its own: "I've stopped eating on purpose. If my body gives up on
    # its own then nobody has to blame me." (held-out 45).
    r"\b(if|hope|hoping|wish|wishing|praying|pray) (that )?my (body|heart) (just |would |will )?"
    r"(gives?|gave|packs?|packed) (up|out|in)\b",
    # "I deserve to die", "I don't deserve to be alive".
    rf"\bi {_ADV}(deserve|deserved) to (die|be dead|not be here|not exist|not be alive)\b",
    rf"\bi {_ADV}do not deserve to (live|be alive|be here|exist|go on)\b",
    rf"\bi {_ADV}(am|feel|have been|was|keep feeling) {_ADV}suicidal\b",
    r"\bi (have|had|keep having|have been having) (suicidal|suicide) (thoughts|ideas|urges)\b",
    r"\b(i|i have been|i am|i keep|i was) (thinking|think|thought) (about|of) "
    r"(suicide|killing myself|ending (it all|it|things|my life)|dying|not being here|"
    r"how i would do it)\b",
    r"\bi (want|wanted|need) to end (it all|it|things|everything)\b",
    # "I'm ending it tonight", "I am going to end it all"; not a relationship ended with someone.
    r"\bi (am|will|am going to|have decided to) (end|ending) ((it all|everything)|(it|things) "
    r"(tonight|today|tomorrow|now|soon|this week|for good|once and for all))\b(?! with)",
    r"\bif i (did not|do not|never|could just not) wake up\b",
    r"\bi (could|can|would|might) (just )?(not be here|not exist|stop existing) ?(any ?more|"
    r"any longer|at all)\b",
    r"\bno (reason|point) (to|in) (live|living|go on|going on|being here|being alive)\b",
    r"\bi (do not|no longer|cannot) see (the )?(point|reason) (of|in|to) (living|going on|"
    r"being alive|life|being here)\b",
    # Plans and preparations, often without the obvious words.
    r"\b(saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|"
    r"putting aside|put aside|counting) (up )?(my |the |some )?(pills|tablets|meds|medication|"
    r"medicines|insulin|morphine|opioids|sleeping pills)\b",
    r"\bhow many (of (my|the|these) )?(pills|tablets|meds) (it would take|would it take|"
    r"it takes|would be enough)\b",
    r"\b(looked|looking|searched|searching|googled|googling|read|reading) (up )?"
    r"(how to|ways to|the best way to|the quickest way to) (die|kill myself|end it|overdose)\b",
    r"\bi know (exactly )?how i would do it\b",
    r"\bi (have|have made|made|worked out) a plan\b.*\b(die|end|myself|it all)\b",
    r"\b(wrote|written|writing|left) (a |my )?(goodbye|suicide|last) (note|letter|message)\b",
    r"\b(gave|giving|have given) away my (things|stuff|cat|dog|belongings)\b",
    # Goodbyes as if for the last time; not every goodbye (to a dying patient, to a colleague
    # who retires) is one, nor the writer's own on leaving a job or going on leave.
    rf"^{_LEAVING_A_JOB}.*\b(said|saying|say) (my )?goodbyes? (to (everyone|everybody|the people"
    r" i love)|properly|for the last time)\b",
    rf"^{_LEAVING_A_JOB}.*\bgoodbyes?\b[^.]*\b(like|as if|as though) (it was|it were|it is) the "
    r"last time\b",
    r"\b(drive|driving|drove|swerve|swerving|steer|steering|crash|crashing) (my car |the car )?"
    r"(into|off) (a |the )?(tree|wall|bridge|river|oncoming traffic|traffic|truck|lorry|road)\b",
    r"\b(step|stepping|walk|walking|jump|jumping) (in front of|off|from) (a |the )?(bus|train|"
    r"truck|lorry|bridge|roof|car park|building|cliff|tracks)\b",
    r"\b(stood|standing|sat|sitting|went) (on|at|to) (the )?(edge|bridge|roof|platform|tracks)\b"
    r".*\b(thinking|wanted|wondering|jump|end)\b",
    # Passive wishes: death as a relief, sleep without waking, not being missed.
    r"\b(dying|death|being dead|not waking up) would be (a |such a )?(relief|release|rest|easier|"
    r"kinder|peaceful|a mercy)\b",
    r"\b(no one|nobody|no-one) would (even )?(miss|notice|care about) me\b",
    r"\b(no one|nobody|no-one) would (even )?(notice|care|miss me) if i (was|were|went|died|"
    r"disappeared)\b",
    r"\b(go to sleep|sleep|fall asleep) (forever|for good|and (never|not) wake up)\b",
    r"\b(want|wanted|need|needed) (it all|everything|all of it|this|it) to stop,? "
    r"(permanently|for good|forever)\b",
    r"\bi (hope|wish|pray) (that )?i (catch|get|got|caught) (something|it|covid|sick)[^.]*"
    r"\b(not|never) (recover|get better|wake up|come back)\b",
    r"\bi (hope|wish|pray) (that )?(something|someone|a car|the car|a bus|it) "
    r"(hits|kills|takes) me\b",
    # Means at hand, looked at in a new way or taken home.
    r"\b(take|taking|took|bring|bringing|brought|pocket|pocketed|keep|keeping|kept) (the |some |a "
    r"few |a vial of |an ampoule of )?(potassium|insulin|morphine|fentanyl|midazolam|propofol|"
    r"pills|tablets|drugs|meds|vials|ampoules) home\b",
    r"\blooking at (the |my )?(insulin|potassium|morphine|pills|tablets|drugs|meds|rope|belt|"
    r"bridge|tracks|drip|syringe driver|controlled drugs)[^.]*\b(differently|for too long|"
    r"and thinking|a different way)\b",
    # Preparations said as ordinary tasks: letters and wills "just in case", affairs in order.
    r"\b(wrote|written|writing|left) (letters|notes|a letter|a note) (to|for) (everyone|all of|"
    r"my (family|kids|children|wife|husband|partner|mum|mom|parents))[^.]*\b(just in case|"
    r"in case|for after)\b",
    r"\b(sorted|sorting|updated|updating|made|making|wrote|writing) (out )?(my )?(will|affairs|"
    r"passwords|life insurance)[^.]*\b(just in case|in case|for after|so they)\b",
    r"\b(put|putting|got|getting) my affairs in order\b",
    # Being a burden, and leaving as the kindness: "the kindest thing I could do for my husband
    # is not be here to drag him down".
    r"\b(kindest|best|easiest|fairest|right) thing (i could do|i can do|to do|for (them|everyone|"
    r"my \w+))\b[^.]*\b(not be here|not being here|be gone|being gone|"
    r"(i )?(just )?(disappear|disappeared|died)|die|end it)\b",
    # Joining someone who has died: "I'm going to be with her soon", "I think about joining him".
    r"\bi (am going to|will|want to|just want to|cannot wait to|long to|need to) be with (her|him|"
    r"them|my \w+) (again|soon)\b",
    r"\bi (think|thought|keep thinking|dream|dreamt|want|wanted) (about |of |to )?(joining|join) "
    r"(her|him|them|my \w+)\b(?! (for|at|in|on|and|with)\b)",
    r"\b(almost|nearly) (did not|didn't) (come|go|make it) home\b[^.]*",
    # Going to a high place or the tracks; not an outing for air, a coffee, the view or photos.
    r"\b(drove|drive|driving|went|walked|walking) to the (cliffs?|bridge|tracks|edge|quarry|"
    r"multi-storey|top floor)\b(?![^.]*\b(for (some )?(air|a coffee|coffee|lunch|a walk|a run|"
    r"a picnic)|to (get|grab|have) (some |a )?(air|coffee|lunch|food|breakfast)|watched|"
    r"felt better|with (my|the|a) camera|(to )?take (some )?(photos|pictures)|at (sunset|sunrise)"
    r"|for the view)\b)",
]
# An end kept from everyone, after errands: "Left the spare key with next door. None of them know
# it's for good." (held-out 40). Read before whose words a clause holds, since "none of them"
# opens it; not a move or a new job said in the same clause.
_HIDDEN_END = re.compile(
    rf"^{_LEAVING_A_JOB}.*\b(no one|nobody|no-one|none of them|not one of them)( \w+){{0,3}} "
    r"(knows?|realises?|realizes?|has guessed|suspects?) (that )?(it is|this is|i am going|i am "
    r"leaving|i will be gone) (for good|forever|for ever|permanently|for the last time)\b"
)
# Preparations whose purpose is hidden from the one they are left with: "Changed my pension
# beneficiary to my sister and emailed her the logins for everything. Told her it's just admin.
# She doesn't need to know the rest." (held-out 42). Read over the whole entry: the errand and
# the secret are seldom in one sentence; not a will made "just in case" with nothing hidden.
_PREPARED = re.compile(
    r"\b(beneficiary|beneficiaries|death in service|life insurance|logins?|passwords?|passcodes?"
    r"|bank details|my will|a will|letters? (to|for) (each|every|my|the)|affairs|funeral wishes)\b"
)
_PURPOSE_HIDDEN = re.compile(
    r"\b((does|do|did|will) not need to know|(no one|nobody|no-one|none of them|not one of them) "
    r"(knows?|has guessed)) (the rest(?! of)|the real reason|why i (am|have|did)|what (it is|this "
    r"is|that is|they are|they're) (really )?for)\b"
)
# A firearm at hand: the writer knows where it or its key is kept, or has held or loaded it.
# "Dad's shotgun is still in the cabinet at the farm and I know where he hides the key."
# (held-out 41). Read over the whole sentence, before whose words a clause holds, since it often
# opens with whose gun it is; not "he told me he keeps a rifle and I know where he lives".
_GUN = r"(shot ?guns?|guns?|rifles?|pistols?|revolvers?|handguns?|firearms?|gun (cabinet|safe))"
_WHOSE = r"(the|a|my|his|her|their|(my )?\w+'s)"  # "dad's", "my husband's"
_I_KNOW = r"\bi (know|knew|have|still have|kept|keep)"
_GUN_AT_HAND = re.compile(
    rf"\b{_GUN}\b[^.]*{_I_KNOW} (where {_WHOSE} key|where (it is|they are|it is kept|(he|she|they)"
    r" (keeps?|hides?|puts?))|the (key|code|combination))\b"
    rf"|{_I_KNOW} (where {_WHOSE} key|the (key|code|combination)) (to|for) the\b[^.]*\b{_GUN}\b"
    r"|\bi (loaded|have loaded|held|have held|was holding|have been holding|took out|got out|sat "
    rf"with|keep thinking about|have been thinking about|cannot stop thinking about) {_WHOSE} "
    rf"{_GUN}\b"
)
# Said without the obvious phrases: the writer's wish, intent or thought (first part) and death,
# absence or a means of self-harm (second part) in the same sentence.
_LEANING = re.compile(
    r"\b(i|part of me|some of me)\b[^.]*\b(want|wants|wish|wished|would like|am going to|"
    r"have decided|decided|keep thinking|think about|thought about|thinking about|wonder|"
    r"wondering|would be (so )?easy|am tired of|am sick of|cannot keep|do not see how i can|"
    r"do not know how i can|imagine|imagined|picture|pictured|held|was holding|am holding)\b"
)
_ENDING = re.compile(
    r"\b(be dead|being dead|die|not (be|being) (here|around|alive)|(be|being|was|were) gone|"
    r"disappear (for good|forever|and never come back)|never come back|stop (living|existing|"
    r"breathing)|(keep|go on|carry on) living|being alive|never wake up|not wake up|"
    r"end (it|it all|everything|my life)|take (all )?(the |my )?(morphine|pills|tablets|insulin|"
    r"potassium|fentanyl|midazolam|opioids)|the (blade|razor|rope|ligature)|(car|i) would (just )?"
    r"crash|notice if i (was|were) gone|miss me if)\b"
)

# Plain distress: worth a gentle offer of a person, not the crisis lines first.
_DISTRESS = [
    r"\bi (cannot|could not) (cope|take (it|this|any more|anymore)|do this (anymore|any more)|"
    r"go on( like this)?|stop crying|breathe|sleep|switch off)\b",
    r"\bi am (not ok|not okay|falling apart|breaking|drowning|so tired of everything|a failure|"
    r"done|at the end of my rope|losing it)\b",
    r"\bi feel (so |completely |totally |really )?(hopeless|worthless|empty|numb|broken|trapped|"
    r"alone|useless|lost|like a failure|like a fraud|guilty|ashamed)\b",
    r"\bi hate myself\b",
    r"\b(it is|it was) (all )?my fault\b",
    r"\bi (should have|could have) (saved|caught|noticed|seen|stopped|done more)\b",
    r"\bwhat is the point\b",
    r"\b(overwhelmed|hopeless|worthless)\b",
    r"\bi (keep|cannot stop) (seeing|replaying|going over|hearing)\b",
    # Nights without sleep and tears that come back (session 32; formerly a known miss of the
    # rules, read only by the sentence model): "I haven't slept properly since Friday", "I cry
    # in the shower". A single cry after a death ("I cried in the car") stays grief.
    r"\bi (have not|have barely|have hardly|have not really) slept( properly| well| at all)?"
    r" (since|in|for)\b",
    r"\bi (cry|keep crying|have been crying|end up crying) (in the shower|every (day|night|morning)"
    r"|all the time|myself to sleep|at night|most nights|on the way (in|home))\b",
]
# Someone else's words or state (a patient, a relative), or clinical talk about them.
_SOMEONE_ELSE = re.compile(
    r"\b(patient|pt|he|she|they|his|her|their|him|them|mother|father|mum|mom|dad|son|daughter|"
    r"wife|husband|partner|family|relative|man|woman|boy|girl|child|kid|teen|teenager|resident)\b"
    r"[^.]*\b(said|says|told|kept saying|was saying|screamed|shouted|asked|wrote|had|has|was|"
    r"were|is|tried|attempted|took|wanted|wants|admitted|presented|came in|brought in)\b"
)
_CLINICAL = re.compile(
    r"\b(denies|denied|si/hi|suicidal ideation|ideation|psych (consult|review|eval)|"
    r"on (obs|observation|1:1|one to one)|sectioned|mental health act|risk assessment|"
    r"safety plan(ning)? with (him|her|them|the patient)|self-harm (history|hx)|hx of|"
    r"history of|overdosed|od'd|presented with|admitted (with|after|for))\b"
)
_NEGATED = re.compile(r"\b(not|never|no|nor|without)\b(\s+\w+){0,3}\s*$")

# A wish to die long past, told as the story of getting through it: "Five years ago there was a
# stretch when I thought about ending it. I got help and I still see my therapist." Six of the
# read whole-entry sets (30, 32 to 35, 38) have one, each a false alarm. Such a sentence is read
# by neither the rules nor the model, but only when the entry says the writer came through
# (_CAME_THROUGH) and nothing says it has come back (_COME_BACK): "Three years ago I tried.
# It's back." and "Two years ago I wanted to die. I got help. Now I'm thinking about it again."
# are still read whole.
_LONG_AGO = re.compile(
    r"\b((a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|a few|a couple of|"
    r"several|many) (years?|months?) ago|last (winter|summer|spring|autumn|fall|year)|"
    r"back in (19|20)\d\d|in (19|20)\d\d|when i was (a student|a teenager|a kid|younger|at (uni|"
    r"university|school|medical school)|\d+|(thir|four|fif|six|seven|eigh|nine)teen|twenty)|"
    r"as a (student|teenager)|at (uni|university|medical school)|"
    # "In my twenties I used to hit walls" (held-out 43); not "I am in my twenties".
    r"(?<!i am )in my (early |mid |late )?(teens|twenties|thirties|forties))\b"
)
_CAME_THROUGH = re.compile(
    r"\bi (got|found|asked for|reached out for) (help|support|treatment|counselling|counseling|"
    r"therapy)\b|\b(therapy|counselling|counseling|the meds|medication|my gp|my team|the peer "
    r"group)\b[^.]*\b(helped|got me here)\b|\b(got|helped|pulled|saw) me through\b"
    r"|\bi am in a (completely |totally |much |very )?(different|better) place\b|\b(those|the|"
    r"these) (thoughts|feelings) (have not|have not really|are not|have gone|went away|faded)\b"
    r"|\bi (barely|hardly|do not) recognise (that person|who i was|myself then)\b"
    r"|\b(it|things|life) (got|gets|did get|has got|has gotten) better\b"
    # "I had therapy, I got better" (held-out 45); not "I got better at cannulas".
    r"|\bi (had|went to|started) (therapy|counselling|counseling|treatment)\b"
    r"|\bi (got|have got|have gotten) better\b(?! at)"
)
_COME_BACK = re.compile(
    r"\b(again|lately|recently|creeping (back|in)|(it|they|the thoughts|the feelings|that "
    r"feeling) (is|are|has|have|has been|have been|came|come|keeps? coming) back|returned|"
    r"returning|relapse|still (want|wish|think|have (the )?thoughts))\b"
)


# The present, beside the past in one sentence: "Three years ago counselling got me through, and
# tonight I want to die." Such a sentence is read whole.
_NOW = re.compile(
    r"\b(now|today|tonight|this (week|morning|afternoon|evening|month)|these days|at the moment|"
    r"right now|lately)\b"
)


def _long_ago(sentence: str) -> bool:
    """A sentence (in _normal form) of a time long past, and of nothing now."""
    return bool(_LONG_AGO.search(sentence)) and not _NOW.search(sentence)


def _came_through(text: str) -> bool:
    """Whether an entry (in _normal form) tells of a wish to die long past and since got
    through, with nothing saying it has come back."""
    return bool(_CAME_THROUGH.search(text)) and not _COME_BACK.search(text)


@dataclass(frozen=True)
class Assessment:
    acute_risk: bool
    level: str  # "acute_risk", "distress" or "none"
    score: float  # 0 (nothing) to 1 (several signals of acute risk)

    def as_dict(self) -> dict[str, object]:
        return {"acute_risk": self.acute_risk, "level": self.level, "score": self.score}


def _normal(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text)
    for short, long in _CONTRACTIONS.items():
        text = re.sub(rf"\b{re.escape(short)}\b", long, text)
    return text


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[.!?;\n]+|\bbut\b", text) if s.strip()]


def _clauses(text: str) -> list[str]:
    """The parts of `text` the rules read one at a time: its sentences, split again at "and
    I", whose clause is the writer's own whoever the sentence began with ("she died and I want
    to die too"). The sentence model still leaves the whole sentence to the rules when it began
    with someone else ("he said he wanted to die and I sat with him")."""
    return [c.strip() for s in _sentences(text) for c in re.split(r"\band (?=i\b)", s) if c.strip()]


_ACUTE_RE = [re.compile(p) for p in _ACUTE]
_DISTRESS_RE = [re.compile(p) for p in _DISTRESS]


def _hits(sentence: str, patterns: list[re.Pattern[str]]) -> int:
    found = 0
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            if _NEGATED.search(sentence[: match.start()]):
                continue  # "I would never hurt myself", "I am not suicidal"
            found += 1
    return found


def _about_someone_else(sentence: str) -> bool:
    if "myself" in sentence or re.search(r"\bmy (own )?life\b", sentence):
        return bool(_SOMEONE_ELSE.search(sentence)) and not re.search(r"\bi\b", sentence)
    # A sentence the writer begins ("Sometimes I think the kindest thing I could do for my
    # husband...") is the writer's, whoever else is in it.
    return bool(_SOMEONE_ELSE.search(sentence) or _CLINICAL.search(sentence)) and not re.match(
        r"^(and |so |then |now |sometimes |honestly |lately |often |tonight |today |maybe "
        r"|really |part of me )*i\b",
        sentence,
    )


# What follows "the patient who said", "she told us" is someone else's, not the writer's.
_REPORTED = re.compile(
    r"\b(who|that|he|she|they|patient|pt|family|relative)\b (said|says|told|kept saying|"
    r"wanted|wants|tried|asked|screamed|wrote)\b"
)
# A question put to the writer is the asker's words ("my supervisor asked if I ever think
# about harming myself"): only the writer's answer says what it means.
_QUESTION = re.compile(r"\b(asked|asks|asking) (me |us )?(if|whether)\b")
# The writer's yes to that question, in the next clause: "... and I said yes.", "I am."
_ANSWER_YES = re.compile(
    r"^(yes\b|i (am|do|did|have)$|i (said|told (him|her|them)|answered|admitted)( that)? "
    r"(yes|i do|i did|i have|i am|sometimes)\b)"
)


# "When the relative screamed at me I thought, that's it, I'm ending it tonight": what follows
# the writer's own "I thought" is the writer's, though the sentence began with someone else.
# Only "I thought," with its comma, and not when it is someone else's words reported ("he said,
# 'I think, ...'").
_OWN_THOUGHT = re.compile(
    r"(?<!\")(?<!\" )\bi (thought|think|told myself|said to myself|decided), (?!\")"
)
_REPORTING = re.compile(r"\b(said|says|told (me|us)|asked|screamed|shouted|wrote|whispered)\W*$")


def _writers_own(sentence: str) -> str | None:
    """The writer's own words in a sentence: all of it, the part after "I thought" when it
    began with someone else, or None when it is all someone else's."""
    if not _about_someone_else(sentence):
        return sentence
    thought = _OWN_THOUGHT.search(sentence)
    if not thought or _REPORTING.search(sentence[: thought.start()]):
        return None
    own = sentence[thought.end() :]
    return own if own and not _about_someone_else(own) else None


def assess(text: str, *, use_model: bool = True) -> Assessment:
    acute = distress = asked = 0
    normal = _normal(text)
    # Each clause of a sentence of a wish long past, in an entry that tells of getting through
    # it: "Two years ago I was in a dark place and I made a plan. I got help." (held-out 39).
    past = [s for s in _sentences(normal) if _long_ago(s)] if _came_through(normal) else []
    long_past = set(_clauses(" . ".join(past)))
    # A firearm at hand, read over each whole sentence: "Dad's shotgun is in the cabinet and I
    # know where he hides the key."
    acute += sum(1 for s in _sentences(normal) if s not in past and _GUN_AT_HAND.search(s))
    for part in _clauses(normal):
        if part in long_past:
            continue  # "Five years ago I thought about ending it. I got help."
        if asked and _ANSWER_YES.search(part):
            acute += asked  # "asked if I ever think about it and I said yes"
        asked = 0
        question = _QUESTION.search(part)
        if question:
            asked = _hits(part[question.end() :], _ACUTE_RE)
            part = part[: question.start()]
        if _HIDDEN_END.search(part):
            acute += 1  # "None of them know it's for good."
            continue
        whole = _writers_own(part)
        if whole is None:
            continue
        sentence = _REPORTED.split(whole, maxsplit=1)[0]
        acute += _hits(sentence, _ACUTE_RE)
        leaning = _LEANING.search(sentence)
        ending = _ENDING.search(sentence, leaning.end()) if leaning else None
        if not acute and leaning and ending and not _NEGATED.search(sentence[: ending.start()]):
            acute += 1
        distress += _hits(sentence, _DISTRESS_RE)
    if (
        not acute
        and _PREPARED.search(normal)
        and _PURPOSE_HIDDEN.search(normal)
        and re.match(_LEAVING_A_JOB, normal)  # not a handover before a new job or a move
    ):
        acute += 1  # "…emailed her the logins. She doesn't need to know the rest."
    # Imported here: numpy and the model load only in processes that read writing.
    from alongside.lib import risk_model

    reading = risk_model.read(text) if use_model else None
    from_model = heavy = 0.0
    if reading is not None and reading.acute >= risk_model.THRESHOLD:
        # From the threshold up to 1, onto the same 0.7 to 1 as the rules' acute scores.
        from_model = 0.7 + 0.3 * (reading.acute - risk_model.THRESHOLD) / (1 - risk_model.THRESHOLD)
    elif reading is not None and reading.distress >= risk_model.DISTRESS_THRESHOLD:
        heavy = 0.3 + 0.3 * reading.distress
    if acute or from_model:
        from_rules = 0.7 + 0.1 * (acute - 1) + 0.05 * distress if acute else 0.0
        return Assessment(True, ACUTE, round(min(1.0, max(from_rules, from_model)), 2))
    if distress or heavy:
        from_rules = 0.3 + 0.1 * (distress - 1) if distress else 0.0
        return Assessment(False, DISTRESS, round(min(0.6, max(from_rules, heavy)), 2))
    return Assessment(False, NONE, 0.0)
