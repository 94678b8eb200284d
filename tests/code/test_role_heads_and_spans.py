"""Roles by syntax, second pass: subjects the parser hung elsewhere, pronouns named in their own
sentence, and the phrase a participant spans (lists, times, punctuation across a clause).

Each test names the rule it guards (``syntax.subjects``, ``syntax.antecedent``,
``syntax.role_span``, the doer-as-instrument phrase in ``coder``, the "pound" pattern).
"""

from forewarn.code.syntax import antecedent, role_span


def _texts(events, role, etype=None):
    return {a.text for e in events if etype is None or e.type == etype for a in getattr(e, role)}


def _span(nlp, text, head_i):
    doc = nlp(text)
    start, end = role_span(doc[head_i])
    return doc[start:end].text


def test_a_subject_hung_on_the_auxiliary_is_the_verbs(code_text):
    events = code_text("The United Kingdom and France however have opposed resolutions in the United Nations.")
    assert {"The United Kingdom", "France"} <= _texts(events, "actors", "REJECT")


def test_a_pairing_word_belongs_to_the_list_not_its_first_name(code_text):
    events = code_text("Japan lifts sanctions against both India and Pakistan.")
    found = _texts(events, "recipients", "CONCEDE")
    assert "India" in found and not any(t.startswith("both") for t in found)


def test_a_pronoun_takes_the_subject_of_the_verb_its_clause_reports(code_text):
    events = code_text("Netanyahu says he will seek support from PA Leader Mahmoud Abbas.")
    assert "Netanyahu" in _texts(events, "actors", "REQUEST")


def test_an_object_pronoun_takes_the_participant_of_the_governing_verb(code_text):
    events = code_text("Peter Biar Ajak was released Saturday after South Sudan President Salva Kiir pardoned him.")
    assert "Peter Biar Ajak" in _texts(events, "recipients", "RETREAT")


def test_a_pronoun_needs_an_antecedent_of_its_kind(nlp, coder):
    doc = nlp("Police said he had attacked the guards.")
    he = next(t for t in doc if t.lower_ == "he")
    assert antecedent(he, coder._is_person) is None  # "he" is no police force


def test_punctuation_across_a_left_out_clause_does_not_stretch_the_phrase(nlp):
    text = ("The Iraqi air force carried out at least three air strikes in western Mosul, killing several dozens "
            "of Islamic State fighters, according to Iraqi military statements on Tuesday.")
    doc = nlp(text)
    force = next(t for t in doc if t.text == "force")
    start, end = role_span(force)
    assert doc[start:end].text == "The Iraqi air force"


def test_a_date_or_a_time_adverb_before_a_name_stays_out(code_text):
    events = code_text("On 17 July 2017 Russia's Supreme Court rejected an appeal lodged by the group.")
    assert "Russia's Supreme Court" in _texts(events, "actors", "REJECT")
    events = code_text("Hours earlier Maduro expelled the top American diplomat.")
    assert "Maduro" in _texts(events, "actors", "SANCTION")


def test_a_number_alone_is_no_date_to_cut(code_text):
    events = code_text("Taliban militants were holding 2000 people in Buner district in Pakistan to use them as "
                       "human shields in the case the army attacked.")
    assert any(t.startswith("2000 people") for t in _texts(events, "recipients"))


def test_pounding_a_position_is_an_attack(code_text):
    events = code_text("Iraqi warplanes pounded Islamic State positions in eastern Syria with deadly airstrikes "
                       "Thursday.")
    assault = [e for e in events if e.type == "ASSAULT" and e.evidence.trigger == "pounded"]
    assert assault and "Iraqi warplanes" in _texts(assault, "actors")


def test_a_weapon_as_doer_is_named_by_its_whole_phrase(code_text):
    events = code_text("Syrian government missiles have struck a rebel-held area near the Golan Heights.")
    assert "Syrian government missiles" in _texts(events, "actors", "ASSAULT")


def test_a_list_read_as_an_apposition_gives_every_member(code_text):
    events = code_text("The United States, India, Israel, Pakistan and other governments have sent emergency "
                       "supplies to Nepal.")
    assert {"India", "Israel", "Pakistan"} <= _texts(events, "actors", "AID")


def test_a_noun_of_asking_leaves_out_what_is_asked(code_text):
    events = code_text("The Taliban rejected on Monday an Afghan government offer of a ceasefire.")
    assert "an Afghan government offer" in _texts(events, "recipients", "REJECT")


def test_a_noun_of_asking_keeps_who_asks(nlp):
    doc = nlp("The Philippine government has rejected the call of the European Parliament.")
    call = next(t for t in doc if t.text == "call")
    start, end = role_span(call)
    assert doc[start:end].text == "the call of the European Parliament"


def test_the_charge_is_no_part_of_the_accused(code_text):
    events = code_text("Amnesty International has accused the Nigerian military of mass slaughter of hundreds of "
                       "men in Zaria.")
    assert "the Nigerian military" in _texts(events, "recipients", "ACCUSE")


def test_goods_given_to_a_named_party_are_aid(code_text):
    events = code_text("The Netherlands has donated surplus stocks to Lebanon this year.")
    aid = [e for e in events if e.type == "AID"]
    assert aid and "Lebanon" in _texts(aid, "recipients")
    events = code_text("The United States has provided the Lebanese Armed Forces with aircraft and vehicles.")
    assert "the Lebanese Armed Forces" in _texts(events, "recipients", "AID")


def test_a_speech_given_to_a_party_is_no_aid(code_text):
    events = code_text("The minister delivered a speech to parliament on Monday.")
    assert not [e for e in events if e.type == "AID"]


def test_a_measure_word_passes_the_requirement_to_its_of_phrase(code_text):
    events = code_text("The Guatemalan government declared a state of siege Sunday in the northern province of "
                       "Alta Verapaz.")
    coerce = [e for e in events if e.type == "COERCE"]
    assert coerce and "The Guatemalan government" in _texts(coerce, "actors")


def test_an_act_in_a_clause_on_the_object_does_not_replace_the_verb(code_text):
    events = code_text("Israeli Prime Minister Benjamin Netanyahu praised US President Donald Trump's decision "
                       "to recognize Jerusalem as Israel's capital.")
    assert "praised" in {e.evidence.trigger for e in events}


def test_strikes_carried_out_are_attacks_and_strikes_staged_are_not(code_text):
    events = code_text("Israel's air force carried out strikes Friday evening against Hamas targets in Gaza.")
    assert "Hamas targets in Gaza" in _texts(events, "recipients", "ASSAULT")
    events = code_text("Workers staged strikes across the country over pay.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_gerund_after_a_preposition_shares_the_clause_subject(code_text):
    events = code_text("China continues its efforts in Africa by donating medical supplies to African countries.")
    assert "China" in _texts(events, "actors", "AID")


def test_a_first_verb_misread_as_a_noun_still_lends_its_subject(code_text):
    events = code_text("The Palestinian government, thus, rejects and condemns the US administration's decision.")
    assert "The Palestinian government" in _texts(events, "actors", "ACCUSE")


def test_an_acronym_misread_as_an_adverb_is_the_subject(code_text):
    events = code_text("USAID provided basic shelter materials to 1.5 million people after the earthquake in Haiti.")
    assert "USAID" in _texts(events, "actors", "AID")


def test_an_offer_to_send_goes_to_whom_it_is_sent(code_text):
    events = code_text("President Obama has offered to send troops to Uganda to help African troops.")
    found = _texts([e for e in events if e.evidence.trigger == "offered"], "recipients")
    assert "Uganda" in found and "troops" not in found
