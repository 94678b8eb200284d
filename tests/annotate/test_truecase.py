"""Truecasing all-caps wire copy: initialisms with stops, acronyms that are also words."""

from forewarn.annotate.truecase import truecase


def test_dotted_initialisms_stay_upper_case():
    text = "TROOPS GUARDED THE U.S. EMBASSY AND THE U.N. OFFICE."
    out = truecase(text, (), ())
    assert len(out) == len(text) and "the U.S. embassy" in out and "the U.N. office" in out


def test_acronyms_that_are_words_are_words_unless_named():
    text = "A CAR BOMB EXPLODED. WHO PLANTED IT? THE WHO SAID US TROOPS LEFT THE US BASE."
    out = truecase(text, (), {"CAR", "WHO", "US"})
    assert out.startswith("A car bomb exploded. Who planted it? The WHO said us troops left the US base.")
